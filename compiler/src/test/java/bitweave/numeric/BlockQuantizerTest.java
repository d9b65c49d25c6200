package bitweave.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The worked examples of DOMAIN.md section 5, the scale rules, specials, E8M0 and the dequantizer. */
class BlockQuantizerTest {
    static List<FpValue> fp32(String... texts) {
        return Arrays.stream(texts).map(t -> FloatFormat.FP32.decode(FloatText.parse(t, FloatFormat.FP32))).toList();
    }

    static QuantizedBlock quantize(BlockFormat mx, ScaleRule rule, String... texts) {
        return new BlockQuantizer(mx.withBlockSize(texts.length), rule, Encoding.DEFAULT, SpecialsPolicy.BLOCK)
                .quantize(fp32(texts));
    }

    static BlockFormat mx(String name) {
        return BlockFormat.MX.stream().filter(b -> b.name().equals(name)).findFirst().orElseThrow();
    }

    static List<String> values(BlockFormat mx, QuantizedBlock q) {
        int shift = mx.scale().exponent(q.scale());
        return q.codes().stream().map(c -> FloatFormatTest.text(mx.element().decode(c).scaledBy(shift))).toList();
    }

    @Test
    void domainE4m3Example() {
        // 2^-10 = 0x3A800000, 1.5 * 2^-10 = 0x3AC00000, -1.5 * 2^-9 = 0xBB400000 (a hex pattern carries its sign bit)
        QuantizedBlock q = quantize(mx("mxfp8_e4m3"), ScaleRule.FLOOR, "400", "485", "0.01", "0x3A800000", "0x3AC00000", "0xBB400000");
        assertEquals(0x7F, q.scale());
        assertEquals(List.of(0x7CL, 0x7EL, 0x05L, 0x00L, 0x01L, 0x82L), q.codes());
    }

    @Test
    void domainFp4Example() {
        BlockFormat fp4 = mx("mxfp4");
        QuantizedBlock q = quantize(fp4, ScaleRule.FLOOR, "12", "0.3", "-1.7", "5.9", "5.0", "1.5", "2.5", "0.5", "-7");
        assertEquals(0x80, q.scale());
        assertEquals(List.of("12", "0", "-2", "6", "4", "2", "2", "0", "-8"), values(fp4, q));
    }

    @Test
    void domainInt8Example() {
        QuantizedBlock q = quantize(mx("mxint8"), ScaleRule.FLOOR, "1", "-1.75", "0.3", "1.99");
        assertEquals(0x7F, q.scale());
        assertEquals(List.of(0x40L, 0x90L, 0x13L, 0x7FL), q.codes());
    }

    @Test
    void domainSaturationExample() {
        QuantizedBlock q = quantize(mx("mxfp8_e4m3"), ScaleRule.FLOOR, "960", "957");
        assertEquals(0x80, q.scale()); // X = 2
        assertEquals(List.of("896", "896"), values(mx("mxfp8_e4m3"), q));
    }

    /** 0x42FFFFFF = 127.99999237: just below a power of two, where a floating-point log2 says 7. */
    @Test
    void scaleRulesJustBelowAPowerOfTwo() {
        BlockFormat e4m3 = mx("mxfp8_e4m3");
        assertEquals(125, quantize(e4m3, ScaleRule.FLOOR, "0x42FFFFFF").scale());
        assertEquals(List.of(0x7EL), quantize(e4m3, ScaleRule.FLOOR, "0x42FFFFFF").codes()); // 512 saturates to 448
        assertEquals(126, quantize(e4m3, ScaleRule.CEIL, "0x42FFFFFF").scale());
        assertEquals(126, quantize(e4m3, ScaleRule.EVEN, "0x42FFFFFF").scale());
        assertEquals(126, quantize(e4m3, ScaleRule.RCEIL, "0x42FFFFFF").scale());
        // A power of two: CEIL and FLOOR agree; RCEIL only needs 128 <= 448 * 2^s.
        assertEquals(127 - 1, quantize(e4m3, ScaleRule.FLOOR, "128").scale());
        assertEquals(127 - 1, quantize(e4m3, ScaleRule.CEIL, "128").scale());
        assertEquals(127 - 1, quantize(e4m3, ScaleRule.RCEIL, "128").scale());
        assertEquals(127 - 1, quantize(e4m3, ScaleRule.RCEIL, "224").scale());
        assertEquals(127, quantize(e4m3, ScaleRule.RCEIL, "224.5").scale());
        // EVEN rounds amax to 3 fraction bits half up: 120 (1.111 * 2^6) stays, 124 becomes 128.
        assertEquals(125, quantize(e4m3, ScaleRule.EVEN, "120").scale());
        assertEquals(126, quantize(e4m3, ScaleRule.EVEN, "124").scale());
    }

