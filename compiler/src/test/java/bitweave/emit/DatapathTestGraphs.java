package bitweave.emit;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import java.math.BigInteger;
import java.util.List;

/** Hand-built datapath graphs for the printer's tests. */
final class DatapathTestGraphs {
    private DatapathTestGraphs() {
    }

    /**
     * A small MAC (int4 x int4, accumulated into a saturating 10-bit register) beside a radix-4 Booth and
     * an EN-T multiplier slice, so that every op kind except bit-heap appears at least once.
     */
    static Datapath allOps() {
        DatapathBuilder b = new DatapathBuilder("mac.bw:2:3");
        Value a = b.input("a_in", 4);
        Value bIn = b.input("b_in", 4);
        Value valid = b.input("valid_in", 1);
        Value clear = b.input("clear_in", 1);
        Value acc = b.output("acc_out", 10);
        Value boothRow = b.output("booth_row0", 5);
        Value flags = b.output("flags_out", 4);

        // behavioural MAC: acc = sat10(acc + a*b), held when not valid, zeroed by clear
        b.at("mac.bw:3:5");
        Value aExt = b.extend("a_ext", a, 8, true);
        Value bExt = b.extend("b_ext", bIn, 8, true);
        Value product = b.fresh("product", 8);
        b.add(new Op.Multiply(product, aExt, bExt, b.loc()));
        Value productExt = b.extend("product_ext", product, 12, true);
        Value accExt = b.extend("acc_ext", acc, 12, true);
        Value sum = b.add("sum", accExt, productExt);
        Value fitted = b.fresh("fitted", 10);
        b.add(new Op.Fit(fitted, sum, Op.FitPolicy.SATURATE_SIGNED, b.loc()));
        b.at("mac.bw:4:5");
        Value zero = b.constant("zero", 10, 0);
        Value next = b.mux("acc_next", clear, zero, fitted);
        Value enable = b.or("acc_en", valid, clear);
        b.register(acc, next, enable, BigInteger.ZERO);

        // radix-4 Booth encoding of a, the first partial product row of b
        b.at("mac.bw:6:5");
        int digits = Op.BoothEncode.digits(4, true);
        Value neg = b.fresh("booth_neg", digits);
        Value one = b.fresh("booth_one", digits);
        Value two = b.fresh("booth_two", digits);
        b.add(new Op.BoothEncode(neg, one, two, a, true, b.loc()));
        b.add(new Op.PartialProduct(boothRow, b.bit("neg0", neg, 0), b.bit("one0", one, 0), b.bit("two0", two, 0),
                bIn, true, b.loc()));

        // EN-T encoding of b as unsigned, a counter row over some digit bits, and a few logic ops
        b.at("mac.bw:7:5");
        int entDigits = Op.EntEncode.digits(4, false);
        Value eNeg = b.fresh("ent_neg", entDigits);
        Value eOne = b.fresh("ent_one", entDigits);
        Value eTwo = b.fresh("ent_two", entDigits);
        b.add(new Op.EntEncode(eNeg, eOne, eTwo, bIn, false, b.loc()));
        Value fs = b.fresh("fa_sum", 1);
        Value fc = b.fresh("fa_carry", 1);
        b.add(new Op.FullAdder(fs, fc, b.bit("e0", eOne, 0), b.bit("e1", eTwo, 1), b.bit("e2", eNeg, 2), b.loc()));
        Value hs = b.fresh("ha_sum", 1);
        Value hc = b.fresh("ha_carry", 1);
        b.add(new Op.HalfAdder(hs, hc, fs, b.bit("e3", eOne, 1), b.loc()));
        Value cs = b.fresh("c42_sum", 1);
        Value cc = b.fresh("c42_carry", 1);
        Value co = b.fresh("c42_cout", 1);
        b.add(new Op.Compressor42(cs, cc, co, fc, hs, hc, b.bit("e4", eTwo, 0), valid, b.loc()));
        Value parity = b.fresh("parity", 1);
        b.add(new Op.Reduce(parity, Op.LogicKind.XOR, bIn, b.loc()));
        Value inverted = b.not("c42_n", b.logic("c42_x", Op.LogicKind.XOR, cs, cc));
        b.add(new Op.Concat(flags, List.of(inverted, co, parity, b.registerData("parity_q", parity, null)), b.loc()));
        Value shifted = b.fresh("a_shifted", 5);
        b.add(new Op.ShiftLeft(shifted, a, 2, b.loc()));
        b.add(new Op.Fit(b.output("wrap_out", 3), shifted, Op.FitPolicy.WRAP, b.loc()));
        b.add(new Op.Fit(b.output("usat_out", 2), shifted, Op.FitPolicy.SATURATE_UNSIGNED, b.loc()));
        return b.build();
    }
}
