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
import bitweave.ir.PeSpec;
import bitweave.numeric.BlockFormat;
import bitweave.numeric.FixedPointElement;
import bitweave.numeric.FormatNames;
import bitweave.numeric.FpValue;
import bitweave.units.addertree.AdderTree;
import bitweave.units.addertree.DotUnit;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import bitweave.units.systolic.SystolicArray;
import org.junit.jupiter.api.Test;

/**
 * The arrays over block-format PEs (LANGUAGE.md 5.2, 6.1, 6.2, 6.6): the PE check, the elements as fixed-point
 * integers, the exact block sum widths DOMAIN.md 5 gives, and the golden text of the tree, the matrix and the
 * output-stationary systolic array.
 */
class BlockArrayTest {
    private static final String PE = "pe p {\n  a : mxfp8_e4m3\n  b : mxfp4\n  acc : fp32\n  block 4\n}\n";

    private static ArraySpec top(String pe, String array) {
        return Frontend.loadText("design d\n" + pe + "array top = " + array + "\n", "t.bw", Map.of(), null).top();
    }

    private static List<ErrorCode> codes(String pe, String array) {
        return assertThrows(UserError.class, () -> top(pe, array)).diagnostics().stream().map(Diagnostic::code).toList();
    }

    @Test
    void everyElementIsItsFixedPointIntegerExactly() {
        for (String name : List.of("mxfp8_e4m3", "mxfp8_e5m2", "mxfp6_e3m2", "mxfp6_e2m3", "mxfp4", "mxint8",
                "bfp_e8m6_sm", "bfp_e5m8")) {
            BlockFormat f = FormatNames.block(name, 32).orElseThrow();
            FixedPointElement fx = new FixedPointElement(f.element());
            BigInteger max = BigInteger.ONE.shiftLeft(fx.width() - 1);
            for (long code = 0; code < f.element().codeCount(); code++) {
                FpValue v = f.element().decode(code);
                if (!v.isFinite()) {
                    continue;
                }
                BigInteger i = fx.value(code);
                assertTrue(i.compareTo(max.negate()) >= 0 && i.compareTo(max) < 0,
                        name + " code " + code + " fits " + fx.width() + " bits");
                // value = i * 2^lsb, checked by scaling both to a common exponent
                BigInteger lhs = v.significand().shiftLeft(v.exponent() - fx.lsb());
                assertEquals(v.negative() ? lhs.negate() : lhs, i, name + " code " + code);
            }
        }
    }

    @Test
    void blockSumWidthsAreDomainsExactWidths() {
        // DOMAIN.md 5: exact fixed-point block sums of 32: FP4 15 bits, E2M3 19, INT8 21, E4M3 43, E5M2 73
        Map<String, Integer> widths = Map.of("mxfp4", 15, "mxfp6_e2m3", 19, "mxint8", 21, "mxfp8_e4m3", 43,
                "mxfp8_e5m2", 73);
        for (Map.Entry<String, Integer> e : widths.entrySet()) {
            AdderTree t = (AdderTree) top("pe p {\n  a : " + e.getKey() + "\n  b : " + e.getKey() + "\n  acc : fp32\n}\n",
                    "adder_tree(32) of p");
            assertEquals((int) e.getValue(), DotUnit.dotWidth(t.pe(), 32), e.getKey());
        }
    }