    @Test
    void scaleCodesAtTheEndsOfE8m0() {
        BlockFormat e4m3 = mx("mxfp8_e4m3");
        assertEquals(0, quantize(e4m3, ScaleRule.FLOOR, "0", "-0").scale());
        assertEquals(List.of(0x00L, 0x80L), quantize(e4m3, ScaleRule.FLOOR, "0", "-0").codes());
        assertEquals(0, quantize(e4m3, ScaleRule.FLOOR, "0x00000001").scale()); // FP32 subnormal: 2^-149
        assertEquals(0, quantize(mx("mxint8"), ScaleRule.FLOOR, "0x00400000").scale()); // 2^-127 exactly
        assertEquals(List.of(0x40L), quantize(mx("mxint8"), ScaleRule.FLOOR, "0x00400000").codes());
        assertEquals(254, quantize(mx("mxint8"), ScaleRule.FLOOR, "0x7F7FFFFF").scale());
        assertEquals(254, quantize(mx("mxint8"), ScaleRule.CEIL, "0x7F7FFFFF").scale()); // 2^128 clamps to 2^127
        assertEquals(254 - 8, quantize(e4m3, ScaleRule.FLOOR, "0x7F7FFFFF").scale());
    }

    @Test
    void e8m0EveryCode() {
        ScaleFormat s = ScaleFormat.E8M0;
        for (long c = 0; c < 255; c++) {
            assertEquals(c, s.clampedCode(s.exponent(c)));
        }
        assertEquals(-127, s.exponent(0));
        assertEquals(127, s.exponent(254));
        assertEquals(255, s.nanCode());
        assertThrows(IllegalArgumentException.class, () -> s.exponent(255));
    }

    @Test
    void nanAndInfinity() {
        BlockFormat e4m3 = mx("mxfp8_e4m3").withBlockSize(3);
        QuantizedBlock block = new BlockQuantizer(e4m3, ScaleRule.FLOOR, Encoding.DEFAULT, SpecialsPolicy.BLOCK)
                .quantize(fp32("1", "nan", "2"));
        assertEquals(new QuantizedBlock(0xFF, List.of(0L, 0L, 0L)), block);
        QuantizedBlock lane = new BlockQuantizer(e4m3, ScaleRule.FLOOR, Encoding.DEFAULT, SpecialsPolicy.LANE)
                .quantize(fp32("1", "-inf", "2"));
        // scale 2^-7 (amax 2); 1 * 2^7 = 0x70, 2 * 2^7 = 0x78; -Inf gives NaN, as E4M3 has no infinity
        assertEquals(new QuantizedBlock(127 - 7, List.of(0x70L, 0xFFL, 0x78L)), lane);
        BlockFormat e5m2 = mx("mxfp8_e5m2").withBlockSize(3);
        assertEquals(List.of(0xFCL, 0x7EL), new BlockQuantizer(e5m2.withBlockSize(2), ScaleRule.FLOOR, Encoding.DEFAULT,
                SpecialsPolicy.LANE).quantize(fp32("-inf", "nan")).codes());
        assertThrows(IllegalArgumentException.class, () -> new BlockQuantizer(mx("mxfp4"), ScaleRule.FLOOR,
                Encoding.DEFAULT, SpecialsPolicy.LANE));
    }

    @Test
    void int8MinimumOnlyWhenAllowed() {
        BlockFormat int8 = mx("mxint8").withBlockSize(2);
        List<FpValue> in = fp32("-1.996", "1"); // X = 1; -1.996 * 64 = -127.7 rounds to -128
        assertEquals(List.of(0x81L, 0x40L), new BlockQuantizer(int8, ScaleRule.FLOOR, Encoding.DEFAULT,
                SpecialsPolicy.BLOCK).quantize(in).codes());
        Encoding minimum = new Encoding(Rounding.NEAREST_EVEN, true, true, true);
        assertEquals(List.of(0x80L, 0x40L), new BlockQuantizer(int8, ScaleRule.FLOOR, minimum, SpecialsPolicy.BLOCK)
                .quantize(in).codes());
        assertEquals("-2", FloatFormatTest.text(IntElementFormat.MXINT8.decode(0x80)));
    }

