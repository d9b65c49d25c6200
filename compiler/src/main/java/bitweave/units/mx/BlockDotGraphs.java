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
        return ExactAccumulation.accumulatorWidth(blockSumWidth(), a.scale().maxCode() + b.scale().maxCode(), d.blocks());
    }

    static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    private static ElementDecoder.Element element(FloatOps f, DatapathBuilder g, Operand op, String base, Value code) {
        return ElementDecoder.decode(f, g, op.format(), base, code);
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
            ElementDecoder.Element x = element(f, g, opA, "a" + i, g.slice("a" + i, aElem, i * a.element().width(), a.element().width()));
            ElementDecoder.Element y = element(f, g, opB, "b" + i, g.slice("b" + i, bElem, i * b.element().width(), b.element().width()));
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
            Value negative = ElementDecoder.productSign(g, i, x, y);
            Value wide = f.zeroExtend("p" + i + "_s", placed, pw + 1);
            Value signed = g.mux("p" + i + "_signed", negative, f.sub("p" + i + "_minus", f.constant("p" + i + "_0", pw + 1, 0), wide), wide);
            rows.add(new Op.HeapRow(signed, 0, true));
            ElementDecoder.laneSpecials(f, g, i, x, y, negative, nans, infPos, infNeg);
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
        Value sums = g.input("sums", n * bw);
        Value exps = g.input("exps", n * ew);
        Value nans = g.input("nans", n);
        Value infPos = g.input("inf_pos", n);
        Value infNeg = g.input("inf_neg", n);
        FloatFormat out = d.rule().out();
        Value y = g.output("y", out.width());
        int lsb = opA.lsb() + opB.lsb() - a.scale().bias() - b.scale().bias();
        new ExactAccumulation(n, bw, ew, accumulatorWidth(), lsb, out).build(f, g, sums, exps, nans, infPos, infNeg, y);
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
