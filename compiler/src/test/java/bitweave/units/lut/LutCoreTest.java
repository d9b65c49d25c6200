package bitweave.units.lut;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bitweave.check.Frontend;
import bitweave.diag.Diagnostic;
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

/** lut_core (LANGUAGE.md 6.10): the check, the golden text of the plain GEMM, the round trip of the text. */
class LutCoreTest {
    private static final String PE = "pe p {\n  a : int8\n  b : uint2\n  acc : int32 wrap\n}\n";

    private static ArraySpec top(String pe, String array) {
        return Frontend.loadText("design d\n" + pe + "array top = " + array + "\n", "t.bw", Map.of(), null).top();
    }

    private static List<ErrorCode> codes(String pe, String array) {
        return assertThrows(UserError.class, () -> top(pe, array)).diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void theCheck() {
        LutCore c = (LutCore) top(PE, "lut_core(2, 64, 4) of p { zero_point 2 }");
        assertEquals(4, c.group());
        assertEquals(2, c.zeroPoint());
        assertEquals(true, c.symmetrize());
        assertEquals(List.of("a", "w"), c.topInterface().input("in").fields().stream().map(f -> f.name()).toList());
        assertEquals(2 * 64 * 4 / 2, c.peakMacsPerCycle());
        assertEquals(List.of(ErrorCode.BLOCK_DOES_NOT_DIVIDE), codes(PE, "lut_core(2, 2, 6) of p"));
        assertEquals(List.of(ErrorCode.ARRAY_SIZE_OUT_OF_RANGE), codes(PE, "lut_core(2, 2, 4) of p { zero_point 4 }"));
        assertEquals(List.of(ErrorCode.OPTION_NOT_APPLICABLE),
                codes(PE.replace("uint2", "int2"), "lut_core(2, 2, 4) of p { zero_point 1 }"), "signed: no zero point");
        assertEquals(List.of(ErrorCode.OPTION_NOT_APPLICABLE),
                codes(PE, "lut_core(2, 2, 4) of p { symmetrize off; index pre_encoded }"));
        assertEquals(List.of(ErrorCode.OPTION_NOT_APPLICABLE), codes(PE.replace("uint2", "uint5"), "lut_core(2, 2, 4) of p"));
        assertEquals(List.of(ErrorCode.OPTION_NOT_APPLICABLE),
                codes(PE.replace("acc : int32 wrap", "acc : int32 wrap\n  multiplier booth"), "lut_core(2, 2, 4) of p"));
        assertEquals(List.of(ErrorCode.BAD_OPTION_VALUE), codes(PE, "lut_core(2, 2, 4) of p { sign_bit middle }"));
        LutCore csa = (LutCore) top(PE.replace("wrap", "saturate"),
                "lut_core(2, 2, 4) of p { transform compressed_accumulation }");
        assertTrue(csa.compressedAccumulation(), "the plane accumulator is exact inside, so saturate is legal");
        assertFalse(csa.baseline().compressedAccumulation());
        assertTrue(csa.baseline().macDatapath(), "equiv proves a LUT tile against the multiplier reference");
        assertEquals(List.of(ErrorCode.TRANSFORM_NOT_APPLICABLE),
                codes(PE, "lut_core(2, 2, 4) of p { datapath mac; transform compressed_accumulation }"));
        assertEquals(List.of(ErrorCode.BAD_OPTION_VALUE), codes(PE, "lut_core(2, 2, 4) of p { datapath dsp }"));
        assertEquals(List.of(ErrorCode.TRANSFORM_NOT_APPLICABLE),
                codes(PE, "lut_core(2, 2, 4) of p { transform compressed_accumulation raw_pairs }"));
        assertEquals(List.of(ErrorCode.TRANSFORM_NOT_APPLICABLE),
                codes(PE, "lut_core(2, 2, 4) of p { transform same_bit_weight_reduction }"));
    }

    /** Without acc the core derives the narrowest exact type of Σ x·(w − z); other kinds and accumulate_in refuse. */
    @Test
    void anOmittedAccIsTheExactWidth() {
        String bare = "pe p {\n  a : int8\n  b : uint2\n}\n";
        // int8 x (0..3 - 1): products -256..254, K = 4: -1024..1016, int11
        assertEquals("int11", ((LutCore) top(bare, "lut_core(2, 4, 4) of p { zero_point 1 }")).pe().acc().dslName());
        // z = 0: 0..3 x int8, K = 64: -24576..24384, int16
        assertEquals("int16", ((LutCore) top(bare, "lut_core(1, 1, 64) of p")).pe().acc().dslName());
        // unsigned activations and codes with z = 0: never negative
        assertEquals("uint10", ((LutCore) top(bare.replace("int8", "uint8"), "lut_core(1, 1, 1) of p { group 1 }")).pe().acc().dslName());
        assertEquals("int4", ((LutCore) top("pe p {\n  a : int2\n  b : int1\n}\n", "lut_core(1, 1, 2) of p { group 2 }"))
                .pe().acc().dslName(), "int2 x int1 (-1, 0): products -1..2, two of them: -2..4");
        assertEquals(List.of(ErrorCode.MISSING_MEMBER), codes(bare, "lut_core(1, 1, 4) of p { accumulate_in }"));
        assertEquals(List.of(ErrorCode.MISSING_MEMBER), codes(bare, "systolic(2, 2) of p"));
    }

    @Test
    void goldenTextIsThePlainGemm() {
        // A = [1 2 3 4; -128 -128 -128 -128], W codes = [0 1 2 3; 0 0 0 0], z = 1: O = [10 -10; -256 512]
        ArraySpec c = top(PE, "lut_core(2, 2, 4) of p { zero_point 1 }");
        assertEquals("10 -10\n-256 512\n", GoldenText.evaluateText(c, Map.of("a", "1 2 3 4\n-128 -128 -128 -128\n",
                "w", "0 1 2 3\n0 0 0 0\n")));
        ArraySpec acc = top(PE, "lut_core(1, 1, 4) of p { accumulate_in }");
        assertEquals("16\n", GoldenText.evaluateText(acc, Map.of("a", "1 1 1 1\n", "w", "3 3 3 3\n", "c", "4\n")));
    }

    @Test
    void roundTrip() {
        for (String members : List.of("zero_point 2", "index pre_encoded", "accumulate_in; symmetrize off")) {
            ArraySpec c = top(PE, "lut_core(2, 3, 8) of p { " + members + " }");
            List<Problem> problems = Stimulus.problems(c, 100, 7);
            assertEquals(GoldenText.format(c, GoldenModel.run(c, problems)),
                    GoldenText.evaluateText(c, GoldenText.inputTexts(c, problems)), members);
        }
    }
}