    @Test
    void classicBfp() {
        BlockFormat bfp = BlockFormat.bfp(8, 8, true, 4);
        QuantizedBlock q = new BlockQuantizer(bfp, ScaleRule.FLOOR, Encoding.DEFAULT, SpecialsPolicy.BLOCK)
                .quantize(fp32("-3", "1", "0.01", "-0.001"));
        assertEquals(127 + 1, q.scale()); // max |v| = 3 = 1.1b * 2^1
        // mantissas are q * 2^-6 * 2^1: -3 -> -96 (sign-magnitude 0x80 | 96), 1 -> 32, 0.01 -> 0.32 -> 0, -0.001 -> -0
        assertEquals(List.of(0x80L | 96, 32L, 0L, 0x80L), q.codes());
    }

    /** Dequantizing gives back any value that is exactly an element times its scale. */
    @Test
    void dequantizeInvertsExactValues() {
        long seed = 11;
        Random r = new Random(seed);
        for (BlockFormat mx : BlockFormat.MX) {
            BlockFormat f = mx.withBlockSize(8);
            BlockQuantizer quantizer = new BlockQuantizer(f, ScaleRule.FLOOR, Encoding.DEFAULT, SpecialsPolicy.BLOCK);
            BlockDequantizer dequantizer = new BlockDequantizer(f, FloatFormat.FP32);
            for (int i = 0; i < 2000; i++) {
                int shift = r.nextInt(200) - 100;
                List<FpValue> in = new ArrayList<>();
                for (int k = 0; k < 8; k++) {
                    long code = r.nextInt((int) f.element().codeCount());
                    FpValue v = f.element().decode(code);
                    // NaN, Inf and MXINT8's -2.0 (beyond the largest magnitude, 127/64) are not in a quantizer's range
                    boolean inRange = v.isFinite() && v.compareMagnitude(f.element().maxFinite()) <= 0;
                    in.add(inRange ? v.scaledBy(shift) : FpValue.zero(false));
                }
                in.set(0, f.element().maxFinite().scaledBy(shift)); // the block max sets the scale exactly
                QuantizedBlock q = quantizer.quantize(in);
                List<Long> out = dequantizer.dequantize(q);
                for (int k = 0; k < 8; k++) {
                    assertEquals(FloatFormat.FP32.encode(in.get(k), Encoding.IEEE), out.get(k),
                            f.name() + " seed " + seed + " block " + i + " lane " + k);
                }
            }
        }
    }

    @Test
    void dequantizeSpecials() {
        BlockFormat e5m2 = mx("mxfp8_e5m2").withBlockSize(4);
        BlockDequantizer d = new BlockDequantizer(e5m2, FloatFormat.FP32);
        assertEquals(List.of(0x7FC00000L, 0x7FC00000L, 0x7FC00000L, 0x7FC00000L),
                d.dequantize(new QuantizedBlock(0xFF, List.of(0L, 1L, 0x7CL, 0x3CL))));
        // 57344 * 2^127 overflows FP32; -0 stays -0; -Inf stays -Inf; 1.0 * 2^127.
        assertEquals(List.of(0x7F800000L, 0x80000000L, 0xFF800000L, 0x7F000000L),
                d.dequantize(new QuantizedBlock(0xFE, List.of(0x7BL, 0x80L, 0xFCL, 0x3CL))));
        // The smallest E5M2 subnormal (2^-16) at scale 2^-127 is the FP32 subnormal 2^-143; a NaN element stays NaN.
        assertEquals(List.of(0x00000040L, 0x80000040L, 0x7FC00000L, 0L),
                d.dequantize(new QuantizedBlock(0x00, List.of(0x01L, 0x81L, 0x7FL, 0L))));
        // E4M3 subnormal 0x03 at 2^-127: 3 * 2^-9 * 2^-127 = 3 * 2^13 * 2^-149, an exact FP32 subnormal.
        BlockDequantizer d4 = new BlockDequantizer(mx("mxfp8_e4m3").withBlockSize(1), FloatFormat.FP32);
        assertEquals(List.of(0x00006000L), d4.dequantize(new QuantizedBlock(0x00, List.of(0x03L))));
        // BF16 output rounds: mxint8 code 0x7F (127/64) at scale 1 is 1.984375, exact in BF16 (0x3FFE).
        BlockDequantizer b = new BlockDequantizer(mx("mxint8").withBlockSize(1), FloatFormat.BF16);
        assertEquals(List.of(0x3FFEL), b.dequantize(new QuantizedBlock(0x7F, List.of(0x7FL))));
    }
}
