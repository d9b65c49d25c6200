package bitweave.golden;

import static bitweave.golden.TestSupport.refFit;
import static bitweave.golden.TestSupport.seed;
import static bitweave.golden.TestSupport.seedNote;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntArithTest {

    /** Edge values for width w: 0, 1, -1, all-ones, the sign bit and its neighbours, ±2^w, plus random big ones. */
    private static List<BigInteger> interesting(int w, Random r) {
        BigInteger p = BigInteger.TWO.pow(w);
        BigInteger sign = BigInteger.TWO.pow(w - 1);
        List<BigInteger> out = new ArrayList<>(List.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.ONE.negate(),
                p.subtract(BigInteger.ONE), sign, sign.subtract(BigInteger.ONE), sign.negate(),
                sign.negate().subtract(BigInteger.ONE), p, p.negate(), p.add(BigInteger.ONE)));
        for (int i = 0; i < 8; i++) {
            BigInteger v = new BigInteger(1 + r.nextInt(130), r);
            out.add(r.nextBoolean() ? v : v.negate());
        }
        return out;
    }

    @Test
    void fitMatchesReferenceOnEdgesAndRandomValues() {
        long seed = seed();
        Random r = new Random(seed);
        int[] widths = new int[70];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = i < 64 ? i + 1 : new int[] {1, 63, 64, 2, 32, 33}[i - 64];
        }
        for (int w : widths) {
            for (boolean signed : new boolean[] {false, true}) {
                IntType t = new IntType(w, signed);
                for (OverflowPolicy p : OverflowPolicy.values()) {
                    for (BigInteger v : interesting(w, r)) {
                        BigInteger got = IntArith.fit(v, t, p);
                        assertEquals(refFit(v, t, p), got, "fit(" + v + ", " + t + ", " + p + ")" + seedNote(seed));
                        assertTrue(IntArith.fits(got, t), "result in range" + seedNote(seed));
                    }
                }
            }
        }
    }

    @Test
    void fitKnownValues() {
        IntType int8 = new IntType(8, true);
        IntType uint8 = new IntType(8, false);
        assertEquals(BigInteger.valueOf(-128), IntArith.fit(BigInteger.valueOf(128), int8, OverflowPolicy.WRAP));
        assertEquals(BigInteger.valueOf(127), IntArith.fit(BigInteger.valueOf(128), int8, OverflowPolicy.SATURATE));
        assertEquals(BigInteger.valueOf(255), IntArith.fit(BigInteger.valueOf(-1), uint8, OverflowPolicy.WRAP));
        assertEquals(BigInteger.ZERO, IntArith.fit(BigInteger.valueOf(-1), uint8, OverflowPolicy.SATURATE));
        IntType int1 = new IntType(1, true);
        assertEquals(BigInteger.ONE.negate(), IntArith.fit(BigInteger.ONE, int1, OverflowPolicy.WRAP));
        assertEquals(BigInteger.ZERO, IntArith.fit(BigInteger.ONE, int1, OverflowPolicy.SATURATE));
    }

    @Test
    void longPathAgreesWithBigIntegerPath() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < 20000; i++) {
            IntType t = TestSupport.randomType(r, 64);
            if (!IntArith.typeFitsLong(t)) {
                assertFalse(t.signed());
                assertEquals(64, t.width());
                continue;
            }
            OverflowPolicy p = r.nextBoolean() ? OverflowPolicy.WRAP : OverflowPolicy.SATURATE;
            long v = switch (r.nextInt(4)) {
                case 0 -> r.nextLong();
                case 1 -> r.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
                case 2 -> (r.nextBoolean() ? 1L : -1L) << r.nextInt(64);
                default -> r.nextInt(1000) - 500;
            };
            assertEquals(IntArith.fit(BigInteger.valueOf(v), t, p), BigInteger.valueOf(IntArith.fitLong(v, t, p)),
                    "fitLong(" + v + ", " + t + ", " + p + ")" + seedNote(seed));
        }
    }

    @Test
    void longSafeBound() {
        IntType int8 = new IntType(8, true);
        IntType int32 = new IntType(32, true);
        IntType int64 = new IntType(64, true);
        assertTrue(IntArith.longSafe(int8, int8, int32, 1024));
        assertFalse(IntArith.longSafe(int8, int8, int64, 1)); // |acc| may already be 2^63
        assertFalse(IntArith.longSafe(int8, int8, new IntType(63, false), 1)); // 2^63-1 + 16384 > 2^63-1
        assertFalse(IntArith.longSafe(new IntType(32, true), new IntType(32, true), int32, 4));
        assertTrue(IntArith.longSafe(new IntType(31, true), new IntType(31, true), int32, 3));
        assertFalse(IntArith.longSafe(int8, int8, new IntType(64, false), 1));
    }

    @Test
    void packUnpackRoundTripAndLayout() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < 3000; i++) {
            IntType t = TestSupport.randomType(r, 64);
            int n = 1 + r.nextInt(9);
            List<BigInteger> elements = List.of(TestSupport.vector(r, t, n));
            BigInteger packed = IntArith.pack(elements, t);
            // Independent layout: element i is (e_i mod 2^W) * 2^(i*W).
            BigInteger expected = BigInteger.ZERO;
            for (int e = 0; e < n; e++) {
                expected = expected.add(elements.get(e).mod(BigInteger.TWO.pow(t.width()))
                        .multiply(BigInteger.TWO.pow(e * t.width())));
            }
            assertEquals(expected, packed, "pack " + elements + " as " + t + seedNote(seed));
            assertTrue(packed.signum() >= 0 && packed.bitLength() <= n * t.width(), seedNote(seed));
            assertEquals(elements, IntArith.unpack(packed, t, n), "unpack" + seedNote(seed));
        }
    }

    @Test
    void packRejectsOutOfRange() {
        IntType int4 = new IntType(4, true);
        assertThrows(IllegalArgumentException.class, () -> IntArith.pack(List.of(BigInteger.valueOf(8)), int4));
        assertEquals(BigInteger.valueOf(0x8F), IntArith.pack(List.of(BigInteger.valueOf(-1), BigInteger.valueOf(-8)),
                int4));
    }
}
