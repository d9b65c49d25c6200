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

    /** Smallest representable value: -2^(w-1) for signed, 0 for unsigned. */
    public BigInteger min() {
        return signed ? BigInteger.ONE.shiftLeft(width - 1).negate() : BigInteger.ZERO;
    }

    /** Largest representable value: 2^(w-1)-1 for signed, 2^w-1 for unsigned. */
    public BigInteger max() {
        return signed ? BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE)
                      : BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
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
