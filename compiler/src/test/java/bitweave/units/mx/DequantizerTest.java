package bitweave.units.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.golden.GoldenModel;
import bitweave.golden.GoldenText;
import bitweave.golden.Problem;
import bitweave.golden.Stimulus;
import bitweave.ir.ArraySpec;
import bitweave.numeric.FloatFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dequantizer() (LANGUAGE.md 6.8): the checker rules, its golden text, and the quantizer's output read back. */
class DequantizerTest {
    private static ArraySpec top(String of, String members) {
        return Frontend.loadText("design d\narray x = dequantizer() of " + of + " { " + members + " }\n", "t.bw",
                Map.of(), null).top();
    }

    private static Diagnostic only(String of, String members) {
        List<Diagnostic> ds = assertThrows(UserError.class, () -> top(of, members)).diagnostics();
        assertEquals(1, ds.size(), ds.toString());
        return ds.get(0);
    }

    @Test
    void defaultsAndErrors() {
        Dequantizer d = (Dequantizer) top("mxfp4", "");
        assertEquals(FloatFormat.FP32, d.output());
        assertEquals(32, d.blockSize());
        assertEquals(FloatFormat.BF16, ((Dequantizer) top("mxint8", "to bf16; block 8")).output());
        assertEquals(ErrorCode.UNKNOWN_TYPE, only("mxfp5", "").code());
        assertEquals(ErrorCode.UNKNOWN_TYPE, only("mxfp4", "to fp8_e4m3").code());
        assertEquals(ErrorCode.UNKNOWN_TYPE, only("mxfp4", "to int8").code());
        assertEquals(ErrorCode.BLOCK_NOT_POWER_OF_TWO, only("mxfp4", "block 3").code());
        assertEquals(ErrorCode.UNKNOWN_MEMBER, only("mxfp4", "scale floor").code());
    }

    @Test
    void goldenTextReadsTheQuantizersOutput() {
        // the DOMAIN.md E4M3 block back to fp32, scale 2^0: 0x7C = 384, 0x7E = 448 (485 saturated), 0x05 = 5 * 2^-9,
        // 0x00 = 0 (2^-10 rounded to even), 0x01 = 2^-9 (1.5 * 2^-10 rounded up), 0x82 = -2^-8, then +0 and -0
        ArraySpec q = Frontend.loadText("design q\narray q = quantizer() of fp32 { to mxfp8_e4m3; block 8 }\n",
                "q.bw", Map.of(), null).top();
        String blocks = GoldenText.evaluateText(q, Map.of("x", "400 485 0.01 0x3A800000 0x3AC00000 0xBB400000 0 -0\n"
                + "1 nan 2 3 4 5 6 7\n"));
        String values = GoldenText.evaluateText(top("mxfp8_e4m3", "block 8"), Map.of("block", blocks));
        assertEquals("0x43C00000 0x43E00000 0x3C200000 0x00000000 0x3B000000 0xBB800000 0x00000000 0x80000000\n"
                + "0x7FC00000 0x7FC00000 0x7FC00000 0x7FC00000 0x7FC00000 0x7FC00000 0x7FC00000 0x7FC00000\n", values);
    }

    @Test
    void badBlocksAreReported() {
        UserError e = assertThrows(UserError.class, () -> GoldenText.evaluateText(top("mxfp4", "block 2"),
                Map.of("block", "0x7F 1 2\n0x7F | 1 x\n0x1FF | 1 2\n0x7F | 1 0x10\n")));
        assertEquals(List.of(ErrorCode.GOLDEN_WRONG_COUNT, ErrorCode.GOLDEN_BAD_NUMBER,
                        ErrorCode.GOLDEN_VALUE_OUT_OF_RANGE, ErrorCode.GOLDEN_VALUE_OUT_OF_RANGE),
                e.diagnostics().stream().map(Diagnostic::code).toList());
    }

    @Test
    void inputTextsReadBackToTheSameResults() {
        for (String[] c : new String[][] {{"mxfp8_e5m2", "block 4; to bf16"}, {"mxint8", "block 8"},
                {"bfp_e6m5_sm", "block 2; to fp16"}}) {
            ArraySpec d = top(c[0], c[1]);
            List<Problem> problems = Stimulus.problems(d, 300, 11);
            String direct = GoldenText.format(d, GoldenModel.run(d, problems));
            assertEquals(direct, GoldenText.evaluateText(d, GoldenText.inputTexts(d, problems)), c[0]);
            assertTrue(problems.size() == 300, c[0]);
        }
    }
}
