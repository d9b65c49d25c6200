package bitweave.units.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.emit.CompileOutputs;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.IntElementFormat;
import bitweave.numeric.Rounding;
import bitweave.numeric.ScaleRule;
import bitweave.numeric.SpecialsPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker rules of quantizer() (LANGUAGE.md 6.7): defaults, every setting, and each error. */
class QuantizerCheckTest {
    private static Quantizer load(String of, String members) {
        String text = "design d\narray q = quantizer() of " + of + " {\n  " + members.replace("; ", "\n  ") + "\n}\n";
        return (Quantizer) Frontend.loadText(text, "t.bw", Map.of(), null).top();
    }

    private static Diagnostic only(String of, String members) {
        List<Diagnostic> ds = assertThrows(UserError.class, () -> load(of, members)).diagnostics();
        assertEquals(1, ds.size(), ds.toString());
        return ds.get(0);
    }

    @Test
    void defaultsAreThoseOfLanguageMd() {
        Quantizer q = load("fp32", "to mxfp8_e4m3");
        assertEquals(FloatFormat.FP32, q.input());
        assertEquals(32, q.blockSize());
        assertEquals(FloatFormat.E4M3, q.format().element());
        assertEquals(ScaleRule.FLOOR, q.rule().rule());
        assertEquals(Rounding.NEAREST_EVEN, q.rule().encoding().rounding());
        assertTrue(q.rule().encoding().saturate());
        assertTrue(q.rule().encoding().negativeZero());
        assertFalse(q.rule().encoding().integerMinimum());
        assertEquals(SpecialsPolicy.BLOCK, q.rule().specials());
        assertNull(q.pe());
        assertEquals(32 * 32, q.topInterface().input("in").field("x").width());
        assertEquals(8 + 32 * 8, q.topInterface().output().fields().stream().mapToInt(f -> f.width()).sum());
    }

    @Test
    void everySettingIsRead() {
        Quantizer q = load("bf16", "to mxint8; block 64; scale rceil; rounding truncate; overflow nonfinite; "
                + "zero positive; int_min full");
        assertEquals(FloatFormat.BF16, q.input());
        assertEquals(64, q.blockSize());
        assertEquals(IntElementFormat.MXINT8, q.format().element());
        assertEquals(ScaleRule.RCEIL, q.rule().rule());
        assertEquals(Rounding.TRUNCATE, q.rule().encoding().rounding());
        assertFalse(q.rule().encoding().saturate());
        assertFalse(q.rule().encoding().negativeZero());
        assertTrue(q.rule().encoding().integerMinimum());
        Quantizer b = load("fp_e8m23", "to bfp_e5m8_sm; specials block");
        assertEquals(5, b.format().scale().bits());
        assertTrue(((IntElementFormat) b.format().element()).signMagnitude());
        assertEquals(SpecialsPolicy.LANE, load("fp16", "to mxfp8_e5m2; specials lane").rule().specials());
    }

    @Test
    void errorsNameTheSettingAndTheChoices() {
        Diagnostic d = only("fp32", "to mxfp8_e4m3; block 24");
        assertEquals(ErrorCode.BLOCK_NOT_POWER_OF_TWO, d.code());
        assertEquals(ErrorCode.ARRAY_SIZE_OUT_OF_RANGE, only("fp32", "to mxfp8_e4m3; block 2048").code());
        d = only("fp32", "to mxfp8_e4m3; scale round");
        assertEquals(ErrorCode.BAD_OPTION_VALUE, d.code());
        assertTrue(d.message().contains("floor, ceil, rceil or even"), d.message());
        assertEquals(ErrorCode.BAD_OPTION_VALUE, only("fp32", "to mxfp8_e4m3; rounding up").code());
        assertEquals(ErrorCode.UNKNOWN_TYPE, only("fp32", "to mxfp9").code());
        assertEquals(ErrorCode.UNKNOWN_TYPE, only("int8", "to mxfp4").code());
        d = only("fp8_e4m3", "to mxfp4");
        assertTrue(d.message().contains("no Inf/NaN"), d.message());
        assertEquals(ErrorCode.MISSING_MEMBER, only("fp32", "block 32").code());
        assertEquals(ErrorCode.OPTION_NOT_APPLICABLE, only("fp32", "to mxfp4; specials lane").code());
        assertEquals(ErrorCode.OPTION_NOT_APPLICABLE, only("fp32", "to mxfp8_e4m3; int_min full").code());
        assertEquals(ErrorCode.OPTION_NOT_APPLICABLE, only("fp32", "to bfp_e8m8_sm; int_min full").code());
        d = only("bf16", "to bfp_e8m16");
        assertEquals(ErrorCode.OPTION_NOT_APPLICABLE, d.code());
        assertTrue(d.message().contains("wider input"), d.message());
        assertEquals(ErrorCode.UNKNOWN_MEMBER, only("fp32", "to mxfp4; pipeline 2").code());
        assertEquals(ErrorCode.WRONG_ARGUMENT_COUNT,
                assertThrows(UserError.class, () -> Frontend.loadText("design d\narray q = quantizer(4) of fp32 { to mxfp4 }\n",
                        "t.bw", Map.of(), null)).diagnostics().get(0).code());
    }

    @Test
    void channelsAndReorder() {
        Quantizer q = load("fp32", "to mxfp4; block 4; reorder 3 2 1 0 7 6 5 4");
        assertEquals(8, q.channels());
        assertEquals(2, q.blocks());
        assertTrue(q.reordered());
        assertEquals(List.of(3, 2, 1, 0, 7, 6, 5, 4), q.order());
        Quantizer c = load("fp32", "to mxfp4; block 4; channels 12");
        assertEquals(3, c.blocks());
        assertFalse(c.reordered());
        assertEquals(3 * 8, c.topInterface().output().fields().get(0).width(), "three E8M0 scales per beat");
        assertEquals(12 * 4, c.topInterface().output().fields().get(1).width(), "twelve fp4 codes per beat");
        Diagnostic d = only("fp32", "to mxfp4; block 4; reorder 0 1 2 2");
        assertEquals(ErrorCode.BAD_REORDER, d.code());
        assertTrue(d.message().contains("channel 2 is listed twice"), d.message());
        assertTrue(only("fp32", "to mxfp4; block 4; reorder 0 1 2 4").message().contains("outside 0..3"));
        assertTrue(only("fp32", "to mxfp4; block 4; channels 8; reorder 0 1 2 3").message().contains("expected 8"));
        assertTrue(only("fp32", "to mxfp4; block 4; channels 6").message().contains("whole blocks"));
        assertEquals(ErrorCode.ARRAY_SIZE_OUT_OF_RANGE, only("fp32", "to mxfp4; channels 8192").code());
    }

    @Test
    void compilesWithoutAnEmittedJavaModel() {
        CompileOutputs out = CompileOutputs.of(Frontend.loadText("design d\narray q = quantizer() of fp32 { to mxfp4; block 4 }\n",
                "t.bw", Map.of(), null));
        assertTrue(out.all().stream().noneMatch(f -> f.name().endsWith(".java")));
        assertTrue(out.all().stream().anyMatch(f -> f.name().equals("d_lane.v")));
    }
}
