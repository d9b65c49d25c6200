package bitweave.numeric;

import java.math.BigInteger;

/**
 * A binary floating-point format: sign, {@code exponentBits} biased exponent (bias 2^(E-1) - 1) and
 * {@code mantissaBits} fraction; exponent field 0 is zero and the subnormals. {@link Specials} says what the
 * top exponent field means.
 */
public record FloatFormat(String name, int exponentBits, int mantissaBits, Specials specials) implements ElementFormat {
    /** What codes other than finite numbers exist. */
    public enum Specials {
        /** All-ones exponent: infinity (fraction 0) and NaN (otherwise), as IEEE 754. */
        IEEE,
        /** No infinity; only all-ones exponent and all-ones fraction is NaN (OCP FP8 E4M3). */
        NAN_ONLY,
        /** Every code is a finite number (OCP FP6, FP4). */
        NONE
    }

    public static final FloatFormat FP32 = new FloatFormat("fp32", 8, 23, Specials.IEEE);
    public static final FloatFormat BF16 = new FloatFormat("bf16", 8, 7, Specials.IEEE);
    /** IEEE double, for tests that compare against Java's own conversions. */
    public static final FloatFormat FP64 = new FloatFormat("fp64", 11, 52, Specials.IEEE);
    public static final FloatFormat FP16 = new FloatFormat("fp16", 5, 10, Specials.IEEE);
    public static final FloatFormat E4M3 = new FloatFormat("fp8_e4m3", 4, 3, Specials.NAN_ONLY);
    public static final FloatFormat E5M2 = new FloatFormat("fp8_e5m2", 5, 2, Specials.IEEE);
    public static final FloatFormat E3M2 = new FloatFormat("fp6_e3m2", 3, 2, Specials.NONE);
    public static final FloatFormat E2M3 = new FloatFormat("fp6_e2m3", 2, 3, Specials.NONE);
    public static final FloatFormat E2M1 = new FloatFormat("fp4_e2m1", 2, 1, Specials.NONE);

    /** Widest exponent field and fraction accepted (a code must fit in 64 bits). */
    public static final int MAX_EXPONENT_BITS = 11;
    public static final int MAX_MANTISSA_BITS = 52;

    public FloatFormat {
        if (exponentBits < 1 || exponentBits > MAX_EXPONENT_BITS || mantissaBits < 0 || mantissaBits > MAX_MANTISSA_BITS) {
            throw new IllegalArgumentException("float format e" + exponentBits + "m" + mantissaBits + " out of range");
        }
        if (specials == Specials.NAN_ONLY && exponentBits + mantissaBits < 2) {
            throw new IllegalArgumentException("a NaN-only format needs a code to spare");
        }
    }

    public int bias() {
        return (1 << (exponentBits - 1)) - 1;
    }

    @Override
    public int width() {
        return 1 + exponentBits + mantissaBits;
    }

    private int allOnesExponent() {
        return (1 << exponentBits) - 1;
    }

    /** The largest exponent field of a finite value. */
    public int maxExponentField() {
        return specials == Specials.IEEE ? allOnesExponent() - 1 : allOnesExponent();
    }

    /** The largest fraction at {@link #maxExponentField} (E4M3 gives up its all-ones fraction to NaN). */
    private long maxFractionAtTop() {
        long allOnes = (1L << mantissaBits) - 1;
        return specials == Specials.NAN_ONLY ? allOnes - 1 : allOnes;
    }

    @Override
    public int emax() {
        return maxExponentField() - bias();
    }

    /** Exponent of one unit in the last place of the subnormals: 2^(1 - bias - M) is the smallest magnitude. */
    public int minQuantumExponent() {
        return 1 - bias() - mantissaBits;
    }

    public long maxFiniteCode() {
        return ((long) maxExponentField() << mantissaBits) | maxFractionAtTop();
    }

    @Override
    public FpValue maxFinite() {
        return decode(maxFiniteCode());
    }

    @Override
    public boolean hasNaN() {
        return specials != Specials.NONE;
    }

    @Override
    public boolean hasInfinity() {
        return specials == Specials.IEEE;
    }

    private long signBit() {
        return 1L << (exponentBits + mantissaBits);
    }

