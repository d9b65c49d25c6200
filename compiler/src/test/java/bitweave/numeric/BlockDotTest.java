package bitweave.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The block dot product's declared accumulation (DOMAIN.md 5): the order example, and both variants against
 * references computed another way: exact mode against an exact BigDecimal sum rounded once from its decimal,
 * ordered mode against Java's own IEEE float additions of the rounded block sums.
 */
class BlockDotTest {
    private static BlockFormat mx(String name, int block) {
        return FormatNames.block(name, block).orElseThrow();
    }

    private static QuantizedBlock block(long scale, long... codes) {
        List<Long> list = new ArrayList<>();
        for (long c : codes) {
            list.add(c);
        }
        return new QuantizedBlock(scale, list);
    }

    @Test
    void orderMattersAndTheIrSaysWhich() {
        // E4M3 [448, 2^-9, -448] . [448, 2^-9, 448] = 2^-18 exactly; in one block (padded with a zero lane)
        BlockFormat e4m3 = mx("mxfp8_e4m3", 4);
        List<QuantizedBlock> a = List.of(block(0x7F, 0x7E, 0x01, 0xFE, 0x00));
        List<QuantizedBlock> b = List.of(block(0x7F, 0x7E, 0x01, 0x7E, 0x00));
        long twoToMinus18 = 0x36800000L;
        assertEquals(twoToMinus18, new BlockDot(e4m3, e4m3, BlockDot.Accumulation.EXACT, FloatFormat.FP32).dot(a, b));
        assertEquals(twoToMinus18, new BlockDot(e4m3, e4m3, BlockDot.Accumulation.ORDERED, FloatFormat.FP32).dot(a, b),
                "inside a block the sum is exact in both variants");
        // one element per block: sequential fp32 accumulation loses 2^-18 against 448^2 = 200704
        BlockFormat one = mx("mxfp8_e4m3", 1);
        List<QuantizedBlock> a1 = List.of(block(0x7F, 0x7E), block(0x7F, 0x01), block(0x7F, 0xFE));
        List<QuantizedBlock> b1 = List.of(block(0x7F, 0x7E), block(0x7F, 0x01), block(0x7F, 0x7E));
        assertEquals(twoToMinus18, new BlockDot(one, one, BlockDot.Accumulation.EXACT, FloatFormat.FP32).dot(a1, b1));
        assertEquals(0L, new BlockDot(one, one, BlockDot.Accumulation.ORDERED, FloatFormat.FP32).dot(a1, b1));
    }

    @Test
    void specials() {
        BlockFormat e5m2 = mx("mxfp8_e5m2", 2);
        BlockDot dot = new BlockDot(e5m2, e5m2, BlockDot.Accumulation.EXACT, FloatFormat.FP32);
        long nan = FloatFormat.FP32.nanCode();
        assertEquals(nan, dot.dot(List.of(block(0xFF, 0x3C, 0)), List.of(block(0x7F, 0x3C, 0))), "NaN scale");
        assertEquals(nan, dot.dot(List.of(block(0x7F, 0x7C, 0)), List.of(block(0x7F, 0x00, 0))), "Inf x 0");
        assertEquals(0x7F800000L, dot.dot(List.of(block(0x7F, 0x7C, 0)), List.of(block(0x7F, 0x3C, 0))), "Inf x 1");
        assertEquals(nan, dot.dot(List.of(block(0x7F, 0x7C, 0xFC)), List.of(block(0x7F, 0x3C, 0x3C))), "Inf - Inf");
        assertEquals(0xFF800000L, dot.dot(List.of(block(0xFE, 0x7B, 0x7B)), List.of(block(0xFE, 0xFB, 0xFB))),
                "overflow to -Inf: 57344^2 * 2^254 each");
        assertEquals(0L, dot.dot(List.of(block(0x7F, 0x80, 0)), List.of(block(0x7F, 0x3C, 0))), "-0 gives +0");
    }

    @Test
    void bothVariantsAgreeWithIndependentReferences() {
        Random r = new Random(1234);
        String[][] pairs = {{"mxfp8_e4m3", "mxfp4"}, {"mxint8", "mxint8"}, {"mxfp6_e3m2", "mxfp6_e2m3"},
                {"mxfp8_e5m2", "mxfp8_e4m3"}, {"bfp_e8m8", "mxfp4"}};
        for (String[] pair : pairs) {
            BlockFormat fa = mx(pair[0], 8);
            BlockFormat fb = mx(pair[1], 8);
            for (int trial = 0; trial < 400; trial++) {
                int blocks = 1 + r.nextInt(4);
                List<QuantizedBlock> as = new ArrayList<>();
                List<QuantizedBlock> bs = new ArrayList<>();
                for (int j = 0; j < blocks; j++) {
                    as.add(randomBlock(fa, r));
                    bs.add(randomBlock(fb, r));
                }
                String where = pair[0] + " x " + pair[1] + " trial " + trial;
                BigDecimal exact = BigDecimal.ZERO;
                float ordered = 0f;
                for (int j = 0; j < blocks; j++) {
                    BigDecimal s = exactBlock(fa, fb, as.get(j), bs.get(j));
                    exact = exact.add(s);
                    ordered += Float.intBitsToFloat((int) FloatText.parse(s.toPlainString(), FloatFormat.FP32));
                }
                long wantExact = FloatText.parse(exact.toPlainString(), FloatFormat.FP32);
                wantExact = wantExact == 0x80000000L ? 0 : wantExact; // a zero sum is +0
                assertEquals(hex(wantExact), hex(new BlockDot(fa, fb, BlockDot.Accumulation.EXACT, FloatFormat.FP32)
                        .dot(as, bs)), where);
                long wantOrdered = Float.floatToRawIntBits(ordered) & 0xFFFFFFFFL;
                wantOrdered = wantOrdered == 0x80000000L ? 0 : wantOrdered;
                assertEquals(hex(wantOrdered), hex(new BlockDot(fa, fb, BlockDot.Accumulation.ORDERED,
                        FloatFormat.FP32).dot(as, bs)), where);
            }
        }
    }

    private static String hex(long code) {
        return String.format("0x%08X", code);
    }

    /** A finite random block: scale near 2^0 (+-20), element codes that are finite numbers. */
    private static QuantizedBlock randomBlock(BlockFormat f, Random r) {
        long scale = 127 - 20 + r.nextInt(41);
        List<Long> codes = new ArrayList<>();
        while (codes.size() < f.blockSize()) {
            long c = r.nextInt(1 << f.element().width());
            if (f.element().decode(c).isFinite()) {
                codes.add(c);
            }
        }
        return new QuantizedBlock(scale, codes);
    }

    private static BigDecimal exactBlock(BlockFormat fa, BlockFormat fb, QuantizedBlock x, QuantizedBlock y) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < x.codes().size(); i++) {
            sum = sum.add(decimal(fa.element().decode(x.codes().get(i))).multiply(decimal(fb.element().decode(y.codes().get(i)))));
        }
        return sum.multiply(pow2(fa.scale().exponent(x.scale()) + fb.scale().exponent(y.scale())));
    }

    private static BigDecimal decimal(FpValue v) {
        return new BigDecimal(v.signedSignificand()).multiply(pow2(v.exponent()));
    }

    private static BigDecimal pow2(int e) {
        return e >= 0 ? new BigDecimal(BigInteger.TWO.pow(e)) : BigDecimal.ONE.divide(new BigDecimal(BigInteger.TWO.pow(-e)));
    }
}
