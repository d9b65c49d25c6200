package bitweave.datapath;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The two radix-4 recodings: Σ d_i·4^i = a for every operand, digits in {-2..2}, the documented examples. */
class RadixFourTest {

    private static BigInteger value(int[] digits) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = digits.length - 1; i >= 0; i--) {
            sum = sum.shiftLeft(2).add(BigInteger.valueOf(digits[i]));
        }
        return sum;
    }

    private static void checkAll(int width, boolean signed) {
        long lo = signed ? -(1L << (width - 1)) : 0;
        long hi = signed ? (1L << (width - 1)) - 1 : (1L << width) - 1;
        for (long v = lo; v <= hi; v++) {
            BigInteger a = BigInteger.valueOf(v);
            String what = (signed ? "int" : "uint") + width + " " + v;
            int[] booth = RadixFour.booth(a, width, signed);
            assertEquals(Op.BoothEncode.digits(width, signed), booth.length, what);
            assertEquals(a, value(booth), "booth " + what);
            int[] ent = RadixFour.ent(a, Op.EntEncode.digits(width, signed));
            assertEquals(a, value(ent), "ent " + what);
            for (int i = 0; i < booth.length; i++) {
                assertTrue(Math.abs(booth[i]) <= 2, "booth digit " + i + " of " + what);
            }
            for (int d : ent) {
                assertTrue(Math.abs(d) <= 2, "ent digit of " + what);
            }
            // sign-magnitude: a negative operand's digits are those of its magnitude, each negated
            int[] magnitude = RadixFour.ent(a.abs(), ent.length);
            for (int i = 0; i < ent.length; i++) {
                // EN-T codes 0..3 of the magnitude mean 0, +1, +2, -1: never -2 before the sign
                assertTrue(magnitude[i] >= -1, "ent magnitude digit " + i + " of " + what);
                assertEquals(a.signum() < 0 ? -magnitude[i] : magnitude[i], ent[i], "ent sign, digit " + i + " of " + what);
            }
        }
    }

    @Test
    void everyInt8AndUint8RecodesToItself() {
        checkAll(8, true);
        checkAll(8, false);
    }

    @Test
    void everySmallWidthRecodesToItself() {
        for (int w = 1; w <= 12; w++) {
            checkAll(w, true);
            checkAll(w, false);
        }
    }

    @Test
    void entExamplesOfDomainNotes() {
        assertArrayEquals(new int[] {-1, -1, 2, 1}, RadixFour.ent(BigInteger.valueOf(91), 4));
        assertArrayEquals(new int[] {0, -1, 0, 2}, RadixFour.ent(BigInteger.valueOf(124), 4));
        // the sign negates every digit: -91 and -124
        assertArrayEquals(new int[] {1, 1, -2, -1}, RadixFour.ent(BigInteger.valueOf(-91), 4));
        assertArrayEquals(new int[] {0, 1, 0, -2}, RadixFour.ent(BigInteger.valueOf(-124), 4));
        // -128 has magnitude 128 = 2·4^3
        assertArrayEquals(new int[] {0, 0, 0, -2}, RadixFour.ent(BigInteger.valueOf(-128), 4));
        assertEquals(4, Op.EntEncode.digits(8, true));
        assertEquals(5, Op.EntEncode.digits(8, false)); // 255 = 3·64 + ... carries out of the top pair
    }

    @Test
    void boothExamplesWorkedByHand() {
        // 91 = 0101_1011: windows (a1 a0 0) = 110 -> -1, (a3 a2 a1) = 101 -> -1, (a5 a4 a3) = 011 -> 2, (a7 a6 a5) = 010 -> 1
        assertArrayEquals(new int[] {-1, -1, 2, 1}, RadixFour.booth(BigInteger.valueOf(91), 8, true));
        assertArrayEquals(new int[] {0, 0, 0, -2}, RadixFour.booth(BigInteger.valueOf(-128), 8, true));
        assertArrayEquals(new int[] {-1}, RadixFour.booth(BigInteger.valueOf(-1), 1, true)); // int1
        // uint8 255 needs a fifth digit: 255 = -1 + 0·4 + 0·16 + 0·64 + 1·256
        assertArrayEquals(new int[] {-1, 0, 0, 0, 1}, RadixFour.booth(BigInteger.valueOf(255), 8, false));
    }
}
