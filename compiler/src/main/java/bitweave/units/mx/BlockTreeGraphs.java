package bitweave.units.mx;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.BlockOperands;
import bitweave.ir.PeSpec;
import bitweave.units.addertree.DotUnit;
import bitweave.units.systolic.LowerSystolicOs;
import bitweave.numeric.BlockFormat;
import bitweave.numeric.FloatFormat;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The datapath graphs an adder tree with block-format operands adds around its integer dot units
 * ({@link LowerBlockTree}), from the formats' parameters:
 * <ul>
 *   <li>{@link #productGraph}: one exact element product from the two codes (the significands multiplied, then
 *       the alignment shift by both exponent fields), the dot units' multiplier unless both elements are
 *       two's-complement integers (then the PE's integer multiplier, Booth and OPT2 apply);</li>
 *   <li>{@link #specialsGraph}: one block pair's exponent (the two scale codes added) and its NaN/Inf flags;</li>
 *   <li>{@link #edgeGraph}: one column's exact sum of its block sums with one rounding into the result format
 *       ({@link ExactAccumulation}), with {@code accumulate} an accumulator in that format that adds each beat's
 *       result, rounded to nearest even ({@link FloatAdder}), and the column's output register;</li>
 *   <li>{@link #stepGraph}: the same for one block per step in an output-stationary systolic PE, its accumulator
 *       being the PE's.</li>
 * </ul>
 */
public final class BlockTreeGraphs {
    private final BlockOperands f;
    private final int blocks;
    private final int dotWidth;

    /**
     * @param blocks   blocks per column per beat
     * @param dotWidth bits of one exact block sum (the dot unit's result)
     */
    public BlockTreeGraphs(BlockOperands f, int blocks, int dotWidth) {
        this.f = f;
        this.blocks = blocks;
        this.dotWidth = dotWidth;
    }

    /**
     * Whether the product of two elements is built from their codes ({@link #productGraph}) rather than by the
     * integer multiplier of the PE: unless both are two's-complement integers (then the codes are the integers).
     */
    static boolean multipliesCodes(BlockOperands f) {
        return !f.integerElements();
    }

    /** Bits of a block pair's exponent: the sum of the two scale codes. */
    public int exponentWidth() {
        return Math.max(f.a().scale().bits(), f.b().scale().bits()) + 1;
    }

    /** Whether the block specials read the element codes (some element can be NaN or infinite). */
    public boolean specialsReadCodes() {
        return ElementDecoder.hasSpecials(f.a().element(), f.b().element());
    }

    /**
     * The K-wide dot unit of one block pair: the PE's integer multipliers (two's-complement integer elements, where
     * Booth and OPT2 apply) or {@link #productGraph}'s, under the plain tree.
     */
    public DotUnit dotUnit(PeSpec pe, boolean sameBitWeight, String unit, String loc) {
        return multipliesCodes(f)
                ? DotUnit.withMultiplier(pe, f.blockSize(), unit, loc, "one exact product of a " + f.a().element()
                        + " and a " + f.b().element() + " element: the significands multiplied, shifted by both"
                        + " exponent fields less one, signed, on the tree width", productGraph(pe.loc().locator()))
                : new DotUnit(pe, f.blockSize(), sameBitWeight, unit, loc);
    }

    /**
     * One exact element product from the two codes: the significands multiplied (a small unsigned multiply),
     * shifted left by the two exponent fields less one (the alignment shift; an integer element has none) and
     * negated for a negative product: the product of the two fixed-point integers, sign-extended to the tree
     * width. NaN/Inf codes give some value; their flags decide the result.
     */
    Datapath productGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        FloatOps ops = new FloatOps(g);
        Value a = g.input("a", f.a().element().width());
        Value b = g.input("b", f.b().element().width());
        Value product = g.output("product", dotWidth);
        ElementDecoder.Element x = ElementDecoder.decode(ops, g, f.a().element(), "a", a, false);
        ElementDecoder.Element y = ElementDecoder.decode(ops, g, f.b().element(), "b", b, false);
        int pm = x.sig().width() + y.sig().width();
        Value sigs = g.fresh("sig_product", pm);
        g.add(new Op.Multiply(sigs, ops.zeroExtend("sig_a", x.sig(), pm), ops.zeroExtend("sig_b", y.sig(), pm), g.loc()));
        Value placed = ops.zeroExtend("placed", sigs, dotWidth);
        if (x.shift() != null || y.shift() != null) {
            int sw = Math.max(x.shift() == null ? 1 : x.shift().width(), y.shift() == null ? 1 : y.shift().width()) + 1;
            Value shift = x.shift() == null ? ops.zeroExtend("shift", y.shift(), sw)
                    : y.shift() == null ? ops.zeroExtend("shift", x.shift(), sw)
                    : ops.add("shift", ops.zeroExtend("shift_a", x.shift(), sw), ops.zeroExtend("shift_b", y.shift(), sw));
            placed = ops.shiftLeft("aligned", placed, shift);
        }
        Value negative = g.logic("negative", Op.LogicKind.XOR, x.sign(), y.sign());
        g.add(new Op.Mux(product, negative, ops.sub("negated", ops.constant("zero", dotWidth, 0), placed), placed, g.loc()));
        return g.build();
    }

    public Datapath specialsGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        FloatOps ops = new FloatOps(g);
        BlockFormat a = f.a();
        BlockFormat b = f.b();
        int k = f.blockSize();
        Value aScale = g.input("a_scale", a.scale().bits());
        Value bScale = g.input("b_scale", b.scale().bits());
        Value aElem = specialsReadCodes() ? g.input("a_elem", k * a.element().width()) : null;
        Value bElem = specialsReadCodes() ? g.input("b_elem", k * b.element().width()) : null;
        Value expOut = g.output("exp", exponentWidth());
        Value nanOut = g.output("nan", 1);
        Value infPosOut = g.output("inf_pos", 1);
        Value infNegOut = g.output("inf_neg", 1);
        List<Value> nans = new ArrayList<>(List.of(ops.allOnes("a_scale_nan", aScale), ops.allOnes("b_scale_nan", bScale)));
        List<Value> infPos = new ArrayList<>();
        List<Value> infNeg = new ArrayList<>();
        for (int i = 0; aElem != null && i < k; i++) {
            ElementDecoder.Element x = ElementDecoder.decode(ops, g, a.element(), "a" + i,
                    g.slice("a" + i, aElem, i * a.element().width(), a.element().width()));
            ElementDecoder.Element y = ElementDecoder.decode(ops, g, b.element(), "b" + i,
                    g.slice("b" + i, bElem, i * b.element().width(), b.element().width()));
            ElementDecoder.laneSpecials(ops, g, i, x, y, ElementDecoder.productSign(g, i, x, y), nans, infPos, infNeg);
        }
        int ew = exponentWidth();
        g.add(new Op.Add(expOut, ops.zeroExtend("a_scale_w", aScale, ew), ops.zeroExtend("b_scale_w", bScale, ew), false,
                g.loc()));
        g.add(new Op.Extend(nanOut, ops.anyOf("nan_any", nans), false, g.loc()));
        g.add(new Op.Extend(infPosOut, infPos.isEmpty() ? ops.constant("no_inf_pos", 1, 0) : ops.anyOf("inf_pos_any", infPos),
                false, g.loc()));
        g.add(new Op.Extend(infNegOut, infNeg.isEmpty() ? ops.constant("no_inf_neg", 1, 0) : ops.anyOf("inf_neg_any", infNeg),
                false, g.loc()));
        return g.build();
    }

    /** The exact accumulator's width: a block sum shifted by the largest pair of scale codes, blocks of them. */
    int accumulatorWidth() {
        return ExactAccumulation.accumulatorWidth(dotWidth, f.a().scale().maxCode() + f.b().scale().maxCode(), blocks);
    }

    /** The weight of the exact grid's bit 0: the fixed-point elements' lsbs less both scale biases. */
    private int lsb() {
        return f.fixedA().lsb() + f.fixedB().lsb() - f.a().scale().bias() - f.b().scale().bias();
    }

    Datapath edgeGraph(boolean accumulate, String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        FloatOps ops = new FloatOps(g);
        FloatFormat out = f.out();
        int ew = exponentWidth();
        Value advance = g.input("advance", 1);
        Value sums = g.input("sums", blocks * dotWidth);
        Value exps = g.input("exps", blocks * ew);
        Value nans = g.input("nans", blocks);
        Value infPos = g.input("inf_pos", blocks);
        Value infNeg = g.input("inf_neg", blocks);
        Value dotValid = accumulate ? g.input("dot_valid", 1) : null;
        Value groupEnd = g.input("group_end", 1);
        Value outSum = g.output("out_sum", out.width());
        Value dot = rounded(ops, g, sums, exps, nans, infPos, infNeg);
        Value result = dot;
        if (accumulate) {
            Value accQ = g.fresh("acc_q", out.width());
            result = accumulate(ops, g, accQ, dot);
            Value accStep = g.mux("acc_step", dotValid, result, accQ);
            Value accD = g.mux("acc_d", groupEnd, ops.constant("acc_clear", out.width(), 0), accStep);
            g.register(accQ, accD, advance, BigInteger.ZERO);
        }
        g.register(outSum, result, g.and("out_load", advance, groupEnd), BigInteger.ZERO);
        return g.build();
    }

    /** The acc-format sum base + dot, rounded to nearest even; a zero sum is +0. */
    private Value accumulate(FloatOps ops, DatapathBuilder g, Value base, Value dot) {
        FloatFormat out = f.out();
        Value sum = new FloatAdder(ops, g, out).add("acc_add", base, dot);
        // a zero result is +0 (the accumulator starts at +0; a -0 may come from a tiny negative beat)
        Value sumZero = ops.isZero("acc_add_zero", g.slice("acc_add_mag", sum, 0, out.width() - 1));
        return g.mux("acc_next", sumZero, ops.constant("acc_plus_zero", out.width(), 0), sum);
    }

    /** The blocks' sums added exactly, each shifted by its exponent, and rounded once: a code of acc's format. */
    private Value rounded(FloatOps ops, DatapathBuilder g, Value sums, Value exps, Value nans, Value infPos,
                          Value infNeg) {
        Value y = g.fresh("dot_rounded", f.out().width());
        new ExactAccumulation(blocks, dotWidth, exponentWidth(), accumulatorWidth(), lsb(), f.out()).build(ops, g, sums,
                exps, nans, infPos, infNeg, y);
        return y;
    }

    /**
     * The accumulation of an output-stationary systolic PE over one block pair per valid step: the block's exact
     * sum rounded once into acc's format, added into the accumulator (rounded to nearest even) that starts every
     * tile at +0. {@code held}: the tile's last step hands the sum out ({@code result_load}, {@code
     * result_value}) and clears the accumulator (reset +0). Otherwise ({@code output direct}) the accumulator
     * keeps the result ({@code acc}) and the next tile's first step adds to +0 instead
     * ({@link LowerSystolicOs#freshFlag}).
     */
    public Datapath stepGraph(boolean held, String loc) {
        if (blocks != 1) {
            throw new IllegalStateException("a systolic PE takes one block pair per step, not " + blocks);
        }
        DatapathBuilder g = new DatapathBuilder(loc);
        FloatOps ops = new FloatOps(g);
        int w = f.out().width();
        Value valid = g.input("valid", 1);
        Value last = g.input("last", 1);
        Value dot = g.input("dot", dotWidth);
        Value exp = g.input("exp", exponentWidth());
        Value nan = g.input("nan", 1);
        Value infPos = g.input("inf_pos", 1);
        Value infNeg = g.input("inf_neg", 1);
        Value rounded = rounded(ops, g, dot, exp, nan, infPos, infNeg);
        Value accQ = g.fresh("acc_q", w);
        Value zero = ops.constant("acc_clear", w, 0);
        if (held) {
            Value load = g.output("result_load", 1);
            Value value = g.output("result_value", w);
            g.add(new Op.Extend(value, accumulate(ops, g, accQ, rounded), false, g.loc()));
            g.add(new Op.Logic(load, Op.LogicKind.AND, List.of(valid, last), g.loc()));
            Value accStep = g.mux("acc_step", valid, value, accQ);
            g.register(accQ, g.mux("acc_d", load, zero, accStep), null, BigInteger.ZERO);
        } else {
            Value acc = g.output("acc", w);
            Value fresh = LowerSystolicOs.freshFlag(g, valid, last);
            Value sum = accumulate(ops, g, g.mux("acc_base", fresh, zero, accQ), rounded);
            // acc keeps the result for out_c (out_valid qualifies it): no reset
            g.register(accQ, g.mux("acc_d", valid, sum, accQ), null, null);
            g.add(new Op.Extend(acc, accQ, false, g.loc()));
        }
        return g.build();
    }
}
