// Test module: tree2 with a forgotten reset of the accumulator. Registers start random in the
// harness (+verilator+rand+reset+2), so the first result must mismatch.
`default_nettype none
module tree2_noreset (
    input  wire        clk,
    input  wire        rst,
    input  wire        in_valid,
    output wire        in_ready,
    input  wire [15:0] in_a,
    input  wire [15:0] in_b,
    input  wire        in_last,
    output reg         out_valid,
    input  wire        out_ready,
    output reg  [31:0] out_sum
);
    reg  [31:0] acc_q;
    wire signed [15:0] p0 = $signed(in_a[7:0]) * $signed(in_b[7:0]);
    wire signed [15:0] p1 = $signed(in_a[15:8]) * $signed(in_b[15:8]);
    wire [31:0] dot = {{16{p0[15]}}, p0} + {{16{p1[15]}}, p1};
    wire [31:0] next = acc_q + dot;
    wire in_fire = in_valid && in_ready;

    assign in_ready = !out_valid || out_ready;

    always @(posedge clk) begin
        if (rst) begin
            out_valid <= 1'b0;   // acc_q deliberately not reset
        end else begin
            if (out_valid && out_ready) out_valid <= 1'b0;
            if (in_fire) begin
                if (in_last) begin
                    out_sum <= next;
                    out_valid <= 1'b1;
                    acc_q <= 32'd0;
                end else begin
                    acc_q <= next;
                end
            end
        end
    end
endmodule
`default_nettype wire
