package bitweave.numeric;

import java.math.BigInteger;

/**
 * An exact value of a floating-point or block format: NaN, a signed infinity, or a signed finite value
 * {@code significand * 2^exponent} (significand >= 0; zero keeps its sign, as IEEE 754 does). A NaN keeps
 * the sign and fraction of its code (its payload) in {@code negative} and {@code significand}, so that every
 * code decodes and re-encodes to itself; no result depends on them.
 */
public record FpValue(Kind kind, boolean negative, BigInteger significand, int exponent) {
    public enum Kind { FINITE, INFINITE, NAN }

    public FpValue {
        if (significand.signum() < 0) {
            throw new IllegalArgumentException("significand must be >= 0");
        }
    }

    public static FpValue finite(boolean negative, BigInteger significand, int exponent) {
        return new FpValue(Kind.FINITE, negative, significand, exponent);
    }

    /** The integer {@code value} times 2^exponent. */
    public static FpValue of(long value, int exponent) {
        return finite(value < 0, BigInteger.valueOf(value).abs(), exponent);
    }

    public static FpValue zero(boolean negative) {
        return finite(negative, BigInteger.ZERO, 0);
    }

    public static FpValue nan(boolean negative, long payload) {
        return new FpValue(Kind.NAN, negative, BigInteger.valueOf(payload), 0);
    }

    public static FpValue infinity(boolean negative) {
        return new FpValue(Kind.INFINITE, negative, BigInteger.ZERO, 0);
    }

    public boolean isFinite() {
        return kind == Kind.FINITE;
    }

    public boolean isNaN() {
        return kind == Kind.NAN;
    }

    public boolean isZero() {
        return isFinite() && significand.signum() == 0;
    }

    /** floor(log2 |v|) of a finite non-zero value, read off the significand's length (no logarithm). */
    public int floorLog2() {
        if (!isFinite() || isZero()) {
            throw new IllegalStateException("floorLog2 of " + this);
        }
        return exponent + significand.bitLength() - 1;
    }

    /** Whether |v| is a power of two (finite, non-zero). */
    public boolean isPowerOfTwo() {
        return isFinite() && significand.bitCount() == 1;
    }

    /** The value times 2^shift (exact). */
    public FpValue scaledBy(int shift) {
        return isFinite() ? finite(negative, significand, exponent + shift) : this;
    }

    /** |this| compared with |other|, both finite. */
    public int compareMagnitude(FpValue other) {
        int common = Math.min(exponent, other.exponent);
        return significand.shiftLeft(exponent - common).compareTo(other.significand.shiftLeft(other.exponent - common));
    }

    /** The exact signed value as significand * 2^exponent with a signed significand (finite only). */
    public BigInteger signedSignificand() {
        return negative ? significand.negate() : significand;
    }

    @Override
    public String toString() {
        return switch (kind) {
            case NAN -> "NaN";
            case INFINITE -> negative ? "-Inf" : "+Inf";
            case FINITE -> (negative ? "-" : "+") + significand + "*2^" + exponent;
        };
    }
}
