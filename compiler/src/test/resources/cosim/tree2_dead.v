// Test module with tree2's ports that accepts every input beat and never produces an output beat:
// the harness watchdog must report which expected beat never came.
`default_nettype none
module tree2_dead (
    input  wire        clk,
    input  wire        rst,
    input  wire        in_valid,
    output wire        in_ready,
    input  wire [15:0] in_a,
    input  wire [15:0] in_b,
    input  wire        in_last,
    output wire        out_valid,
    input  wire        out_ready,
    output wire [31:0] out_sum
);
    assign in_ready = 1'b1;
    assign out_valid = 1'b0;
    assign out_sum = 32'd0;
endmodule
`default_nettype wire
