package bitweave.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every code of the small formats, against the OCP tables; FP32 against Java's own (IEEE 754) conversions. */
class FloatFormatTest {
    static final List<FloatFormat> SMALL = List.of(FloatFormat.E4M3, FloatFormat.E5M2, FloatFormat.E3M2,
            FloatFormat.E2M3, FloatFormat.E2M1);

    /** The value as a decimal string (exact), or NaN / ±Inf. */
    static String text(FpValue v) {
        if (!v.isFinite()) {
            return v.isNaN() ? "NaN" : v.negative() ? "-Inf" : "+Inf";
        }
        BigDecimal d = new BigDecimal(v.significand());
        d = v.exponent() >= 0 ? d.multiply(new BigDecimal(BigInteger.TWO.pow(v.exponent())))
                : d.divide(new BigDecimal(BigInteger.TWO.pow(-v.exponent())));
        return (v.negative() ? "-" : "") + d.stripTrailingZeros().toPlainString();
    }

    @Test
    void everyCodeDecodesAndReencodesToItself() {
        for (FloatFormat f : SMALL) {
            for (long code = 0; code < f.codeCount(); code++) {
                FpValue v = f.decode(code);
                assertEquals(code, f.encode(v, Encoding.IEEE), f + " code " + code);
                // Saturating conversion keeps every code but infinity, which becomes the largest finite value.
                long saturated = v.kind() == FpValue.Kind.INFINITE ? (code & (1L << (f.width() - 1))) | f.maxFiniteCode() : code;
                assertEquals(saturated, f.encode(v, Encoding.DEFAULT), f + " code " + code + " saturating");
            }
        }
        for (FloatFormat f : List.of(FloatFormat.BF16, FloatFormat.FP16)) {
            for (long code = 0; code < f.codeCount(); code++) {
                assertEquals(code, f.encode(f.decode(code), Encoding.IEEE), f + " code " + code);
            }
        }
    }

    @Test
    void tablesOfTheOcpSpecification() {
        assertEquals("448", text(FloatFormat.E4M3.maxFinite()));
        assertEquals(0x7E, FloatFormat.E4M3.maxFiniteCode());
        assertEquals("0.001953125", text(FloatFormat.E4M3.decode(0x01))); // 2^-9
        assertTrue(FloatFormat.E4M3.decode(0x7F).isNaN());
        assertTrue(FloatFormat.E4M3.decode(0xFF).isNaN());
        assertEquals("-240", text(FloatFormat.E4M3.decode(0xF7)));
        assertEquals("57344", text(FloatFormat.E5M2.maxFinite()));
        assertEquals(0x7B, FloatFormat.E5M2.maxFiniteCode());
        assertEquals("+Inf", text(FloatFormat.E5M2.decode(0x7C)));
        assertEquals("-Inf", text(FloatFormat.E5M2.decode(0xFC)));
        for (long nan : new long[] {0x7D, 0x7E, 0x7F, 0xFD, 0xFE, 0xFF}) {
            assertTrue(FloatFormat.E5M2.decode(nan).isNaN());
        }
        assertEquals("0.0000152587890625", text(FloatFormat.E5M2.decode(0x01))); // 2^-16
        assertEquals("28", text(FloatFormat.E3M2.maxFinite()));
        assertEquals("0.0625", text(FloatFormat.E3M2.decode(0x01)));
        assertEquals("7.5", text(FloatFormat.E2M3.maxFinite()));
        assertEquals("0.125", text(FloatFormat.E2M3.decode(0x01)));
        String[] fp4 = {"0", "0.5", "1", "1.5", "2", "3", "4", "6"};
        for (int c = 0; c < 8; c++) {
            assertEquals(fp4[c], text(FloatFormat.E2M1.decode(c)));
            assertEquals("-" + fp4[c], text(FloatFormat.E2M1.decode(c | 8)));
        }
        assertEquals(List.of(8, 15, 4, 2, 2), SMALL.stream().map(FloatFormat::emax).toList());
        assertEquals(127, FloatFormat.FP32.emax());
    }

    @Test
    void fp32DecodeMatchesJava() {
        Random r = new Random(1);
        for (int i = 0; i < 200_000; i++) {
            int bits = i < 512 ? (i << 23) ^ (i & 1) : r.nextInt(); // every exponent field, then random codes
            float f = Float.intBitsToFloat(bits);
            FpValue v = FloatFormat.FP32.decode(bits & 0xFFFFFFFFL);
            if (Float.isNaN(f)) {
                assertTrue(v.isNaN());
            } else if (Float.isInfinite(f)) {
                assertEquals(f < 0 ? "-Inf" : "+Inf", text(v));
            } else {
                assertEquals(0, new BigDecimal(f).compareTo(new BigDecimal(text(v))), "bits " + Integer.toHexString(bits));
                assertEquals((bits >>> 31) == 1, v.negative());
            }
        }
    }

