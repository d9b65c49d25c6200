package bitweave.ir;

import java.math.BigInteger;

/**
 * A two's-complement (signed) or plain binary (unsigned) integer of 1..64 bits as declared in the DSL
 * ({@code int8}, {@code uint4}). Wider intermediate values in the golden model use BigInteger.
 */
public record IntType(int width, boolean signed) {
    public static final int MAX_WIDTH = 64;

    public IntType {
        if (width < 1 || width > MAX_WIDTH) {
            throw new IllegalArgumentException("integer width out of range 1.." + MAX_WIDTH + ": " + width);
        }
    }

    // Range bounds are computed once per (width, signedness): the golden model checks every operand.
    private static final BigInteger[] SIGNED_MIN = new BigInteger[MAX_WIDTH + 1];
    private static final BigInteger[] SIGNED_MAX = new BigInteger[MAX_WIDTH + 1];
    private static final BigInteger[] UNSIGNED_MAX = new BigInteger[MAX_WIDTH + 1];

    static {
        for (int w = 1; w <= MAX_WIDTH; w++) {
            SIGNED_MIN[w] = BigInteger.ONE.shiftLeft(w - 1).negate();
            SIGNED_MAX[w] = BigInteger.ONE.shiftLeft(w - 1).subtract(BigInteger.ONE);
            UNSIGNED_MAX[w] = BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
        }
    }

    /** Smallest representable value: -2^(w-1) for signed, 0 for unsigned. */
    public BigInteger min() {
        return signed ? SIGNED_MIN[width] : BigInteger.ZERO;
    }

    /** Largest representable value: 2^(w-1)-1 for signed, 2^w-1 for unsigned. */
    public BigInteger max() {
        return signed ? SIGNED_MAX[width] : UNSIGNED_MAX[width];
    }

    /**
     * The narrowest type holding every value in lo..hi: signed if {@code signed} or lo is negative (a range
     * beyond 64 bits has none: empty).
     */
    public static java.util.Optional<IntType> narrowestHolding(BigInteger lo, BigInteger hi, boolean signed) {
        boolean s = signed || lo.signum() < 0;
        for (int w = 1; w <= MAX_WIDTH; w++) {
            IntType t = new IntType(w, s);
            if (lo.compareTo(t.min()) >= 0 && hi.compareTo(t.max()) <= 0) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    /** The DSL spelling, e.g. {@code int8} or {@code uint3}. */
    public String dslName() {
        return (signed ? "int" : "uint") + width;
    }

    @Override
    public String toString() {
        return dslName();
    }
}
