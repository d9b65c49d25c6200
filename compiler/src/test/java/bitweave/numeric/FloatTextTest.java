package bitweave.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decimal and hex input; decimals are rounded exactly once, as Java's correctly rounded parser does. */
class FloatTextTest {
    @Test
    void hexPatternsAreTakenAsIs() {
        assertEquals(0x42FFFFFFL, FloatText.parse("0x42FFFFFF", FloatFormat.FP32));
        assertEquals(0xFFC00001L, FloatText.parse("0xffc00001", FloatFormat.FP32));
        assertEquals(0x3F80L, FloatText.parse("0x3F80", FloatFormat.BF16));
        assertThrows(NumberFormatException.class, () -> FloatText.parse("0x1FFFF", FloatFormat.BF16));
        assertThrows(NumberFormatException.class, () -> FloatText.parse("-0x3F80", FloatFormat.BF16));
        assertThrows(NumberFormatException.class, () -> FloatText.parse("0x", FloatFormat.FP32));
    }

    @Test
    void wordsAndSignedZero() {
        assertEquals(0x7FC00000L, FloatText.parse("nan", FloatFormat.FP32));
        assertEquals(0xFF800000L, FloatText.parse("-inf", FloatFormat.FP32));
        assertEquals(0x7F800000L, FloatText.parse("Infinity", FloatFormat.FP32));
        assertEquals(0x80000000L, FloatText.parse("-0", FloatFormat.FP32));
        assertEquals(0x80000000L, FloatText.parse("-1e-60", FloatFormat.FP32));
        assertEquals(0x7F800000L, FloatText.parse("1e39", FloatFormat.FP32));
        for (String bad : new String[] {"", "1.2.3", "e5", "1e", "--1", "0x12g", "1,5"}) {
            assertThrows(NumberFormatException.class, () -> FloatText.parse(bad, FloatFormat.FP32), bad);
        }
    }

    @Test
    void decimalsMatchJavasCorrectlyRoundedParser() {
        long seed = 5;
        Random r = new Random(seed);
        for (int i = 0; i < 100_000; i++) {
            String text;
            if (i % 2 == 0) { // a float printed with extra digits, then nudged: near ties and subnormals
                float f = Float.intBitsToFloat(r.nextInt() & 0x7FFFFFFF);
                if (Float.isNaN(f) || Float.isInfinite(f)) {
                    continue;
                }
                text = new java.math.BigDecimal(f).add(new java.math.BigDecimal(Math.ulp(f) / 2)).toPlainString();
                if (r.nextBoolean()) {
                    text = text + "1";
                }
            } else {
                text = String.format(Locale.ROOT, "%d.%de%d", r.nextInt(100000), r.nextInt(1000), r.nextInt(90) - 50);
            }
            String signed = r.nextBoolean() ? "-" + text : text;
            long expected = Float.floatToRawIntBits(Float.parseFloat(signed)) & 0xFFFFFFFFL;
            assertEquals(expected, FloatText.parse(signed, FloatFormat.FP32), "seed " + seed + ": " + signed);
        }
    }
}