    /** Java's double -> float cast is IEEE 754 round to nearest even with subnormals and overflow to infinity. */
    @Test
    void fp32EncodeMatchesJavasNarrowing() {
        long seed = 2;
        Random r = new Random(seed);
        for (int i = 0; i < 300_000; i++) {
            long dbits = r.nextLong();
            if (i % 3 == 0) { // exponents near FP32's range, where subnormals, ties and overflow happen
                dbits = (dbits & 0x800FFFFFFFFFFFFFL) | ((long) (1023 - 160 + r.nextInt(300)) << 52);
            }
            if (i % 5 == 0) { // exact ties: 24 significant bits, then a one, then zeros
                dbits &= ~((1L << 28) - 1);
                dbits |= 1L << 28;
            }
            double d = Double.longBitsToDouble(dbits);
            if (Double.isNaN(d)) {
                continue;
            }
            long expected = Float.floatToRawIntBits((float) d) & 0xFFFFFFFFL;
            assertEquals(expected, FloatFormat.FP32.encode(fromDouble(d), Encoding.IEEE),
                    "seed " + seed + " double " + d);
        }
    }

    static FpValue fromDouble(double d) {
        if (Double.isInfinite(d)) {
            return FpValue.infinity(d < 0);
        }
        long bits = Double.doubleToRawLongBits(d);
        return FloatFormat.FP64.decode(bits);
    }

    /** Every tie between neighbours, both signs: nearest-even keeps the even code, away takes the larger, truncate the smaller. */
    @Test
    void everyRoundingTieOfEveryElementFormat() {
        for (FloatFormat f : SMALL) {
            for (long code = 0; code < f.maxFiniteCode(); code++) {
                FpValue lo = f.decode(code);
                FpValue hi = f.decode(code + 1);
                FpValue mid = midpoint(lo, hi);
                for (boolean neg : new boolean[] {false, true}) {
                    long sign = neg ? 1L << (f.width() - 1) : 0;
                    FpValue m = FpValue.finite(neg, mid.significand(), mid.exponent());
                    long even = (code & 1) == 0 ? code : code + 1;
                    assertEquals(sign | even, f.encode(m, Encoding.DEFAULT), f + " tie above " + code);
                    assertEquals(sign | (code + 1), f.encode(m, with(Rounding.NEAREST_AWAY)), f + " away " + code);
                    assertEquals(sign | code, f.encode(m, with(Rounding.TRUNCATE)), f + " truncate " + code);
                    FpValue below = FpValue.finite(neg, m.significand().shiftLeft(40).subtract(BigInteger.ONE), m.exponent() - 40);
                    FpValue above = FpValue.finite(neg, m.significand().shiftLeft(40).add(BigInteger.ONE), m.exponent() - 40);
                    for (Rounding rounding : List.of(Rounding.NEAREST_EVEN, Rounding.NEAREST_AWAY)) {
                        assertEquals(sign | code, f.encode(below, with(rounding)), f + " just below tie " + code);
                        assertEquals(sign | (code + 1), f.encode(above, with(rounding)), f + " just above tie " + code);
                    }
                }
            }
        }
    }

    @Test
    void overflowSaturatesOrGivesInfinityOrNaN() {
        FpValue big = FpValue.of(1, 40);
        assertEquals(0x7E, FloatFormat.E4M3.encode(big, Encoding.DEFAULT));
        assertEquals(0x7F, FloatFormat.E4M3.encode(big, Encoding.IEEE));
        assertEquals(0x7B, FloatFormat.E5M2.encode(big, Encoding.DEFAULT));
        assertEquals(0x7C, FloatFormat.E5M2.encode(big, Encoding.IEEE));
        assertEquals(0xFC, FloatFormat.E5M2.encode(FpValue.infinity(true), Encoding.IEEE));
        assertEquals(0xFB, FloatFormat.E5M2.encode(FpValue.infinity(true), Encoding.DEFAULT));
        assertEquals(0x1F, FloatFormat.E3M2.encode(big, Encoding.IEEE)); // no Inf, no NaN: saturates
        // 464 is the tie between 448 and the NaN code's 480: even (448) wins; 465 overflows.
        assertEquals(0x7E, FloatFormat.E4M3.encode(FpValue.of(464, 0), Encoding.IEEE));
        assertEquals(0x7F, FloatFormat.E4M3.encode(FpValue.of(465, 0), Encoding.IEEE));
        // FP32 round toward zero never overflows to infinity.
        assertEquals(0x7F7FFFFFL, FloatFormat.FP32.encode(FpValue.of(1, 200), new Encoding(Rounding.TRUNCATE, false, true, false)));
    }

    @Test
    void signOfZero() {
        FpValue tinyNegative = FpValue.of(-1, -30);
        assertEquals(0x80, FloatFormat.E4M3.encode(tinyNegative, Encoding.DEFAULT));
        assertEquals(0x00, FloatFormat.E4M3.encode(tinyNegative, new Encoding(Rounding.NEAREST_EVEN, true, false, false)));
        assertEquals(0x80, FloatFormat.E4M3.encode(FpValue.zero(true), Encoding.DEFAULT));
    }

    static FpValue midpoint(FpValue lo, FpValue hi) {
        int e = Math.min(lo.exponent(), hi.exponent()) - 1;
        BigInteger sum = lo.significand().shiftLeft(lo.exponent() - e - 1).add(hi.significand().shiftLeft(hi.exponent() - e - 1));
        return FpValue.finite(false, sum, e);
    }

    static Encoding with(Rounding r) {
        return new Encoding(r, true, true, false);
    }
}
