package bitweave.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.Design;
import bitweave.units.cube.CubeArray;
import bitweave.units.systolic.SystolicArray;
import bitweave.units.matrix.MatrixArray;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker rules of cube(X, Y, Z) and matrix(M, N, K) (LANGUAGE.md 6.5, 6.6): accepted forms and each error. */
class ShapesCheckTest {
    private static final String PE = "design d\npe mac { a : int8; b : int8; acc : int32 wrap }\n";
    private static final String BOOTH = "design d\npe mac { a : int8; b : int8; acc : int32 wrap; multiplier booth }\n";
    private static final String SAT = "design d\npe mac { a : int8; b : int8; acc : int32 saturate }\n";

    private static Design load(String text) {
        return Frontend.loadText(text, "t.bw", Map.of(), null);
    }

    private static List<Diagnostic> errors(String text) {
        return assertThrows(UserError.class, () -> load(text)).diagnostics();
    }

    private static Diagnostic only(String text) {
        List<Diagnostic> ds = errors(text);
        assertEquals(1, ds.size(), ds.toString());
        return ds.get(0);
    }

    @Test
    void cubeArgumentsAndNoBody() {
        CubeArray c = (CubeArray) load(PE + "array top = cube(2, 3, 4) of mac\n").top();
        assertEquals(List.of(2, 3, 4), List.of(c.x(), c.y(), c.z()));
        assertEquals(24, c.peakMacsPerCycle());
        assertEquals(32, ((CubeArray) load(PE + "array top = cube(1, 32, 1) of mac {}\n").top()).y());
        assertEquals(4096, ((CubeArray) load(PE + "array top = cube(16, 16, 16) of mac\n").top()).peakMacsPerCycle());
    }

    @Test
    void cubeErrors() {
        Diagnostic side = only(PE + "array top = cube(2, 33, 4) of mac\n");
        assertEquals(ErrorCode.ARRAY_SIZE_OUT_OF_RANGE, side.code());
        assertEquals("cube Y = 33 is outside 1..32", side.message());
        assertEquals(ErrorCode.ARRAY_SIZE_OUT_OF_RANGE, only(PE + "array top = cube(0, 1, 1) of mac\n").code());
        Diagnostic big = only(PE + "array top = cube(32, 32, 5) of mac\n");
        assertEquals(ErrorCode.TOO_MANY_MULTIPLIERS, big.code());
        assertTrue(big.message().startsWith("cube 32x32x5 has 5120 PEs; at most 4096"), big.message());
        assertEquals(ErrorCode.WRONG_ARGUMENT_COUNT, only(PE + "array top = cube(2, 2) of mac\n").code());
        assertEquals(ErrorCode.UNKNOWN_MEMBER, only(PE + "array top = cube(2, 2, 2) of mac { pipeline 1 }\n").code());
        Diagnostic t = only(PE + "array top = cube(2, 2, 2) of mac { transform same_bit_weight_reduction }\n");
        assertEquals(ErrorCode.TRANSFORM_NOT_APPLICABLE, t.code());
        assertTrue(t.message().endsWith("does not apply to a 3D-Cube; it takes compressed_accumulation"), t.message());
        // OPT1 keeps the column's partial sum as a pair: saturation needs the true sum every step
        assertEquals(ErrorCode.TRANSFORM_NEEDS_WRAP,
                only(SAT + "array top = cube(2, 2, 2) of mac { transform compressed_accumulation }\n").code());
        assertEquals(ErrorCode.TRANSFORM_NEEDS_WRAP,
                only(SAT + "array top = cube(2, 2, 2) of mac { transform compressed_accumulation raw_pairs }\n").code());
        // raw_pairs is an option of compressed_accumulation, written right after it (E0219)
        Diagnostic alone = only(PE + "array top = cube(2, 2, 2) of mac { transform raw_pairs }\n");
        assertEquals(ErrorCode.RAW_PAIRS_WITHOUT_COMPRESSED_ACCUMULATION, alone.code());
        assertTrue(alone.message().contains("'transform compressed_accumulation raw_pairs'"), alone.message());
        assertEquals(ErrorCode.RAW_PAIRS_WITHOUT_COMPRESSED_ACCUMULATION, only(PE
                + "array top = cube(2, 2, 2) of mac { transform raw_pairs compressed_accumulation }\n").code());
        assertEquals(ErrorCode.BAD_OPTION_VALUE,
                only(PE + "array top = cube(2, 2, 2) of mac { transform fast }\n").code());
    }