    /** The canonical NaN: positive, all-ones exponent, fraction with only its top bit (quiet) or all ones (E4M3). */
    public long nanCode() {
        return switch (specials) {
            case IEEE -> ((long) allOnesExponent() << mantissaBits) | (mantissaBits == 0 ? 0 : 1L << (mantissaBits - 1));
            case NAN_ONLY -> ((long) allOnesExponent() << mantissaBits) | ((1L << mantissaBits) - 1);
            case NONE -> throw new IllegalStateException(name + " has no NaN");
        };
    }

    public long infinityCode(boolean negative) {
        if (specials != Specials.IEEE) {
            throw new IllegalStateException(name + " has no infinity");
        }
        return (negative ? signBit() : 0) | ((long) allOnesExponent() << mantissaBits);
    }

    @Override
    public FpValue decode(long code) {
        boolean negative = (code & signBit()) != 0;
        int field = (int) ((code >>> mantissaBits) & allOnesExponent());
        long fraction = code & ((1L << mantissaBits) - 1);
        if (field == allOnesExponent()) {
            if (specials == Specials.IEEE) {
                return fraction == 0 ? FpValue.infinity(negative) : FpValue.nan(negative, fraction);
            }
            if (specials == Specials.NAN_ONLY && fraction == (1L << mantissaBits) - 1) {
                return FpValue.nan(negative, fraction);
            }
        }
        if (field == 0) {
            return FpValue.finite(negative, BigInteger.valueOf(fraction), minQuantumExponent());
        }
        BigInteger significand = BigInteger.valueOf(fraction | (1L << mantissaBits));
        return FpValue.finite(negative, significand, field - bias() - mantissaBits);
    }

    @Override
    public long encode(FpValue v, Encoding how) {
        return switch (v.kind()) {
            case NAN -> nan(v);
            case INFINITE -> overflow(v.negative(), how);
            case FINITE -> encodeFinite(v, how);
        };
    }

    /** A NaN keeps its sign, and its payload when the payload fits (else the canonical quiet NaN). */
    private long nan(FpValue v) {
        long sign = v.negative() ? signBit() : 0;
        long payload = v.significand().bitLength() <= mantissaBits ? v.significand().longValue() : 0;
        if (specials == Specials.IEEE && payload != 0) {
            return sign | ((long) allOnesExponent() << mantissaBits) | payload;
        }
        return sign | nanCode();
    }

    private long encodeFinite(FpValue v, Encoding how) {
        long sign = v.negative() ? signBit() : 0;
        long zero = how.negativeZero() ? sign : 0;
        if (v.isZero()) {
            return zero;
        }
        // The quantum (weight of the last kept bit) is that of v's binade, or the subnormals' below 2^(1-bias).
        int quantum = Math.max(v.floorLog2() - mantissaBits, minQuantumExponent());
        BigInteger n = how.rounding().shiftRight(v.significand(), quantum - v.exponent());
        if (n.signum() == 0) {
            return zero;
        }
        if (n.bitLength() > mantissaBits + 1) { // rounding carried into the next binade: n == 2^(M+1)
            n = n.shiftRight(1);
            quantum++;
        }
        int topQuantum = emax() - mantissaBits;
        if (quantum > topQuantum || (quantum == topQuantum
                && n.longValueExact() > ((1L << mantissaBits) | maxFractionAtTop()))) {
            return overflow(v.negative(), how);
        }
        long bits = n.longValueExact();
        if (bits < (1L << mantissaBits)) {
            return sign | bits; // subnormal: exponent field 0
        }
        long field = quantum + mantissaBits + bias();
        return sign | (field << mantissaBits) | (bits - (1L << mantissaBits));
    }

    /**
     * Beyond the largest finite value: saturate (also under truncation, which never rounds away from zero),
     * else infinity, else NaN; a format with neither saturates.
     */
    private long overflow(boolean negative, Encoding how) {
        long sign = negative ? signBit() : 0;
        if (how.saturate() || how.rounding() == Rounding.TRUNCATE || specials == Specials.NONE) {
            return sign | maxFiniteCode();
        }
        return specials == Specials.IEEE ? infinityCode(negative) : sign | nanCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
