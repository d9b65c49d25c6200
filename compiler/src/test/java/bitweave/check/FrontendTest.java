package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.Design;
import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import bitweave.units.addertree.AdderTree;
import bitweave.units.addertree.AdderTreeKind;
import bitweave.units.systolic.Dataflow;
import bitweave.units.systolic.SystolicArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FrontendTest {
    private static final String PE = "pe mac { a : int8; b : int8; acc : int32 wrap }\n";

    private static Design load(String text) {
        return Frontend.loadText(text, "t.bw", Map.of(), null);
    }

    private static UserError fails(String text, Map<String, Long> overrides, String top) {
        return assertThrows(UserError.class, () -> Frontend.loadText(text, "t.bw", overrides, top));
    }

    @Test
    void paramsResolveInOrderAndOverridesAreKeptAsGiven() {
        Map<String, Long> overrides = new LinkedHashMap<>();
        overrides.put("B", 5L);
        overrides.put("A", 2L);
        Design d = Frontend.loadText("design d\nparam A = 3 in 1..8\nparam B = A * 2\nparam C = (A + B) / 2 - -1\n"
                + PE + "array top = systolic(A, C) of mac { dataflow weight_stationary }\n", "x/t.bw", overrides, null);
        assertEquals(List.of("A", "B", "C"), List.copyOf(d.params().keySet()));
        assertEquals(List.of(2L, 5L, 4L), List.copyOf(d.params().values()));
        assertEquals(List.of("B", "A"), List.copyOf(d.overrides().keySet()));
        assertEquals("x/t.bw", d.sourcePath());
        SystolicArray s = (SystolicArray) d.top();
        assertEquals(2, s.rows());
        assertEquals(4, s.cols());
        assertEquals(Dataflow.WEIGHT_STATIONARY, s.dataflow());
        assertEquals("x/t.bw", s.loc().file());
    }

    @Test
    void parameterizedWidthsAndPolicies() {
        Design d = load("design d\nparam W = 6\npe p { a : uint(W - 2); b : int(W); acc : int(2 * W + 3) saturate }\n"
                + "array t = adder_tree(4) of p\n");
        assertEquals(new IntType(4, false), d.pes().get(0).a());
        assertEquals(new IntType(6, true), d.pes().get(0).b());
        assertEquals(new IntType(15, true), d.pes().get(0).acc());
        assertEquals(OverflowPolicy.SATURATE, d.pes().get(0).policy());
    }

    @Test
    void anArrayNamedLikeAPeGetsOnlyTheDuplicateNameError() {
        // The array is dropped as a duplicate; "declares no array" on top of E0201 would send the user
        // looking for a missing declaration that is right there.
        UserError e = assertThrows(UserError.class,
                () -> load("design d\n" + PE + "array mac = adder_tree(4) of mac\n"));
        assertEquals(List.of(ErrorCode.DUPLICATE_NAME), e.diagnostics().stream().map(x -> x.code()).toList(),
                e.diagnostics().toString());
        // with no array at all, E0210 is still reported
        UserError none = assertThrows(UserError.class, () -> load("design d\n" + PE));
        assertEquals(ErrorCode.NO_ARRAY, none.diagnostics().get(0).code());
    }

    @Test
    void adderTreeDefaults() {
        AdderTree t = (AdderTree) load("design d\n" + PE + "array t = adder_tree(16) of mac\n").top();
        assertEquals(16, t.k());
        assertEquals(1, t.pipeline());
        assertFalse(t.accumulate());
    }

    @Test
    void compressedAccumulationIsKeptOnBothDataflowsAndDescribed() {
        for (String dataflow : List.of("output_stationary", "weight_stationary")) {
            SystolicArray s = (SystolicArray) load("design d\n" + PE + "array t = systolic(2, 3) of mac {\n"
                    + "  dataflow " + dataflow + "\n  transform compressed_accumulation\n}\n").top();
            assertEquals(java.util.Set.of(bitweave.ir.Transform.COMPRESSED_ACCUMULATION), s.transforms());
            assertTrue(s.compressedAccumulation());
            assertEquals("systolic 2x3 " + dataflow + ", transform compressed_accumulation (OPT1), int8 x int8 -> int32 wrap",
                    bitweave.emit.UnitNames.describe(s));
        }
        SystolicArray plain = (SystolicArray) load("design d\n" + PE
                + "array t = systolic(2, 3) of mac { dataflow output_stationary }\n").top();
        assertTrue(plain.transforms().isEmpty());
        assertFalse(plain.compressedAccumulation());
        assertEquals("systolic 2x3 output_stationary, int8 x int8 -> int32 wrap", bitweave.emit.UnitNames.describe(plain));
    }

    @Test
    void transformLegalityErrors() {
        // saturation needs the true sum every step (E0217), on either dataflow
        for (String dataflow : List.of("output_stationary", "weight_stationary")) {
            UserError e = fails("design d\npe mac { a : int8; b : int8; acc : int16 saturate }\n"
                    + "array t = systolic(2, 2) of mac { dataflow " + dataflow + "; transform compressed_accumulation }\n",
                    Map.of(), null);
            assertEquals(List.of(ErrorCode.TRANSFORM_NEEDS_WRAP), e.diagnostics().stream().map(x -> x.code()).toList());
        }
        // OPT2 is not a systolic transform (E0216), and a transform is never silently dropped
        UserError e = fails("design d\n" + PE + "array t = systolic(2, 2) of mac { dataflow output_stationary;"
                + " transform same_bit_weight_reduction }\n", Map.of(), null);
        assertEquals(List.of(ErrorCode.TRANSFORM_NOT_APPLICABLE), e.diagnostics().stream().map(x -> x.code()).toList());
        assertTrue(e.diagnostics().get(0).message().contains("output-stationary systolic array; it takes"
                + " compressed_accumulation"), e.diagnostics().toString());
        // an empty member names nothing
        UserError empty = fails("design d\n" + PE + "array t = systolic(2, 2) of mac { dataflow output_stationary;"
                + " transform }\n", Map.of(), null);
        assertEquals(ErrorCode.WRONG_ARGUMENT_COUNT, empty.diagnostics().get(0).code());
    }

    @Test
    void pipelineBoundsFollowTheTreeDepth() {
        assertEquals(5, AdderTreeKind.maxPipeline(16));
        assertEquals(6, AdderTreeKind.maxPipeline(17));
        assertEquals(1, AdderTreeKind.maxPipeline(1));
        assertEquals(11, AdderTreeKind.maxPipeline(1024));
        assertEquals(0, ((AdderTree) load("design d\n" + PE + "array t = adder_tree(1) of mac { pipeline 0 }\n").top()).pipeline());
        assertEquals(5, ((AdderTree) load("design d\n" + PE + "array t = adder_tree(16) of mac { pipeline 5 }\n").top()).pipeline());
    }

    @Test
    void topSelection() {
        String two = "design d\n" + PE + "array top = adder_tree(4) of mac\narray last = adder_tree(8) of mac\n";
        assertEquals("top", load(two).top().name());
        assertEquals("last", Frontend.loadText(two, "t.bw", Map.of(), "last").top().name());
        Design d = load("design d\n" + PE + "array first = adder_tree(4) of mac\narray second = adder_tree(8) of mac\n");
        assertEquals("second", d.top().name());
        assertEquals(2, d.arrays().size());
        assertSame(d.arrays().get(1), d.top());
        assertSame(d.arrays().get(0).pe(), d.arrays().get(1).pe(), "one PE shared by two arrays");
        UserError e = fails(two, Map.of(), "nothing");
        assertEquals(ErrorCode.UNKNOWN_TOP, e.diagnostics().get(0).code());
        assertNull(e.diagnostics().get(0).loc());
    }

    @Test
    void independentErrorsAreReportedTogether() {
        UserError e = fails("design d\nparam A = 1 in 2..3\npe mac { a : int0; b : int8; acc : int32 }\n"
                + "array t = torus(1) of mac\n", Map.of("Z", 1L), null);
        List<ErrorCode> codes = e.diagnostics().stream().map(x -> x.code()).toList();
        assertEquals(List.of(ErrorCode.UNKNOWN_OVERRIDE, ErrorCode.PARAM_OUT_OF_RANGE, ErrorCode.WIDTH_OUT_OF_RANGE,
                ErrorCode.MISSING_POLICY, ErrorCode.UNKNOWN_ARRAY_KIND), codes);
    }

    @Test
    void aFailedParameterCausesNoFollowOnErrors() {
        UserError e = fails("design d\nparam A = 1 / 0\nparam B = A + 1\npe mac { a : int(B); b : int8; acc : int32 wrap }\n"
                + "array t = adder_tree(A) of mac\n", Map.of(), null);
        assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
        assertEquals(ErrorCode.DIVISION_BY_ZERO, e.diagnostics().get(0).code());
    }

    @Test
    void overrideReplacesAnOutOfRangeDefault() {
        Design d = Frontend.loadText("design d\nparam N = 100 in 1..64\n" + PE
                + "array t = systolic(N, N) of mac { dataflow output_stationary }\n", "t.bw", Map.of("N", 3L), null);
        assertEquals(3L, d.params().get("N"));
    }

    @Test
    void syntaxErrorsStopBeforeChecking() {
        UserError e = fails("design d\nparam A = \npe mac { a : int0 }\n", Map.of(), null);
        assertTrue(e.diagnostics().stream().allMatch(x -> x.code() == ErrorCode.SYNTAX), e.diagnostics().toString());
    }

    @Test
    void fileErrors(@TempDir Path dir) throws Exception {
        UserError missing = assertThrows(UserError.class,
                () -> Frontend.load(dir.resolve("none.bw"), "none.bw", Map.of(), null));
        assertEquals(ErrorCode.SOURCE_NOT_FOUND, missing.diagnostics().get(0).code());
        UserError directory = assertThrows(UserError.class, () -> Frontend.load(dir, "dir", Map.of(), null));
        assertEquals(ErrorCode.SOURCE_UNREADABLE, directory.diagnostics().get(0).code());
        Path binary = dir.resolve("bin.bw");
        Files.write(binary, new byte[]{(byte) 0xff, (byte) 0xfe, 0x00, 0x41});
        UserError notText = assertThrows(UserError.class, () -> Frontend.load(binary, "bin.bw", Map.of(), null));
        assertEquals(ErrorCode.SOURCE_UNREADABLE, notText.diagnostics().get(0).code());
        Path ok = dir.resolve("ok.bw");
        Files.writeString(ok, "design d\n" + PE + "array t = adder_tree(2) of mac\n");
        assertEquals("shown/ok.bw", Frontend.load(ok, "shown/ok.bw", null, null).sourcePath());
    }
    @Test
    void aLeadingByteOrderMarkIsNotPartOfTheText(@TempDir Path dir) throws Exception {
        String text = "design d\n" + PE + "array t = adder_tree(2) of mac\n";
        Path withBom = dir.resolve("bom.bw");
        Files.write(withBom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(UTF_8)));
        Design d = Frontend.load(withBom, "bom.bw", null, null);
        assertEquals("d", d.name());
        // Columns on line 1 count from the first visible character, as without the mark.
        Files.write(withBom, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "design d  @\n".getBytes(UTF_8)));
        UserError e = assertThrows(UserError.class, () -> Frontend.load(withBom, "bom.bw", null, null));
        assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
        assertEquals(ErrorCode.UNEXPECTED_CHARACTER, e.diagnostics().get(0).code());
        assertEquals("bom.bw:1:11", e.diagnostics().get(0).loc().toString());
        // A mark anywhere else is still a character the language does not allow.
        UserError inside = fails("design d\n\uFEFF" + PE, Map.of(), null);
        assertEquals(ErrorCode.UNEXPECTED_CHARACTER, inside.diagnostics().get(0).code());
    }

    @Test
    void generatedFilesNameTheSourceByFileNameAndHashWhileDiagnosticsKeepThePathAsTyped(@TempDir Path dir)
            throws Exception {
        String text = "design d\n" + PE + "array t = adder_tree(2) of mac\n";
        Path file = Files.writeString(dir.resolve("ok.bw"), text);
        Design typed = Frontend.load(file, "./sub/../ok.bw", null, null);
        assertEquals("./sub/../ok.bw", typed.sourcePath());
        assertEquals("./sub/../ok.bw", typed.top().loc().file());
        assertEquals("ok.bw", typed.source().fileName());
        String sha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(UTF_8)));
        assertEquals(sha.substring(0, 16), typed.source().sha256());
        assertEquals("ok.bw (sha256:" + sha.substring(0, 16) + ")", typed.source().label());
        assertEquals(typed.source(), Frontend.load(file, file.toAbsolutePath().toString(), null, null).source());
        assertEquals(typed.source(), Frontend.loadText(text, "elsewhere/ok.bw", null, null).source());
        assertFalse(typed.source().equals(Frontend.loadText(text + "// edited\n", "ok.bw", null, null).source()),
                "the hash tells versions of the source apart");
        assertEquals("ok.bw:3:7", typed.top().loc().locator());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
