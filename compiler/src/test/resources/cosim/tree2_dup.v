// Test module with tree2's ports (accumulate, int32 wrap) that sends every result TWICE: the second
// copy after the last expected beat must be reported as an unexpected extra output beat.
`default_nettype none
module tree2_dup (
    input  wire        clk,
    input  wire        rst,
    input  wire        in_valid,
    output wire        in_ready,
    input  wire [15:0] in_a,
    input  wire [15:0] in_b,
    input  wire        in_last,
    output wire        out_valid,
    input  wire        out_ready,
    output reg  [31:0] out_sum
);
    reg  [31:0] acc_q;
    reg  [1:0]  copies_q;   // output copies still to send
    wire signed [15:0] p0 = $signed(in_a[7:0]) * $signed(in_b[7:0]);
    wire signed [15:0] p1 = $signed(in_a[15:8]) * $signed(in_b[15:8]);
    wire [31:0] next = acc_q + {{16{p0[15]}}, p0} + {{16{p1[15]}}, p1};

    assign out_valid = copies_q != 2'd0;
    assign in_ready = !out_valid;

    always @(posedge clk) begin
        if (rst) begin
            acc_q <= 32'd0;
            copies_q <= 2'd0;
        end else if (out_valid) begin
            if (out_ready) copies_q <= copies_q - 2'd1;
        end else if (in_valid) begin
            if (in_last) begin
                out_sum <= next;
                copies_q <= 2'd2;
                acc_q <= 32'd0;
            end else begin
                acc_q <= next;
            end
        end
    end
endmodule
`default_nettype wire
