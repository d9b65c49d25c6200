`default_nettype none

module dp_all_ops (
  input  wire clk,
  input  wire rst,
  input  wire [3:0] a_in,
  input  wire [3:0] b_in,
  input  wire valid_in,
  input  wire clear_in,
  output wire [9:0] acc_out,
  output wire [4:0] booth_row0,
  output wire [3:0] flags_out,
  output wire [2:0] wrap_out,
  output wire [1:0] usat_out
);
  wire [7:0] a_ext;
  wire [7:0] b_ext;
  wire [7:0] product;
  wire [11:0] product_ext;
  wire [11:0] acc_ext;
  wire [11:0] sum;
  wire [9:0] fitted;
  wire [9:0] zero;
  wire [9:0] acc_next;
  wire acc_en;
  reg [9:0] acc_out_q;

  // verilator lint_off UNUSED
  wire [1:0] booth_neg;
  wire [1:0] booth_one;
  wire [1:0] booth_two;
  // verilator lint_on UNUSED

  wire neg0;
  wire one0;
  wire two0;

  // verilator lint_off UNUSED
  wire [2:0] ent_neg;
  wire [2:0] ent_one;
  wire [2:0] ent_two;
  // verilator lint_on UNUSED

  wire e0;
  wire e1;
  wire e2;
  wire fa_sum;
  wire fa_carry;
  wire e3;
  wire ha_sum;
  wire ha_carry;
  wire e4;
  wire c42_sum;
  wire c42_carry;
  wire c42_cout;
  wire parity;
  wire c42_x;
  wire c42_n;
  reg parity_q;
  wire [4:0] a_shifted;

  // @[mac.bw:3:5]
  assign a_ext = {{4{a_in[3]}}, a_in};
  assign b_ext = {{4{b_in[3]}}, b_in};
  assign product = $signed(a_ext) * $signed(b_ext);
  assign product_ext = {{4{product[7]}}, product};
  assign acc_ext = {{2{acc_out[9]}}, acc_out};
  assign sum = acc_ext + product_ext;
  // saturate signed: in range when sum[11:9] are all equal, else the sign picks the bound
  assign fitted = ((&sum[11:9]) | (~|sum[11:9])) ? sum[9:0] : (sum[11] ? 10'h200 : 10'h1ff);

  // @[mac.bw:4:5]
  assign zero = 10'h0;
  assign acc_next = clear_in ? zero : fitted;
  assign acc_en = valid_in | clear_in;
  always @(posedge clk) begin
    if (rst) begin
      acc_out_q <= 10'h0;
    end else if (acc_en) begin
      acc_out_q <= acc_next;
    end
  end
  assign acc_out = acc_out_q;

  // @[mac.bw:6:5]
  // radix-4 Booth digits of a_in (signed): window (hi, mid, lo) = a_in[2i+1], [2i], [2i-1]
  wire [1:0] booth_neg_hi = {a_in[3], a_in[1]};
  wire [1:0] booth_neg_mid = {a_in[2], a_in[0]};
  wire [1:0] booth_neg_lo = {a_in[1], 1'b0};
  assign booth_neg = booth_neg_hi & ~(booth_neg_mid & booth_neg_lo);
  assign booth_one = booth_neg_mid ^ booth_neg_lo;
  assign booth_two = (booth_neg_hi & ~booth_neg_mid & ~booth_neg_lo) | (~booth_neg_hi & booth_neg_mid & booth_neg_lo);
  assign neg0 = booth_neg[0];
  assign one0 = booth_one[0];
  assign two0 = booth_two[0];
  assign booth_row0 = (one0 ? {b_in[3], b_in} : two0 ? {b_in, 1'b0} : 5'h0) ^ {5{neg0}};

  // @[mac.bw:7:5]
  // EN-T digits of b_in (unsigned): magnitude pairs (hi, lo) plus the carry from below give
  // code 0..3 = digit 0, +1, +2, -1 (3 and 4 carry on)
  wire [2:0] ent_neg_hi = {1'b0, b_in[3], b_in[1]};
  wire [2:0] ent_neg_lo = {1'b0, b_in[2], b_in[0]};
  wire [2:0] ent_neg_gen = ent_neg_hi & ent_neg_lo;
  wire [2:0] ent_neg_carry = (ent_neg_hi + ent_neg_gen) ^ ent_neg_hi ^ ent_neg_gen;
  wire [2:0] ent_neg_code0 = ent_neg_lo ^ ent_neg_carry;
  wire [2:0] ent_neg_code1 = ent_neg_hi ^ (ent_neg_lo & ent_neg_carry);
  assign ent_one = ent_neg_code0;
  assign ent_two = ent_neg_code1 & ~ent_neg_code0;
  assign ent_neg = ent_neg_code1 & ent_neg_code0;
  assign e0 = ent_one[0];
  assign e1 = ent_two[1];
  assign e2 = ent_neg[2];
  assign fa_sum = e0 ^ e1 ^ e2;
  assign fa_carry = (e0 & e1) | (e0 & e2) | (e1 & e2);
  assign e3 = ent_one[1];
  assign ha_sum = fa_sum ^ e3;
  assign ha_carry = fa_sum & e3;
  assign e4 = ent_two[0];
  // 4:2 compressor: x0 + x1 + x2 = s + 2*cout, then s + x3 + cin = sum + 2*carry
  assign c42_cout = (fa_carry & ha_sum) | (fa_carry & ha_carry) | (ha_sum & ha_carry);
  assign c42_sum = fa_carry ^ ha_sum ^ ha_carry ^ e4 ^ valid_in;
  assign c42_carry = (e4 & valid_in) | ((fa_carry ^ ha_sum ^ ha_carry) & (e4 | valid_in));
  assign parity = ^b_in;
  assign c42_x = c42_sum ^ c42_carry;
  assign c42_n = ~c42_x;
  always @(posedge clk) begin
    parity_q <= parity;
  end
  assign flags_out = {c42_n, c42_cout, parity, parity_q};
  assign a_shifted = {a_in[2:0], 2'h0};  // a_in << 2
  assign wrap_out = a_shifted[2:0];  // wrap: the bits above are dropped
  // saturate unsigned: a negative value gives 0, a set bit in a_shifted[3:2] all ones
  assign usat_out = a_shifted[4] ? 2'h0 : ((|a_shifted[3:2]) ? 2'h3 : a_shifted[1:0]);
endmodule

`default_nettype wire
