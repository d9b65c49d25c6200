package bitweave.datapath;

import java.math.BigInteger;

/**
 * The two radix-4 signed-digit recodings of DOMAIN.md 2.3, on integers: the reference the encoders'
 * semantics and tests use. Both return digits in {-2, -1, 0, +1, +2}, lowest first, with
 * Σ d_i·4^i equal to the operand.
 */
public final class RadixFour {
    private RadixFour() {
    }

    /** Radix-4 Booth: digit i = -2·a[2i+1] + a[2i] + a[2i-1], a[-1] = 0, on the operand's two's complement. */
    public static int[] booth(BigInteger value, int width, boolean signed) {
        int digits = Op.BoothEncode.digits(width, signed);
        int[] d = new int[digits];
        for (int i = 0; i < digits; i++) {
            int hi = bit(value, 2 * i + 1);
            int mid = bit(value, 2 * i);
            int lo = i == 0 ? 0 : bit(value, 2 * i - 1);
            d[i] = -2 * hi + mid + lo;
        }
        return d;
    }

    /**
     * EN-T: the magnitude's bit pairs plus the carry from below give codes 0..3 = digits 0, +1, +2, -1
     * (3 carries), then the operand's sign negates every digit. {@code digits} bounds the output length.
     */
    public static int[] ent(BigInteger value, int digits) {
        BigInteger m = value.abs();
        int[] d = new int[digits];
        int carry = 0;
        for (int i = 0; i < digits; i++) {
            int pair = m.shiftRight(2 * i).intValue() & 3;
            int code = pair + carry;
            // code 0, 1, 2 are digits; 3 is -1 with a carry; 4 (pair 3 + carry) is 0 with a carry
            carry = code >= 3 ? 1 : 0;
            int digit = switch (code & 3) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> 2;
                default -> -1;
            };
            d[i] = value.signum() < 0 ? -digit : digit;
        }
        return d;
    }

    /** Bit {@code i} of the (infinitely sign-extended) two's complement of {@code value}. */
    private static int bit(BigInteger value, int i) {
        return value.testBit(i) ? 1 : 0;
    }
}
