// Hand-written reference for co-simulation tests with wide ports: systolic 2x5 output-stationary,
// a = int48 (in_a: 96 bits), b = int26 (in_b: 130 bits), acc = int13 wrap (out_c: 130 bits), plus the
// 1-bit in_last. With wrap arithmetic only the low 13 bits of each operand matter.
`default_nettype none
module os2x5_wide (
    input  wire         clk,
    input  wire         rst,
    input  wire         in_valid,
    output wire         in_ready,
    input  wire [95:0]  in_a,
    input  wire [129:0] in_b,
    input  wire         in_last,
    output reg          out_valid,
    input  wire         out_ready,
    output reg  [129:0] out_c
);
    reg  [129:0] acc_q;
    wire [129:0] next;
    assign in_ready = !out_valid || out_ready;

    genvar r, c;
    generate
        for (r = 0; r < 2; r = r + 1) begin : g_row
            for (c = 0; c < 5; c = c + 1) begin : g_col
                wire [12:0] p = in_a[r*48 +: 13] * in_b[c*26 +: 13];
                assign next[(r*5+c)*13 +: 13] = acc_q[(r*5+c)*13 +: 13] + p;
            end
        end
    endgenerate

    always @(posedge clk) begin
        if (rst) begin
            acc_q <= 130'd0;
            out_valid <= 1'b0;
        end else begin
            if (out_valid && out_ready) out_valid <= 1'b0;
            if (in_valid && in_ready) begin
                if (in_last) begin
                    out_c <= next;
                    out_valid <= 1'b1;
                    acc_q <= 130'd0;
                end else begin
                    acc_q <= next;
                end
            end
        end
    end
endmodule
`default_nettype wire