    @Test
    void edgePipelineIsAnOptionOfCompressedAccumulationWithAnAdder() {
        String cube = "array top = cube(2, 2, 2) of mac { transform compressed_accumulation";
        assertEquals(3, ((CubeArray) load(PE + cube + " edge_pipeline 3 }\n").top()).edgePipeline());
        assertEquals(0, ((CubeArray) load(PE + cube + " }\n").top()).edgePipeline());
        assertEquals(32, ((CubeArray) load(PE + cube + " edge_pipeline 32 }\n").top()).edgePipeline());
        String os = "array top = systolic(2, 2) of mac { dataflow output_stationary; transform compressed_accumulation";
        assertEquals(2, ((SystolicArray) load(PE + os + " edge_pipeline 1 + 1 }\n").top()).edgePipeline());
        Diagnostic misplaced = only(PE + "array top = cube(2, 2, 2) of mac { transform edge_pipeline 2 }\n");
        assertEquals(ErrorCode.EDGE_PIPELINE_MISPLACED, misplaced.code());
        assertTrue(misplaced.message().contains("'transform compressed_accumulation edge_pipeline 2'"),
                misplaced.message());
        assertEquals(ErrorCode.EDGE_PIPELINE_WITHOUT_EDGE_ADDER,
                only(PE + cube + " raw_pairs edge_pipeline 2 }\n").code());
        Diagnostic range = only(PE + cube + " edge_pipeline 33 }\n");
        assertEquals(ErrorCode.EDGE_PIPELINE_OUT_OF_RANGE, range.code());
        assertTrue(range.message().startsWith("edge_pipeline = 33 is outside 0..32"), range.message());
        assertEquals(ErrorCode.WRONG_ARGUMENT_COUNT, only(PE + cube + " edge_pipeline }\n").code());
        // the option follows compressed_accumulation, not OPT2's word
        assertEquals(ErrorCode.EDGE_PIPELINE_MISPLACED, only(BOOTH
                + "array top = matrix(2, 2, 4) of mac { transform same_bit_weight_reduction edge_pipeline 2 }\n").code());
        // the tree has no accumulation loop for OPT1
        assertEquals(ErrorCode.TRANSFORM_NOT_APPLICABLE, only(BOOTH
                + "array top = adder_tree(4) of mac { transform compressed_accumulation }\n").code());
    }

    @Test
    void matrixTakesCompressedAccumulationAloneOrWithOpt2() {
        MatrixArray both = (MatrixArray) load(BOOTH + "array top = matrix(2, 2, 4) of mac {"
                + " transform same_bit_weight_reduction compressed_accumulation edge_pipeline 2 }\n").top();
        assertTrue(both.sameBitWeight() && both.compressedAccumulation());
        assertEquals(2, both.edgePipeline());
        MatrixArray alone = (MatrixArray) load(PE + "array top = matrix(2, 2, 4) of mac {"
                + " transform compressed_accumulation }\n").top();
        assertTrue(alone.compressedAccumulation() && !alone.sameBitWeight());
        assertEquals(ErrorCode.TRANSFORM_NEEDS_WRAP, only(SAT
                + "array top = matrix(2, 2, 4) of mac { transform compressed_accumulation }\n").code());
        Diagnostic raw = only(PE + "array top = matrix(2, 2, 4) of mac { transform compressed_accumulation raw_pairs }\n");
        assertEquals(ErrorCode.TRANSFORM_NOT_APPLICABLE, raw.code());
        assertTrue(raw.message().contains("'raw_pairs' does not apply to a 2D-Matrix"), raw.message());
        // the baseline drops every transform, so equiv and the bench compare against the plain matrix
        assertTrue(both.baseline().transforms().isEmpty());
    }

    @Test
    void cubeCompressedAccumulationAndRawPairs() {
        CubeArray plain = (CubeArray) load(PE + "array top = cube(2, 3, 4) of mac\n").top();
        assertTrue(plain.transforms().isEmpty());
        assertEquals(List.of(false, false), List.of(plain.compressedAccumulation(), plain.rawPairs()));
        CubeArray opt1 = (CubeArray) load(PE + "array top = cube(2, 3, 4) of mac { transform compressed_accumulation }\n").top();
        assertEquals(List.of(true, false), List.of(opt1.compressedAccumulation(), opt1.rawPairs()));
        assertEquals("cube 2x3x4, transform compressed_accumulation (OPT1), int8 x int8 -> int32 wrap",
                bitweave.emit.UnitNames.describe(opt1));
        assertEquals(List.of("out_c"), opt1.topInterface().output().rtlPortsOf(opt1.topInterface().output().field("c")));
        CubeArray raw = (CubeArray) load(PE
                + "array top = cube(2, 3, 4) of mac { transform compressed_accumulation raw_pairs }\n").top();
        assertEquals(List.of(true, true), List.of(raw.compressedAccumulation(), raw.rawPairs()));
        assertEquals(List.of("out_c_sum", "out_c_carry"),
                raw.topInterface().output().rtlPortsOf(raw.topInterface().output().field("c")));
        // the baseline drops the transform and with it the pair ports
        assertEquals(plain.topInterface(), opt1.baseline().topInterface());
    }

