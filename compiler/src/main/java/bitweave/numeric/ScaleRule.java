package bitweave.numeric;

import java.math.BigInteger;

/**
 * How a block's shared exponent follows from its largest magnitude amax (finite, non-zero). Every rule works
 * on exact values: exponent fields and significand bits, never a floating-point log2 (which is wrong just
 * below powers of two).
 */
public enum ScaleRule {
    /** floor(log2 amax) - emax: OCP MX v1.0. The block maximum may saturate (E4M3 max 960 gives 957 -> 896). */
    FLOOR("floor"),
    /** ceil(log2 amax) - emax: one more than FLOOR unless amax is a power of two. */
    CEIL("ceil"),
    /**
     * ceil(log2(amax / max_finite)): the smallest scale at which amax does not exceed the element's largest
     * value (NVIDIA's RCEIL, computed exactly rather than with an FP32 reciprocal).
     */
    RCEIL("rceil"),
    /**
     * amax rounded half-up to the element's mantissa width first, then FLOOR (torchao's EVEN): a maximum that
     * would round up into the next binade takes the larger scale.
     */
    EVEN("even");

    private final String dslName;

    ScaleRule(String dslName) {
        this.dslName = dslName;
    }

    public String dslName() {
        return dslName;
    }

    /** The unclamped shared exponent for a block whose largest magnitude is {@code amax}. */
    public long exponent(FpValue amax, ElementFormat element) {
        int floor = amax.floorLog2();
        return switch (this) {
            case FLOOR -> (long) floor - element.emax();
            case CEIL -> (long) floor + (amax.isPowerOfTwo() ? 0 : 1) - element.emax();
            case RCEIL -> rceil(amax, element);
            case EVEN -> (long) roundedFloorLog2(amax, element.mantissaBits()) - element.emax();
        };
    }

    private static long rceil(FpValue amax, ElementFormat element) {
        FpValue max = element.maxFinite();
        long s = (long) amax.floorLog2() - max.floorLog2() - 1; // amax > max * 2^s here; find the first s where not
        while (amax.compareMagnitude(max.scaledBy((int) s)) > 0) {
            s++;
        }
        return s;
    }

    /** floor(log2) of amax after rounding it half-up to {@code mantissaBits} fraction bits. */
    private static int roundedFloorLog2(FpValue amax, int mantissaBits) {
        int drop = amax.significand().bitLength() - 1 - mantissaBits;
        if (drop <= 0) {
            return amax.floorLog2();
        }
        BigInteger rounded = amax.significand().add(BigInteger.ONE.shiftLeft(drop - 1)).shiftRight(drop);
        return amax.exponent() + drop + rounded.bitLength() - 1;
    }
}