    @Test
    void thePeCheckAndTheArrays() {
        AdderTree t = (AdderTree) top(PE, "adder_tree(8) of p { columns 2; accumulate }");
        PeSpec pe = t.pe();
        assertTrue(pe.hasBlockOperands());
        assertEquals(19, pe.a().width());
        assertEquals(5, pe.b().width());
        assertEquals(2, t.blocksPerColumn());
        assertEquals(List.of("a_scale", "a_elem", "b_scale", "b_elem", "last"),
                t.topInterface().input("in").fields().stream().map(f -> f.name()).toList());
        assertEquals(List.of(ErrorCode.BLOCK_DOES_NOT_DIVIDE), codes(PE, "adder_tree(6) of p"));
        assertEquals(List.of(ErrorCode.BLOCK_DOES_NOT_DIVIDE), codes(PE, "matrix(2, 2, 6) of p"));
        SystolicArray os = (SystolicArray) top(PE, "systolic(2, 3) of p { dataflow output_stationary }");
        assertEquals(List.of("a_scale", "a_elem", "b_scale", "b_elem", "last"),
                os.topInterface().input("in").fields().stream().map(f -> f.name()).toList());
        assertEquals(List.of(2, 8, 3, 12, 1),
                os.topInterface().input("in").fields().stream().map(f -> f.elements()).toList(), "one block per lane");
        assertEquals(2 * 3 * 4, os.peakMacsPerCycle());
        assertEquals(List.of(ErrorCode.OPTION_NOT_APPLICABLE), codes(PE, "systolic(2, 2) of p { dataflow weight_stationary }"));
        assertEquals(List.of(ErrorCode.OPTION_NOT_APPLICABLE),
                codes(PE, "systolic(2, 2) of p { dataflow output_stationary; skew host }"));
        assertEquals(List.of(ErrorCode.TRANSFORM_NOT_APPLICABLE),
                codes(PE, "systolic(2, 2) of p { dataflow output_stationary; transform compressed_accumulation }"));
        assertEquals(List.of(ErrorCode.OPTION_NOT_APPLICABLE), codes(PE, "cube(2, 2, 2) of p"));
        assertEquals(List.of(ErrorCode.PIPELINE_OUT_OF_RANGE), codes(PE, "adder_tree(64) of p { pipeline 4 }"),
                "the trees are one block (4) wide: at most 3 stages");
        assertEquals(List.of(ErrorCode.TRANSFORM_NOT_APPLICABLE),
                codes(PE, "adder_tree(8) of p { transform same_bit_weight_reduction }"), "float elements: no OPT2");
        assertEquals(List.of(ErrorCode.OPTION_NOT_APPLICABLE),
                codes(PE.replace("block 4", "block 4\n  multiplier booth"), "adder_tree(8) of p"), "nor Booth");
        String ints = "pe p {\n  a : mxint8\n  b : bfp_e8m6\n  acc : fp32\n  block 4\n  multiplier booth\n}\n";
        assertTrue(((AdderTree) top(ints, "adder_tree(8) of p { transform same_bit_weight_reduction }")).sameBitWeight());
        assertEquals(List.of(ErrorCode.TRANSFORM_NEEDS_PARTIAL_PRODUCTS), codes(ints.replace("multiplier booth",
                "multiplier behavioral"), "adder_tree(8) of p { transform same_bit_weight_reduction }"));
        assertEquals(List.of(ErrorCode.TRANSFORM_NOT_APPLICABLE),
                codes(ints, "matrix(1, 1, 8) of p { transform compressed_accumulation }"));
        assertEquals(List.of(ErrorCode.BAD_MODIFIER), codes(PE.replace("acc : fp32", "acc : fp32 wrap"), "adder_tree(4) of p"));
        assertEquals(List.of(ErrorCode.OPTION_NOT_APPLICABLE),
                codes("pe p {\n  a : int8\n  b : int8\n  acc : int32 wrap\n  block 4\n}\n", "adder_tree(4) of p"));
        assertEquals(List.of(ErrorCode.OPTION_NOT_APPLICABLE),
                codes(PE.replace("b : mxfp4", "b : bfp_e9m4"), "adder_tree(4) of p"), "scales wider than E8M0");
    }

