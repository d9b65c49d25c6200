package bitweave.numeric;

import java.math.BigInteger;
import java.util.List;

/**
 * The dot product of two block vectors (OCP MX "Dot" summed over blocks, "DotGeneral"), with the accumulation
 * declared rather than left to the implementation (DOMAIN.md 5): inside a block the element products are
 * summed exactly (X_A * X_B * sum_i P_i(A) * P_i(B)); across blocks either
 * <ul>
 *   <li>{@link Accumulation#EXACT}: the block sums are added exactly and rounded once, to nearest even, into
 *       {@code out} (with subnormals and overflow to Inf), or</li>
 *   <li>{@link Accumulation#ORDERED}: each block sum is rounded into {@code out}, then added to an {@code out}
 *       accumulator (starting at +0) in block order, each addition rounded to nearest even.</li>
 * </ul>
 * A NaN scale or element, Inf times zero, and Inf plus -Inf give {@code out}'s canonical NaN; an Inf element
 * otherwise gives Inf of the product's sign. A zero result is +0. The two operands may have different
 * element formats (e4m3 x e2m1) and scale widths; both have {@code blocks} blocks of one block size.
 */
public record BlockDot(BlockFormat a, BlockFormat b, Accumulation accumulation, FloatFormat out) {
    public enum Accumulation {
        EXACT("exact"), ORDERED("ordered");

        private final String dslName;

        Accumulation(String dslName) {
            this.dslName = dslName;
        }

        public String dslName() {
            return dslName;
        }
    }

    public BlockDot {
        if (a.blockSize() != b.blockSize()) {
            throw new IllegalArgumentException("block sizes differ: " + a.blockSize() + " and " + b.blockSize());
        }
    }

    /** The code in {@code out} of the dot product of {@code as} and {@code bs} (as many blocks each). */
    public long dot(List<QuantizedBlock> as, List<QuantizedBlock> bs) {
        if (as.size() != bs.size() || as.isEmpty()) {
            throw new IllegalArgumentException("block vectors of " + as.size() + " and " + bs.size() + " blocks");
        }
        FpValue acc = FpValue.zero(false);
        BigInteger exactSum = BigInteger.ZERO;
        int exactExponent = Integer.MAX_VALUE;
        boolean anyInfinite = false;
        for (int j = 0; j < as.size(); j++) {
            FpValue block = blockSum(as.get(j), bs.get(j));
            if (block.isNaN()) {
                return out.nanCode();
            }
            if (accumulation == Accumulation.ORDERED) {
                acc = add(acc, out.decode(out.encode(block, Encoding.IEEE)));
                if (acc.isNaN()) {
                    return out.nanCode();
                }
                continue;
            }
            if (!block.isFinite()) {
                if (anyInfinite && acc.negative() != block.negative()) {
                    return out.nanCode(); // +Inf and -Inf
                }
                anyInfinite = true;
                acc = block;
                continue;
            }
            int e = Math.min(exactExponent, block.exponent());
            exactSum = exactSum.shiftLeft(exactExponent == Integer.MAX_VALUE ? 0 : exactExponent - e)
                    .add(block.signedSignificand().shiftLeft(block.exponent() - e));
            exactExponent = e;
        }
        if (accumulation == Accumulation.EXACT) {
            if (anyInfinite) {
                return out.encode(acc, Encoding.IEEE);
            }
            acc = FpValue.finite(exactSum.signum() < 0, exactSum.abs(), exactExponent);
        }
        if (acc.isZero()) {
            return out.encode(FpValue.zero(false), Encoding.IEEE);
        }
        return out.encode(acc, Encoding.IEEE);
    }

    /**
     * X_A * X_B * sum_i P_i(A) * P_i(B), exact: a finite value, an infinity (an Inf element times a non-zero
     * one, all of one sign), or NaN.
     */
    FpValue blockSum(QuantizedBlock x, QuantizedBlock y) {
        if (a.scale().isNaN(x.scale()) || b.scale().isNaN(y.scale())) {
            return FpValue.nan(false, 0);
        }
        BigInteger sum = BigInteger.ZERO;
        int exponent = Integer.MAX_VALUE;
        Boolean infinite = null; // the sign of the infinite products, if any
        for (int i = 0; i < x.codes().size(); i++) {
            FpValue p = a.element().decode(x.codes().get(i));
            FpValue q = b.element().decode(y.codes().get(i));
            if (p.isNaN() || q.isNaN()) {
                return FpValue.nan(false, 0);
            }
            boolean negative = p.negative() != q.negative();
            if (!p.isFinite() || !q.isFinite()) {
                if (p.isZero() || q.isZero()) {
                    return FpValue.nan(false, 0); // Inf times zero
                }
                if (infinite != null && infinite != negative) {
                    return FpValue.nan(false, 0);
                }
                infinite = negative;
                continue;
            }
            BigInteger product = p.significand().multiply(q.significand());
            int e = p.exponent() + q.exponent();
            int common = Math.min(exponent, e);
            sum = (exponent == Integer.MAX_VALUE ? sum : sum.shiftLeft(exponent - common))
                    .add((negative ? product.negate() : product).shiftLeft(e - common));
            exponent = common;
        }
        if (infinite != null) {
            return FpValue.infinity(infinite);
        }
        int scale = a.scale().exponent(x.scale()) + b.scale().exponent(y.scale());
        return FpValue.finite(sum.signum() < 0, sum.abs(), (exponent == Integer.MAX_VALUE ? 0 : exponent) + scale);
    }

    /**
     * The code of x + y for two codes of {@code out}, rounded to nearest even (IEEE 754 addition; +0 for an exact
     * zero sum; NaN as {@code out}'s canonical NaN): the step of an {@code out} accumulator.
     */
    public long addCodes(long x, long y) {
        FpValue sum = add(out.decode(x), out.decode(y));
        return sum.isNaN() ? out.nanCode() : out.encode(sum, Encoding.IEEE);
    }

    /** x + y in {@code out}, rounded to nearest even (IEEE 754 addition; +0 for an exact zero sum). */
    private FpValue add(FpValue x, FpValue y) {
        if (x.isNaN() || y.isNaN()) {
            return FpValue.nan(false, 0);
        }
        if (!x.isFinite() || !y.isFinite()) {
            if (!x.isFinite() && !y.isFinite() && x.negative() != y.negative()) {
                return FpValue.nan(false, 0);
            }
            return x.isFinite() ? y : x;
        }
        int e = Math.min(x.exponent(), y.exponent());
        BigInteger s = x.signedSignificand().shiftLeft(x.exponent() - e).add(y.signedSignificand().shiftLeft(y.exponent() - e));
        FpValue exact = FpValue.finite(s.signum() < 0, s.abs(), e);
        return out.decode(out.encode(exact, Encoding.IEEE));
    }
}
