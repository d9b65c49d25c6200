package bitweave.numeric;

import java.math.BigInteger;

/**
 * A scaled integer element: a {@code width}-bit code q worth q * 2^-fractionBits, either two's complement or
 * sign-magnitude. OCP MXINT8 is {@code (8, 6, two's complement)}: 0x40 = 1.0, 0x80 = -2.0. Classic block
 * floating point with m-bit mantissas is {@code (m, m - 2, ...)}: the block maximum's leading one lands on
 * the bit below the sign, as MXINT8's does (emax 0).
 */
public record IntElementFormat(String name, int width, int fractionBits, boolean signMagnitude) implements ElementFormat {
    public static final IntElementFormat MXINT8 = new IntElementFormat("int8", 8, 6, false);

    public IntElementFormat {
        if (width < 2 || width > 62 || fractionBits < 0 || fractionBits > width - 2) {
            throw new IllegalArgumentException("integer element of " + width + " bits, " + fractionBits + " fraction bits");
        }
    }

    /** Largest magnitude code: 2^(width-1) - 1 (a value of just under 2^(width-1-fractionBits)). */
    public long maxMagnitude() {
        return (1L << (width - 1)) - 1;
    }

    @Override
    public int mantissaBits() {
        return width - 2;
    }

    @Override
    public int emax() {
        return width - 2 - fractionBits;
    }

    @Override
    public FpValue maxFinite() {
        return FpValue.of(maxMagnitude(), -fractionBits);
    }

    @Override
    public boolean hasNaN() {
        return false;
    }

    @Override
    public boolean hasInfinity() {
        return false;
    }

    @Override
    public FpValue decode(long code) {
        long bits = code & ((1L << width) - 1);
        long sign = 1L << (width - 1);
        if (signMagnitude) {
            return FpValue.finite((bits & sign) != 0, BigInteger.valueOf(bits & ~sign), -fractionBits);
        }
        return FpValue.of((bits & sign) != 0 ? bits - (1L << width) : bits, -fractionBits);
    }

    /**
     * Rounds |v| * 2^fractionBits to an integer and clamps it (integers always saturate; infinity gives the
     * largest magnitude). Two's complement reaches -2^(width-1) only with {@link Encoding#integerMinimum}.
     */
    @Override
    public long encode(FpValue v, Encoding how) {
        if (v.isNaN()) {
            throw new IllegalArgumentException(name + " has no NaN");
        }
        long limit = maxMagnitude() + (v.negative() && how.integerMinimum() && !signMagnitude ? 1 : 0);
        long magnitude = limit;
        if (v.isFinite()) {
            BigInteger n = how.rounding().shiftRight(v.significand(), -fractionBits - v.exponent());
            magnitude = n.compareTo(BigInteger.valueOf(limit)) > 0 ? limit : n.longValueExact();
        }
        long mask = (1L << width) - 1;
        if (signMagnitude) {
            boolean signBit = v.negative() && (magnitude != 0 || how.negativeZero());
            return (signBit ? 1L << (width - 1) : 0) | magnitude;
        }
        return (v.negative() ? -magnitude : magnitude) & mask;
    }

    @Override
    public String toString() {
        return name;
    }
}
