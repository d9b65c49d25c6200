package bitweave.units.mx;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.numeric.BlockFormat;
import bitweave.numeric.ElementFormat;
import bitweave.numeric.Encoding;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.IntElementFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * The block dot product's datapath graphs, from the formats' parameters: the block graph, and the exact or the
 * ordered accumulation graph.
 *
 * <p>Block: each element is an integer significand times 2^(shift + lsb) (a float's shift is its exponent
 * field - 1; an integer has none), so a product is sigA * sigB shifted left by shiftA + shiftB on a fixed-point
 * grid of weight 2^(lsbA + lsbB): exact, and the K signed products meet in one bit heap. The block's exponent
 * is the sum of the two scale codes. NaN/Inf leave as flags.
 *
 * <p>Accumulation (a Kulisch accumulator): each block sum shifted left by its exponent lands on one grid of
 * weight 2^(lsbA + lsbB - biasA - biasB), wide enough for every scale, so the block sums add exactly in a
 * second bit heap; the total's magnitude is normalized and rounded once, to nearest even, into the output
 * ({@link Rounder#toFloat}: subnormals, overflow to Inf).
 */
final class BlockDotGraphs {
    private final BlockDotUnit d;
    private final BlockFormat a;
    private final BlockFormat b;
    private final Operand opA;
    private final Operand opB;

    /** An element format as a significand, a shift and a grid weight 2^lsb. */
    private record Operand(ElementFormat format, int sigWidth, int shiftBits, int maxShift, int lsb) {
        static Operand of(ElementFormat e) {
            if (e instanceof FloatFormat f) {
                int shiftMax = (1 << f.exponentBits()) - 2; // the largest exponent field, less one
                return new Operand(e, f.mantissaBits() + 1, f.exponentBits(), shiftMax, 1 - f.bias() - f.mantissaBits());
            }
            IntElementFormat i = (IntElementFormat) e;
            return new Operand(e, i.signMagnitude() ? i.width() - 1 : i.width(), 0, 0, -i.fractionBits());
        }
    }

    BlockDotGraphs(BlockDotUnit d) {
        this.d = d;
        this.a = d.rule().a();
        this.b = d.rule().b();
        this.opA = Operand.of(a.element());
        this.opB = Operand.of(b.element());
    }

    /** Width of the exact product grid: the product of the significands shifted by at most both maximal shifts. */
    int productWidth() {
        return opA.sigWidth() + opB.sigWidth() + opA.maxShift() + opB.maxShift();
    }

    /** Width of a block sum: K signed products. */
    int blockSumWidth() {
        return productWidth() + 1 + ceilLog2(d.blockSize());
    }

    /** Width of the sum of the two scale codes. */
    int exponentWidth() {
        return Math.max(a.scale().bits(), b.scale().bits()) + 1;
    }

    /** Width of the accumulator: a block sum shifted by the largest exponent, blocks of them, one sign. */
    int accumulatorWidth() {
        return blockSumWidth() + (int) (a.scale().maxCode() + b.scale().maxCode()) + ceilLog2(d.blocks()) + 1;
    }

    static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    /** One element's sign, significand (unsigned), shift and special flags. */
    private record Element(Value sign, Value sig, Value shift, Value zero, Value nan, Value inf) {
    }

    private Element element(FloatOps f, DatapathBuilder g, Operand op, String base, Value code) {
        ElementFormat e = op.format();
        Value sign = f.top(base + "_sign", code);
        if (e instanceof FloatFormat ff) {
            Value exp = g.slice(base + "_exp", code, ff.mantissaBits(), ff.exponentBits());
            Value frac = g.slice(base + "_frac", code, 0, ff.mantissaBits());
            Value eZero = f.isZero(base + "_exp_zero", exp);
            Value fracZero = f.isZero(base + "_frac_zero", frac);
            Value sig = f.concat(base + "_sig", g.not(base + "_hidden", eZero), frac);
            // shift = exponent field - 1, 0 for the subnormals (field 0 has the weight of field 1)
            Value shift = g.mux(base + "_shift", eZero, f.constant(base + "_shift0", ff.exponentBits(), 0),
                    f.sub(base + "_shift_n", exp, f.constant(base + "_one", ff.exponentBits(), 1)));
            Value ones = f.allOnes(base + "_exp_ones", exp);
            Value nan = null;
            Value inf = null;
            switch (ff.specials()) {
                case IEEE -> {
                    nan = g.and(base + "_nan", ones, g.not(base + "_frac_some", fracZero));
                    inf = g.and(base + "_inf", ones, fracZero);
                }
                case NAN_ONLY -> nan = g.and(base + "_nan", ones, f.allOnes(base + "_frac_ones", frac));
                default -> { }
            }
            return new Element(sign, sig, shift, g.and(base + "_zero", eZero, fracZero), nan, inf);
        }
        IntElementFormat ie = (IntElementFormat) e;
        int w = ie.width();
        Value sig = ie.signMagnitude() ? g.slice(base + "_mag", code, 0, w - 1)
                : g.mux(base + "_mag", sign, f.sub(base + "_neg", f.constant(base + "_z", w, 0), code), code);
        return new Element(sign, sig, null, f.isZero(base + "_zero", sig), null, null);
    }

    Datapath blockGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        FloatOps f = new FloatOps(g);
        int k = d.blockSize();
        Value aScale = g.input("a_scale", a.scale().bits());
        Value aElem = g.input("a_elem", k * a.element().width());
        Value bScale = g.input("b_scale", b.scale().bits());
        Value bElem = g.input("b_elem", k * b.element().width());
        Value sumOut = g.output("sum", blockSumWidth());
        Value expOut = g.output("exp", exponentWidth());
        Value nanOut = g.output("nan", 1);
        Value infPosOut = g.output("inf_pos", 1);
        Value infNegOut = g.output("inf_neg", 1);
        int pm = opA.sigWidth() + opB.sigWidth();
        int pw = productWidth();
        int shiftBits = Math.max(1, 32 - Integer.numberOfLeadingZeros(opA.maxShift() + opB.maxShift()));
        List<Op.HeapRow> rows = new ArrayList<>();
        List<Value> nans = new ArrayList<>();
        List<Value> infPos = new ArrayList<>();
        List<Value> infNeg = new ArrayList<>();
        nans.add(f.allOnes("a_scale_nan", aScale));
        nans.add(f.allOnes("b_scale_nan", bScale));
        for (int i = 0; i < k; i++) {
            Element x = element(f, g, opA, "a" + i, g.slice("a" + i, aElem, i * a.element().width(), a.element().width()));
            Element y = element(f, g, opB, "b" + i, g.slice("b" + i, bElem, i * b.element().width(), b.element().width()));
            Value product = g.fresh("p" + i, pm);
            g.add(new Op.Multiply(product, f.zeroExtend("p" + i + "_a", x.sig(), pm), f.zeroExtend("p" + i + "_b", y.sig(), pm),
                    g.loc()));
            Value placed = f.zeroExtend("p" + i + "_wide", product, pw);
            if (x.shift() != null || y.shift() != null) {
                Value shift = x.shift() == null ? f.zeroExtend("p" + i + "_sh", y.shift(), shiftBits)
                        : y.shift() == null ? f.zeroExtend("p" + i + "_sh", x.shift(), shiftBits)
                        : f.add("p" + i + "_sh", f.zeroExtend("p" + i + "_sha", x.shift(), shiftBits),
                                f.zeroExtend("p" + i + "_shb", y.shift(), shiftBits));
                placed = f.shiftLeft("p" + i + "_grid", placed, shift);
            }
            Value negative = g.logic("p" + i + "_neg", Op.LogicKind.XOR, x.sign(), y.sign());
            Value wide = f.zeroExtend("p" + i + "_s", placed, pw + 1);
            Value signed = g.mux("p" + i + "_signed", negative, f.sub("p" + i + "_minus", f.constant("p" + i + "_0", pw + 1, 0), wide), wide);
            rows.add(new Op.HeapRow(signed, 0, true));
            Value inf = x.inf() != null && y.inf() != null ? g.or("l" + i + "_inf", x.inf(), y.inf())
                    : x.inf() != null ? x.inf() : y.inf();
            if (x.nan() != null) {
                nans.add(x.nan());
            }
            if (y.nan() != null) {
                nans.add(y.nan());
            }
            if (x.inf() != null) {
                nans.add(g.and("l" + i + "_inf_a0", x.inf(), y.zero()));
            }
            if (y.inf() != null) {
                nans.add(g.and("l" + i + "_inf_b0", y.inf(), x.zero()));
            }
            if (inf != null) {
                infPos.add(g.and("l" + i + "_inf_pos", inf, g.not("l" + i + "_pos", negative)));
                infNeg.add(g.and("l" + i + "_inf_neg", inf, negative));
            }
        }
        int bw = blockSumWidth();
        if (rows.size() == 1) {
            g.add(new Op.Extend(sumOut, rows.get(0).value(), true, g.loc()));
        } else {
            Value hs = g.fresh("heap_sum", bw);
            Value hc = g.fresh("heap_carry", bw);
            g.add(new Op.BitHeap(hs, hc, rows, Op.Reduction.WALLACE, false, g.loc()));
            g.add(new Op.Add(sumOut, hs, hc, false, g.loc()));
        }
        int ew = exponentWidth();
        g.add(new Op.Add(expOut, f.zeroExtend("a_scale_w", aScale, ew), f.zeroExtend("b_scale_w", bScale, ew), false, g.loc()));
        g.add(new Op.Extend(nanOut, f.anyOf("nan_any", nans), false, g.loc()));
        g.add(new Op.Extend(infPosOut, infPos.isEmpty() ? f.constant("no_inf_pos", 1, 0) : f.anyOf("inf_pos_any", infPos),
                false, g.loc()));
        g.add(new Op.Extend(infNegOut, infNeg.isEmpty() ? f.constant("no_inf_neg", 1, 0) : f.anyOf("inf_neg_any", infNeg),
                false, g.loc()));
        return g.build();
    }

    Datapath accumulateGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        FloatOps f = new FloatOps(g);
        int n = d.blocks();
        int bw = blockSumWidth();
        int ew = exponentWidth();
        int aw = accumulatorWidth();
        Value sums = g.input("sums", n * bw);
        Value exps = g.input("exps", n * ew);
        Value nans = g.input("nans", n);
        Value infPos = g.input("inf_pos", n);
        Value infNeg = g.input("inf_neg", n);
        FloatFormat out = d.rule().out();
        Value y = g.output("y", out.width());
        List<Op.HeapRow> rows = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            Value sum = f.signExtend("s" + j + "_wide", g.slice("s" + j, sums, j * bw, bw), aw);
            rows.add(new Op.HeapRow(f.shiftLeft("s" + j + "_grid", sum, g.slice("e" + j, exps, j * ew, ew)), 0, true));
        }
        Value total;
        if (n == 1) {
            total = rows.get(0).value();
        } else {
            Value hs = g.fresh("acc_sum", aw);
            Value hc = g.fresh("acc_carry", aw);
            g.add(new Op.BitHeap(hs, hc, rows, Op.Reduction.WALLACE, false, g.loc()));
            total = f.add("total", hs, hc);
        }
        Value sign = f.top("sign", total);
        Value magnitude = g.mux("magnitude", sign, f.sub("total_neg", f.constant("total_zero", aw, 0), total), total);
        FloatOps.Normalized norm = f.normalize("norm", magnitude);
        int lsb = opA.lsb() + opB.lsb() - a.scale().bias() - b.scale().bias();
        int w = 32 - Integer.numberOfLeadingZeros(aw + Math.abs(lsb) + out.bias() + 8) + 2;
        // the exponent of the leading one: (aw - 1 - lz) + lsb
        Value dExp = f.sub("d", f.constant("d_top", w, aw - 1 + lsb), f.zeroExtend("d_lz", norm.shift(), w));
        Value finite = new Rounder(f, g, Encoding.IEEE).toFloat(out, sign, norm.value(), dExp,
                f.isZero("total_is_zero", magnitude), w);
        Value anyPos = f.anyBit("any_inf_pos", infPos);
        Value anyNeg = f.anyBit("any_inf_neg", infNeg);
        Value nan = g.or("y_nan", f.anyBit("any_nan", nans), g.and("inf_both", anyPos, anyNeg));
        Value inf = g.or("y_inf", anyPos, anyNeg);
        Value infCode = f.concat("inf_code", anyNeg, f.constant("inf_mag", out.width() - 1, out.infinityCode(false)));
        Value special = g.mux("y_special", inf, infCode, finite);
        g.add(new Op.Mux(y, nan, f.constant("nan_code", out.width(), out.nanCode()), special, g.loc()));
        return g.build();
    }

    /**
     * Ordered accumulation: each block sum rounded into the output on its own (normalize, one rounding), then
     * output-format additions in block order from +0 ({@link FloatAdder}), each rounded to nearest even.
     */
    Datapath orderedGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        FloatOps f = new FloatOps(g);
        int n = d.blocks();
        int bw = blockSumWidth();
        int ew = exponentWidth();
        Value sums = g.input("sums", n * bw);
        Value exps = g.input("exps", n * ew);
        Value nans = g.input("nans", n);
        Value infPos = g.input("inf_pos", n);
        Value infNeg = g.input("inf_neg", n);
        FloatFormat out = d.rule().out();
        Value y = g.output("y", out.width());
        int lsb = opA.lsb() + opB.lsb() - a.scale().bias() - b.scale().bias();
        int w = 32 - Integer.numberOfLeadingZeros(bw + Math.abs(lsb) + (1 << ew) + out.bias() + 8) + 2;
        FloatAdder adder = new FloatAdder(f, g, out);
        Value acc = f.constant("acc0", out.width(), 0);
        for (int j = 0; j < n; j++) {
            String p = "p" + j;
            Value sum = g.slice(p + "_sum", sums, j * bw, bw);
            Value sign = f.top(p + "_sign", sum);
            Value magnitude = g.mux(p + "_mag", sign, f.sub(p + "_neg", f.constant(p + "_zero", bw, 0), sum), sum);
            FloatOps.Normalized norm = f.normalize(p + "_norm", magnitude);
            // the exponent of the leading one: (bw - 1 - lz) + lsb + the block's scale codes
            Value dExp = f.sub(p + "_d", f.add(p + "_d_e", f.zeroExtend(p + "_d_exp", g.slice(p + "_exp", exps, j * ew, ew), w),
                    f.constant(p + "_d_top", w, bw - 1 + lsb)), f.zeroExtend(p + "_d_lz", norm.shift(), w));
            Value finite = new Rounder(f, g, Encoding.IEEE).toFloat(out, sign, norm.value(), dExp,
                    f.isZero(p + "_is_zero", magnitude), w);
            Value pos = g.bit(p + "_inf_pos", infPos, j);
            Value neg = g.bit(p + "_inf_neg", infNeg, j);
            Value nan = g.or(p + "_nan", g.bit(p + "_nan_in", nans, j), g.and(p + "_inf_both", pos, neg));
            Value infCode = f.concat(p + "_inf_code", neg, f.constant(p + "_inf_mag", out.width() - 1, out.infinityCode(false)));
            Value value = g.mux(p + "_value", nan, f.constant(p + "_qnan", out.width(), out.nanCode()),
                    g.mux(p + "_special", g.or(p + "_inf", pos, neg), infCode, finite));
            acc = adder.add("add" + j, acc, value);
        }
        // a zero result is +0 (an intermediate -0 may remain from a tiny negative block sum)
        Value accZero = f.isZero("acc_zero", g.slice("acc_mag", acc, 0, out.width() - 1));
        g.add(new Op.Mux(y, accZero, f.constant("y_zero", out.width(), 0), acc, g.loc()));
        return g.build();
    }
}
