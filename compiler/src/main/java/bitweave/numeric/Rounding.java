package bitweave.numeric;

import java.math.BigInteger;

/** How a magnitude loses its low bits: the one rounding step every conversion here goes through. */
public enum Rounding {
    /** Round to nearest, ties to the even neighbour (IEEE 754 default, OCP MX). */
    NEAREST_EVEN("nearest_even"),
    /** Round to nearest, ties away from zero (microxcaling's "nearest"). */
    NEAREST_AWAY("nearest_away"),
    /** Drop the low bits (toward zero). */
    TRUNCATE("truncate");

    private final String dslName;

    Rounding(String dslName) {
        this.dslName = dslName;
    }

    public String dslName() {
        return dslName;
    }

    /** {@code magnitude / 2^shift} rounded to an integer by this rule ({@code magnitude >= 0}, shift >= 0). */
    public BigInteger shiftRight(BigInteger magnitude, int shift) {
        if (shift <= 0) {
            return magnitude.shiftLeft(-shift);
        }
        BigInteger kept = magnitude.shiftRight(shift);
        if (this == TRUNCATE) {
            return kept;
        }
        BigInteger rest = magnitude.subtract(kept.shiftLeft(shift));
        int vsHalf = rest.compareTo(BigInteger.ONE.shiftLeft(shift - 1));
        boolean up = vsHalf > 0 || (vsHalf == 0 && (this == NEAREST_AWAY || kept.testBit(0)));
        return up ? kept.add(BigInteger.ONE) : kept;
    }
}
