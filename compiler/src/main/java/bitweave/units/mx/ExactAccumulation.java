package bitweave.units.mx;

import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.numeric.Encoding;
import bitweave.numeric.FloatFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Exact accumulation of block sums with one rounding (a Kulisch accumulator): each signed block sum, shifted
 * left by its exponent (the sum of its two scale codes), lands on one grid of weight 2^lsb, wide enough for
 * every pair of scales, so the sums add exactly in one bit heap; the total's magnitude is normalized and
 * rounded once, to nearest even, into {@code out} ({@link Rounder#toFloat}: subnormals, overflow to Inf). A NaN
 * flag, or infinities of both signs, give NaN; an infinity otherwise gives Inf of its sign.
 *
 * @param blocks   block sums added
 * @param sumWidth bits of one signed block sum
 * @param expWidth bits of one exponent (a sum of two scale codes)
 * @param accWidth bits of the accumulator: a block sum shifted by the largest exponent, blocks of them, a sign
 * @param lsb      the weight of the grid's bit 0 (product grid's lsb less both scale biases)
 */
record ExactAccumulation(int blocks, int sumWidth, int expWidth, int accWidth, int lsb, FloatFormat out) {
    /** The accumulator width for blocks of sumWidth-bit sums and scale codes up to maxCodes (summed). */
    static int accumulatorWidth(int sumWidth, long maxCodes, int blocks) {
        return sumWidth + (int) maxCodes + BlockDotGraphs.ceilLog2(blocks) + 1;
    }

    /** Drives {@code y} with the rounded result (a code of {@code out}) of the blocks' sums, exponents and flags. */
    void build(FloatOps f, DatapathBuilder g, Value sums, Value exps, Value nans, Value infPos, Value infNeg, Value y) {
        List<Op.HeapRow> rows = new ArrayList<>();
        for (int j = 0; j < blocks; j++) {
            Value sum = f.signExtend("s" + j + "_wide", g.slice("s" + j, sums, j * sumWidth, sumWidth), accWidth);
            rows.add(new Op.HeapRow(f.shiftLeft("s" + j + "_grid", sum, g.slice("e" + j, exps, j * expWidth, expWidth)),
                    0, true));
        }
        Value total;
        if (blocks == 1) {
            total = rows.get(0).value();
        } else {
            Value hs = g.fresh("acc_sum", accWidth);
            Value hc = g.fresh("acc_carry", accWidth);
            g.add(new Op.BitHeap(hs, hc, rows, Op.Reduction.WALLACE, false, g.loc()));
            total = f.add("total", hs, hc);
        }
        Value sign = f.top("sign", total);
        Value magnitude = g.mux("magnitude", sign, f.sub("total_neg", f.constant("total_zero", accWidth, 0), total), total);
        FloatOps.Normalized norm = f.normalize("norm", magnitude);
        int w = 32 - Integer.numberOfLeadingZeros(accWidth + Math.abs(lsb) + out.bias() + 8) + 2;
        // the exponent of the leading one: (accWidth - 1 - lz) + lsb
        Value dExp = f.sub("d", f.constant("d_top", w, accWidth - 1 + lsb), f.zeroExtend("d_lz", norm.shift(), w));
        Value finite = new Rounder(f, g, Encoding.IEEE).toFloat(out, sign, norm.value(), dExp,
                f.isZero("total_is_zero", magnitude), w);
        Value anyPos = f.anyBit("any_inf_pos", infPos);
        Value anyNeg = f.anyBit("any_inf_neg", infNeg);
        Value nan = g.or("y_nan", f.anyBit("any_nan", nans), g.and("inf_both", anyPos, anyNeg));
        Value inf = g.or("y_inf", anyPos, anyNeg);
        Value infCode = f.concat("inf_code", anyNeg, f.constant("inf_mag", out.width() - 1, out.infinityCode(false)));
        Value special = g.mux("y_special", inf, infCode, finite);
        g.add(new Op.Mux(y, nan, f.constant("nan_code", out.width(), out.nanCode()), special, g.loc()));
    }
}