    @Test
    void matrixDefaultsAndPipeline() {
        MatrixArray t = (MatrixArray) load(PE + "array top = matrix(2, 3, 8) of mac\n").top();
        assertEquals(List.of(2, 3, 8, 1), List.of(t.m(), t.n(), t.k(), t.pipeline()));
        assertEquals(48, t.peakMacsPerCycle());
        assertEquals(4, ((MatrixArray) load(PE + "array top = matrix(2, 2, 8) of mac { pipeline 4 }\n").top()).pipeline());
        assertEquals(0, ((MatrixArray) load(SAT + "array top = matrix(1, 1, 1) of mac { pipeline 0 }\n").top()).pipeline());
        assertEquals(1024, ((MatrixArray) load(PE + "array top = matrix(1, 4, 1024) of mac\n").top()).k());
        MatrixArray opt2 = (MatrixArray) load(BOOTH + "array top = matrix(2, 3, 4) of mac { transform same_bit_weight_reduction }\n").top();
        assertTrue(opt2.sameBitWeight());
        assertTrue(!opt2.baseline().sameBitWeight(), "the baseline (golden) matrix has no transform");
    }

    @Test
    void matrixErrors() {
        assertEquals("matrix N = 65 is outside 1..64", only(PE + "array top = matrix(1, 65, 2) of mac\n").message());
        assertEquals(ErrorCode.ARRAY_SIZE_OUT_OF_RANGE, only(PE + "array top = matrix(1, 1, 1025) of mac\n").code());
        Diagnostic big = only(PE + "array top = matrix(8, 8, 65) of mac\n");
        assertEquals(ErrorCode.TOO_MANY_MULTIPLIERS, big.code());
        assertTrue(big.message().startsWith("matrix 8x8x65 has 4160 multipliers; at most 4096"), big.message());
        Diagnostic pipe = only(PE + "array top = matrix(2, 2, 8) of mac { pipeline 5 }\n");
        assertEquals(ErrorCode.PIPELINE_OUT_OF_RANGE, pipe.code());
        assertTrue(pipe.message().startsWith("pipeline = 5 is outside 0..4"), pipe.message());
        assertEquals(ErrorCode.WRONG_ARGUMENT_COUNT, only(PE + "array top = matrix(2, 2, 8) of mac { pipeline }\n").code());
        assertEquals(ErrorCode.UNKNOWN_MEMBER, only(PE + "array top = matrix(2, 2, 2) of mac { accumulate }\n").code());
        // OPT2 applies inside the dot units, under the adder tree's legality: partial products (E0218), K >= 2 (E0224)
        Diagnostic t = only(PE + "array top = matrix(2, 2, 2) of mac { transform same_bit_weight_reduction }\n");
        assertEquals(ErrorCode.TRANSFORM_NEEDS_PARTIAL_PRODUCTS, t.code());
        assertTrue(t.message().contains("uses the behavioral multiplier"), t.message());
        assertEquals(ErrorCode.TRANSFORM_NEEDS_REDUCTION_OVER_K, only(BOOTH
                + "array top = matrix(2, 2, 1) of mac { transform same_bit_weight_reduction }\n").code());
        // OPT1 applies to the matrix (its accumulation over a group), not to the tree (no loop)
        Diagnostic opt1 = only(BOOTH + "array top = adder_tree(4) of mac { transform compressed_accumulation }\n");
        assertEquals(ErrorCode.TRANSFORM_NOT_APPLICABLE, opt1.code());
        assertTrue(opt1.message().contains("does not apply to"), opt1.message());
        // both errors of one body are reported together
        assertEquals(2, errors(PE + "array top = matrix(2, 2, 2) of mac { pipeline 9; transform x }\n").size());
    }

    @Test
    void unknownKindListsTheNewKinds() {
        Diagnostic d = only(PE + "array top = hypercube(2) of mac\n");
        assertEquals(ErrorCode.UNKNOWN_ARRAY_KIND, d.code());
        assertTrue(d.message().contains("cube") && d.message().contains("matrix"), d.message());
    }
}
