package bitweave.numeric;

import java.math.BigInteger;

/**
 * An element format read as a signed fixed-point integer: every finite code is exactly {@code value(code)} *
 * 2^{@link #lsb}, an integer of {@link #width} bits (two's complement). This is the integer an MX array's
 * datapath multiplies: a float element's significand shifted left by its exponent field less one (the
 * subnormals share the weight of field 1), an integer element its own code. The widths are DOMAIN.md 5's
 * "element as fixed point": E4M3 19 bits, E2M1 5, INT8 8; two of them make the exact block sums (E4M3 x E4M3
 * over 32 elements: 43 bits).
 */
public record FixedPointElement(ElementFormat format) {
    /** Bits of the signed integer: a sign, the significand and the largest shift. */
    public int width() {
        if (format instanceof FloatFormat f) {
            return 1 + f.mantissaBits() + 1 + maxShift(f);
        }
        return format.width(); // two's complement as it is; sign-magnitude's range fits the same width
    }

    /** The weight of the integer's bit 0: 2^(1 - bias - mantissa bits) for a float, 2^-fraction for an integer. */
    public int lsb() {
        if (format instanceof FloatFormat f) {
            return 1 - f.bias() - f.mantissaBits();
        }
        return -((IntElementFormat) format).fractionBits();
    }

    /** The largest exponent field less one: the shift of the largest binade. */
    private static int maxShift(FloatFormat f) {
        return (1 << f.exponentBits()) - 2;
    }

    /** The integer of a finite code (Inf and NaN codes have none: they are flagged beside the datapath). */
    public BigInteger value(long code) {
        FpValue v = format.decode(code);
        if (!v.isFinite()) {
            throw new IllegalArgumentException(format + ": code 0x" + Long.toHexString(code) + " is not finite");
        }
        BigInteger magnitude = v.significand().shiftLeft(v.exponent() - lsb());
        return v.negative() ? magnitude.negate() : magnitude;
    }
}
