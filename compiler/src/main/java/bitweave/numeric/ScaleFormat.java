package bitweave.numeric;

/**
 * A block's shared exponent: an unsigned {@code bits}-bit code c worth 2^(c - bias), bias 2^(bits-1) - 1;
 * the all-ones code is NaN (the whole block is NaN). There is no zero, sign or infinity. E8M0 (OCP MX):
 * 0x00 = 2^-127, 0x7F = 1, 0xFE = 2^127, 0xFF = NaN.
 */
public record ScaleFormat(int bits) {
    public static final ScaleFormat E8M0 = new ScaleFormat(8);

    public ScaleFormat {
        if (bits < 2 || bits > 16) {
            throw new IllegalArgumentException("shared exponent of " + bits + " bits");
        }
    }

    public int bias() {
        return (1 << (bits - 1)) - 1;
    }

    public long nanCode() {
        return (1L << bits) - 1;
    }

    /** The largest finite code. */
    public long maxCode() {
        return nanCode() - 1;
    }

    public boolean isNaN(long code) {
        return code == nanCode();
    }

    /** The exponent of a finite code: the scale is 2^exponent. */
    public int exponent(long code) {
        if (code < 0 || code > maxCode()) {
            throw new IllegalArgumentException("not a finite scale code: " + code);
        }
        return (int) code - bias();
    }

    /** The code of 2^exponent, clamped to the finite codes (an exponent below the range gives code 0). */
    public long clampedCode(long exponent) {
        return Math.max(0, Math.min(maxCode(), exponent + bias()));
    }

    public String name() {
        return bits == 8 ? "e8m0" : "e" + bits + "m0";
    }
}
