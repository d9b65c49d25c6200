// Hand-written reference for co-simulation tests (not generated): adder_tree K=2, int8 x int8,
// int32 wrap accumulator, accumulate on (in_last). One output register; in_ready stalls while a
// result waits for out_ready.
`default_nettype none
module tree2 (
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
            acc_q <= 32'd0;
            out_valid <= 1'b0;
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