    @Test
    void treeAndMatrixGoldenText() {
        // one block of 4 per beat: a = 448, 2^-9, -448, 0 (E4M3) at scale 1; b = 6, 0.5, 6, 0 (E2M1) at scale 1
        ArraySpec tree = top(PE, "adder_tree(4) of p");
        assertEquals("0x3A800000\n", GoldenText.evaluateText(tree, Map.of("a", "0x7F | 0x7E 0x01 0xFE 0x00\n",
                "b", "0x7F | 0x7 0x1 0x7 0x0\n")), "448*6 + 2^-9*0.5 - 448*6 = 2^-10, exact");
        // accumulating: beat 1 gives 448*6, beat 2 gives 2^-30 (a's scale 2^-20), beat 3 gives -448*6; fp32
        // additions lose 2^-30 (an ulp of 2688 is 2^-12); without the scale the beat is 2^-10 and survives
        ArraySpec acc = top(PE, "adder_tree(4) of p { accumulate }");
        assertEquals("0x00000000\n", GoldenText.evaluateText(acc, Map.of(
                "a", "0x7F | 0x7E 0 0 0\n0x6B | 0x01 0 0 0\n0x7F | 0xFE 0 0 0\n",
                "b", "0x7F | 0x7 0 0 0\n0x7F | 0x1 0 0 0\n0x7F | 0x7 0 0 0\n")), "rounded per beat, in beat order");
        assertEquals("0x3A800000\n", GoldenText.evaluateText(acc, Map.of(
                "a", "0x7F | 0x7E 0 0 0\n0x7F | 0x01 0 0 0\n0x7F | 0xFE 0 0 0\n",
                "b", "0x7F | 0x7 0 0 0\n0x7F | 0x1 0 0 0\n0x7F | 0x7 0 0 0\n")));
        // a 2 x 1 matrix: row 0 = 1,1,1,1 (0x38), row 1 = 2,2,2,2 (0x40); column 0 = 1,1,1,1 (0x2); two beats
        ArraySpec m = top(PE, "matrix(2, 1, 4) of p");
        assertEquals("0x41000000\n0x41800000\n", GoldenText.evaluateText(m, Map.of(
                "a", "0x7F | 0x38 0x38 0x38 0x38\n0x7F | 0x40 0x40 0x40 0x40\n0x7F | 0x38 0x38 0x38 0x38\n0x7F | 0x40 0x40 0x40 0x40\n",
                "b", "0x7F | 0x2 0x2 0x2 0x2\n0x7F | 0x2 0x2 0x2 0x2\n")), "C = [4 + 4, 8 + 8]");
        // the systolic array of the same grid takes one block per step: the same tile, the same C
        for (String output : List.of("held", "direct")) {
            ArraySpec os = top(PE, "systolic(2, 1) of p { dataflow output_stationary; output " + output + " }");
            assertEquals("0x41000000\n0x41800000\n", GoldenText.evaluateText(os, Map.of(
                    "a", "0x7F | 0x38 0x38 0x38 0x38\n0x7F | 0x40 0x40 0x40 0x40\n0x7F | 0x38 0x38 0x38 0x38\n0x7F | 0x40 0x40 0x40 0x40\n",
                    "b", "0x7F | 0x2 0x2 0x2 0x2\n0x7F | 0x2 0x2 0x2 0x2\n")), output);
        }
    }

    @Test
    void badInputsAndRoundTrip() {
        ArraySpec m = top(PE, "matrix(2, 2, 8) of p");
        UserError e = assertThrows(UserError.class, () -> GoldenText.evaluateText(m,
                Map.of("a", "0x7F | 1 2 3 4\n", "b", "0x7F | 1 2 3 4\n0x7F | 1 2 3 4\n0x7F | 1 2 3 4\n0x7F | 1 2 3 4\n")));
        assertEquals(List.of(ErrorCode.GOLDEN_WRONG_COUNT), e.diagnostics().stream().map(Diagnostic::code).toList());
        for (ArraySpec d : List.of(m, top(PE, "adder_tree(8) of p { columns 3; accumulate }"), top(PE, "adder_tree(4) of p"),
                top(PE, "systolic(3, 2) of p { dataflow output_stationary }"))) {
            List<Problem> problems = Stimulus.problems(d, 200, 5);
            assertEquals(GoldenText.format(d, GoldenModel.run(d, problems)),
                    GoldenText.evaluateText(d, GoldenText.inputTexts(d, problems)));
        }
    }
}
