package bitweave.units.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.golden.GoldenModel;
import bitweave.golden.GoldenText;
import bitweave.golden.Problem;
import bitweave.golden.Stimulus;
import bitweave.ir.ArraySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code bitweave golden} on a quantizer (GOLDEN.md): hex and decimal input, hex output, errors, round trip. */
class QuantizerGoldenTextTest {
    private static ArraySpec top(String members) {
        return Frontend.loadText("design d\narray q = quantizer() of fp32 { " + members + " }\n", "t.bw", Map.of(), null)
                .top();
    }

    @Test
    void domainE4m3ExampleFromDecimalsAndPatterns() {
        // DOMAIN.md 5's E4M3 block (padded with two zeros to a block of 8): scale 0x7F, codes 7C 7E 05 00 01 82
        String out = GoldenText.evaluateText(top("to mxfp8_e4m3; block 8"),
                Map.of("x", "400 485 0.01 0x3A800000 0x3AC00000 0xBB400000 0 -0 # the example\n"));
        assertEquals("0x7F | 0x7C 0x7E 0x05 0x00 0x01 0x82 0x00 0x80\n", out);
    }

    @Test
    void nanBlockAndSaturation() {
        ArraySpec q = top("to mxfp8_e4m3; block 2");
        assertEquals("0xFF | 0x00 0x00\n0x7D | 0x7E 0x00\n", GoldenText.evaluateText(q, Map.of("x", "1 nan\n0x42FFFFFF 0\n")));
    }

    @Test
    void badWordsAndCountsAreReportedWithCodes() {
        UserError e = assertThrows(UserError.class, () -> GoldenText.evaluateText(top("to mxfp4; block 2"),
                Map.of("x", "1 2 3\n1 foo\n")));
        assertEquals(List.of(ErrorCode.GOLDEN_WRONG_COUNT, ErrorCode.GOLDEN_BAD_NUMBER),
                e.diagnostics().stream().map(d -> d.code()).toList());
        assertThrows(UserError.class, () -> GoldenText.evaluateText(top("to mxfp4; block 2"), Map.of("x", "1 -0x1\n")));
    }

    @Test
    void inputTextsReadBackToTheSameResults() {
        for (String members : List.of("to mxfp8_e5m2; block 4; specials lane", "to mxint8; block 8; scale even",
                "to bfp_e6m5_sm; block 2")) {
            ArraySpec q = top(members);
            List<Problem> problems = Stimulus.problems(q, 300, 7);
            String direct = GoldenText.format(q, GoldenModel.run(q, problems));
            assertEquals(direct, GoldenText.evaluateText(q, GoldenText.inputTexts(q, problems)), members);
            assertTrue(direct.lines().count() == 300, members);
        }
    }
}
