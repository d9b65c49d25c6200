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
import bitweave.numeric.BlockDot;
import bitweave.numeric.FloatFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** block_dot() (LANGUAGE.md 6.9): the checker rules, the golden text, and the quantizer's output read as operands. */
class BlockDotUnitTest {
    private static ArraySpec top(String of, String members) {
        return Frontend.loadText("design d\narray x = block_dot() of " + of + " { " + members + " }\n", "t.bw",
                Map.of(), null).top();
    }

    private static Diagnostic only(String of, String members) {
        List<Diagnostic> ds = assertThrows(UserError.class, () -> top(of, members)).diagnostics();
        assertEquals(1, ds.size(), ds.toString());
        return ds.get(0);
    }

    @Test
    void defaultsSettingsAndErrors() {
        BlockDotUnit d = (BlockDotUnit) top("mxfp8_e4m3", "");
        assertEquals("mxfp8_e4m3", d.rule().b().name());
        assertEquals(32, d.k());
        assertEquals(BlockDot.Accumulation.EXACT, d.rule().accumulation());
        assertEquals(FloatFormat.FP32, d.rule().out());
        BlockDotUnit m = (BlockDotUnit) top("mxfp8_e4m3", "b mxfp4; block 8; blocks 3; to bf16");
        assertEquals("mxfp4", m.rule().b().name());
        assertEquals(24, m.k());
        assertEquals(24, m.peakMacsPerCycle());
        assertEquals(ErrorCode.UNKNOWN_TYPE, only("mxfp9", "").code());
        assertEquals(ErrorCode.UNKNOWN_TYPE, only("mxfp4", "b fp32").code());
        assertEquals(ErrorCode.UNKNOWN_TYPE, only("mxfp4", "to fp8_e4m3").code());
        assertEquals(ErrorCode.ARRAY_SIZE_OUT_OF_RANGE, only("mxfp4", "blocks 0").code());
        assertEquals(ErrorCode.BAD_OPTION_VALUE, only("mxfp4", "accumulate sloppy").code());
        assertEquals(BlockDot.Accumulation.ORDERED,
                ((BlockDotUnit) top("mxfp4", "accumulate ordered")).rule().accumulation());
    }

    @Test
    void theOrderExampleThroughTheGoldenText() {
        // DOMAIN.md 5: E4M3 [448, 2^-9, -448] . [448, 2^-9, 448] = 2^-18 exactly (0x36800000 in fp32)
        ArraySpec d = top("mxfp8_e4m3", "block 4");
        assertEquals("0x36800000\n", GoldenText.evaluateText(d, Map.of("a", "0x7F | 0x7E 0x01 0xFE 0x00\n",
                "b", "0x7F | 0x7E 0x01 0x7E 0x00\n")));
        ArraySpec one = top("mxfp8_e4m3", "block 1; blocks 3");
        assertEquals("0x36800000\n", GoldenText.evaluateText(one, Map.of("a", "0x7F | 0x7E\n0x7F | 0x01\n0x7F | 0xFE\n",
                "b", "0x7F | 0x7E\n0x7F | 0x01\n0x7F | 0x7E\n")), "exact across blocks too");
        ArraySpec ordered = top("mxfp8_e4m3", "block 1; blocks 3; accumulate ordered");
        assertEquals("0x00000000\n", GoldenText.evaluateText(ordered, Map.of("a", "0x7F | 0x7E\n0x7F | 0x01\n0x7F | 0xFE\n",
                "b", "0x7F | 0x7E\n0x7F | 0x01\n0x7F | 0x7E\n")), "fp32 additions in block order lose 2^-18");
    }

    @Test
    void quantizerOutputIsAnOperand() {
        ArraySpec q = Frontend.loadText("design q\narray q = quantizer() of fp32 { to mxfp8_e4m3; block 4 }\n",
                "q.bw", Map.of(), null).top();
        String a = GoldenText.evaluateText(q, Map.of("x", "1 2 3 4\n"));
        String b = GoldenText.evaluateText(q, Map.of("x", "0.5 0.25 -1 2\n"));
        assertEquals("0x40C00000\n", GoldenText.evaluateText(top("mxfp8_e4m3", "block 4"), Map.of("a", a, "b", b)),
                "1*0.5 + 2*0.25 + 3*(-1) + 4*2 = 6: every value is exact in E4M3");
    }

    @Test
    void badInputsAndRoundTrip() {
        ArraySpec d = top("mxfp4", "block 2; blocks 2");
        UserError e = assertThrows(UserError.class, () -> GoldenText.evaluateText(d,
                Map.of("a", "0x7F | 1 2\n0x7F | 1 2\n0x7F | 1 2\n", "b", "0x7F | 1 2\n0x7F | 1 x\n")));
        assertEquals(List.of(ErrorCode.GOLDEN_WRONG_COUNT, ErrorCode.GOLDEN_BAD_NUMBER),
                e.diagnostics().stream().map(Diagnostic::code).toList());
        List<Problem> problems = Stimulus.problems(d, 300, 3);
        assertEquals(GoldenText.format(d, GoldenModel.run(d, problems)),
                GoldenText.evaluateText(d, GoldenText.inputTexts(d, problems)));
    }
}
