package bitweave.numeric;

/**
 * How a value is put into a format's code: the rounding rule, what overflow does, the sign of a zero
 * result and whether a two's-complement element may use its most negative code.
 *
 * @param saturate        overflow (and infinity) gives the largest finite magnitude; otherwise infinity where
 *                        the format has one, else NaN where it has one (formats with neither always saturate)
 * @param negativeZero    a negative value that rounds to zero (and -0.0) gives the negative-zero code, as
 *                        IEEE 754 conversion does; otherwise +0 (microxcaling)
 * @param integerMinimum  a two's-complement element may emit its most negative code (MXINT8's -128, i.e.
 *                        -2.0); otherwise its range is symmetric
 */
public record Encoding(Rounding rounding, boolean saturate, boolean negativeZero, boolean integerMinimum) {
    /** The defaults of dsl/LANGUAGE.md: round to nearest even, saturate, keep the sign of zero, no -128. */
    public static final Encoding DEFAULT = new Encoding(Rounding.NEAREST_EVEN, true, true, false);

    /** IEEE 754 conversion to a wider-range result (dequantizer output): nearest even, overflow to infinity. */
    public static final Encoding IEEE = new Encoding(Rounding.NEAREST_EVEN, false, true, false);
}
