// Hand-written reference for co-simulation tests: systolic 2x2 weight-stationary, int8 activations,
// int8 weights, int18 wrap partial sums. Transaction-level (not a real systolic schedule): a w beat
// loads W, an in beat produces y_c = sum_r x_r * W[r][c] mod 2^18.
`default_nettype none
module ws2x2 (
    input  wire        clk,
    input  wire        rst,
    input  wire        w_valid,
    output wire        w_ready,
    input  wire [31:0] w_data,
    input  wire        in_valid,
    output wire        in_ready,
    input  wire [15:0] in_x,
    output reg         out_valid,
    input  wire        out_ready,
    output reg  [35:0] out_y
);
    reg [31:0] w_q;
    // Weights may only change when no result is waiting (earlier activations have left).
    assign w_ready = !out_valid;
    assign in_ready = !out_valid || out_ready;

    function automatic [17:0] prod(input [7:0] x, input [7:0] w);
        reg signed [15:0] p;
        begin
            p = $signed(x) * $signed(w);
            prod = {{2{p[15]}}, p};
        end
    endfunction

    // W is row-major: W[r][c] = w_q[(r*2+c)*8 +: 8].
    wire [17:0] y0 = prod(in_x[7:0], w_q[7:0])  + prod(in_x[15:8], w_q[23:16]);
    wire [17:0] y1 = prod(in_x[7:0], w_q[15:8]) + prod(in_x[15:8], w_q[31:24]);

    always @(posedge clk) begin
        if (rst) begin
            w_q <= 32'd0;
            out_valid <= 1'b0;
        end else begin
            if (out_valid && out_ready) out_valid <= 1'b0;
            if (w_valid && w_ready) w_q <= w_data;
            if (in_valid && in_ready) begin
                out_y <= {y1, y0};
                out_valid <= 1'b1;
            end
        end
    end
endmodule
`default_nettype wire
