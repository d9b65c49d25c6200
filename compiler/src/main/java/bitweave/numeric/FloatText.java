package bitweave.numeric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * FP32 and BF16 inputs as users write them: a hex bit pattern ({@code 0x42FFFFFF}, taken as is, so any NaN
 * payload or subnormal can be given) or a decimal ({@code 1.5}, {@code -0}, {@code 1e-40}, {@code nan},
 * {@code inf}, {@code -inf}). A decimal is read exactly ({@link BigDecimal}) and rounded once, to
 * nearest even, into the target format: no Java {@code float} or {@code double} is involved.
 */
public final class FloatText {
    private FloatText() {
    }

    /** The code of {@code text} in {@code format} (FP32 or BF16). */
    public static long parse(String text, FloatFormat format) {
        String t = text.strip();
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x") || lower.startsWith("-0x") || lower.startsWith("+0x")) {
            if (!lower.startsWith("0x")) {
                throw new NumberFormatException("a hex bit pattern has no sign: " + text);
            }
            long code = Long.parseUnsignedLong(t.substring(2), 16);
            if (t.length() <= 2 || code >>> format.width() != 0) {
                throw new NumberFormatException("not a " + format.width() + "-bit pattern: " + text);
            }
            return code;
        }
        String unsigned = lower.replaceFirst("^[+-]", "");
        boolean negative = lower.startsWith("-");
        if (unsigned.equals("nan")) {
            return format.nanCode();
        }
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return format.infinityCode(negative);
        }
        if (!unsigned.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
            throw new NumberFormatException("not a number: " + text);
        }
        BigDecimal magnitude;
        try {
            magnitude = new BigDecimal(unsigned);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new NumberFormatException("not a number: " + text); // an exponent beyond 32 bits
        }
        // Decimal exponents beyond +-400 lie outside every format here (fp64: 4.9e-324 .. 1.8e308): they
        // round to infinity or zero, decided without building 10^huge.
        long magnitudeExponent = (long) magnitude.precision() - magnitude.scale(); // value < 10^this
        if (magnitude.signum() != 0 && magnitudeExponent > 400) {
            return format.encode(FpValue.infinity(negative), Encoding.IEEE);
        }
        if (magnitude.signum() == 0 || magnitudeExponent < -400) {
            return format.encode(FpValue.zero(negative), Encoding.IEEE);
        }
        return fromDecimal(negative, magnitude, format);
    }

    /**
     * Rounds an exact decimal to {@code format} with round to nearest even, through an exact rational: the
     * decimal's digits are scaled to enough binary places (60 beyond the format's finest subnormal, plus a
     * sticky bit) that the single rounding step cannot differ from rounding the rational itself.
     */
    static long fromDecimal(boolean negative, BigDecimal magnitude, FloatFormat format) {
        if (magnitude.signum() == 0) {
            return format.encode(FpValue.zero(negative), Encoding.IEEE);
        }
        BigInteger unscaled = magnitude.unscaledValue();
        int scale = magnitude.scale(); // value = unscaled * 10^-scale
        if (scale <= 0) {
            return format.encode(FpValue.finite(negative, unscaled.multiply(BigInteger.TEN.pow(-scale)), 0),
                    Encoding.IEEE);
        }
        int bits = -format.minQuantumExponent() + 60;
        BigInteger num = unscaled.shiftLeft(bits);
        BigInteger[] qr = num.divideAndRemainder(BigInteger.TEN.pow(scale));
        // A non-zero remainder below the kept bits is a sticky 1 in a further place: it breaks a false tie.
        BigInteger sig = qr[0].shiftLeft(1).or(qr[1].signum() != 0 ? BigInteger.ONE
                : BigInteger.ZERO);
        return format.encode(FpValue.finite(negative, sig, -bits - 1), Encoding.IEEE);
    }

    /** {@code code} as the golden text prints it: {@code 0x} and width/4 hex digits, upper case. */
    public static String hex(long code, int width) {
        int digits = (width + 3) / 4;
        return "0x" + String.format(Locale.ROOT, "%0" + digits + "X", code);
    }
}
