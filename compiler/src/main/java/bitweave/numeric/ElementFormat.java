package bitweave.numeric;

/** A per-element format of a block (or a scalar format): a code of {@link #width} bits and its value. */
public sealed interface ElementFormat permits FloatFormat, IntElementFormat {
    String name();

    /** Bits per code. */
    int width();

    /**
     * The exponent of the largest power of two the format represents (OCP MX's emax_elem: 8 for E4M3, 15 for
     * E5M2, 0 for INT8): the shared scale is floor(log2 amax) - emax.
     */
    int emax();

    /** Fraction bits below the leading one of the format's largest binade (E4M3: 3; INT8: 6). */
    int mantissaBits();

    /** The largest finite value (positive). */
    FpValue maxFinite();

    boolean hasNaN();

    boolean hasInfinity();

    /** The exact value of {@code code} (the low {@link #width} bits are read). */
    FpValue decode(long code);

    /** The code of {@code v} under {@code how} (NaN needs {@link #hasNaN}). */
    long encode(FpValue v, Encoding how);

    /** Every code of the format, 0 .. 2^width - 1, as the exhaustive tests walk them. */
    default long codeCount() {
        return 1L << width();
    }
}
