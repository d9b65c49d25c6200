package bitweave.emit;

import bitweave.testsupport.ExternalTool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bitweave.ir.Design;
import bitweave.ir.OverflowPolicy;
import bitweave.units.systolic.Dataflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the real tools over a matrix of unit kinds, shapes, widths (1, 2, 8, 33, 64), signedness mixes
 * and policies: {@code verilator --lint-only -Wall} must print nothing, and Yosys must read, elaborate
 * and pass {@code check -assert}. The tools are required (CI installs them): a missing tool fails.
 */
class RtlToolsTest {
    static Stream<Design> matrix() {
        OverflowPolicy w = OverflowPolicy.WRAP;
        OverflowPolicy s = OverflowPolicy.SATURATE;
        Dataflow os = Dataflow.OUTPUT_STATIONARY;
        Dataflow ws = Dataflow.WEIGHT_STATIONARY;
        return Stream.concat(shippedExamples(), Stream.of(
                RtlTestDesigns.systolic("lint_os_1x1_w1", os, 1, 1, "int1", "int1", "int1", s),
                RtlTestDesigns.systolic("lint_os_1x1_u1", os, 1, 1, "uint1", "uint1", "uint1", s),
                RtlTestDesigns.systolic("lint_os_1x4", os, 1, 4, "uint2", "int2", "int2", w),
                RtlTestDesigns.systolic("lint_os_2x3", os, 2, 3, "int8", "uint8", "uint8", s),
                RtlTestDesigns.systolic("lint_os_8x8", os, 8, 8, "int8", "int8", "int32", w),
                RtlTestDesigns.systolic("lint_os_2x3_w64", os, 2, 3, "int33", "uint33", "int64", s),
                RtlTestDesigns.systolic("lint_os_3x2_u64", os, 3, 2, "uint64", "uint64", "uint64", w),
                RtlTestDesigns.systolic("lint_ws_1x1_w1", ws, 1, 1, "int1", "int1", "int1", s),
                RtlTestDesigns.systolic("lint_ws_1x4", ws, 1, 4, "int2", "uint1", "uint2", s),
                RtlTestDesigns.systolic("lint_ws_2x3", ws, 2, 3, "uint8", "int8", "int33", w),
                RtlTestDesigns.systolic("lint_ws_8x8", ws, 8, 8, "int8", "int8", "int20", s),
                RtlTestDesigns.systolic("lint_ws_3x2_w64", ws, 3, 2, "int64", "int64", "int64", s),
                RtlTestDesigns.tree("lint_tree_k1_p0", 1, 0, false, "int1", "int1", "int1", s),
                RtlTestDesigns.tree("lint_tree_k1_p1_acc", 1, 1, true, "uint1", "int1", "uint1", s),
                RtlTestDesigns.tree("lint_tree_k2_p2", 2, 2, true, "int2", "uint2", "int2", w),
                RtlTestDesigns.tree("lint_tree_k3_p0_acc", 3, 0, true, "int8", "uint8", "uint8", s),
                RtlTestDesigns.tree("lint_tree_k3_p3", 3, 3, false, "int33", "int33", "int64", s),
                RtlTestDesigns.tree("lint_tree_k16_p5_acc", 16, 5, true, "int8", "int8", "int32", w),
                RtlTestDesigns.tree("lint_tree_k16_p2", 16, 2, false, "uint64", "uint64", "uint64", s)));
    }

    /** Every shipped example, as a user compiles it (what rtl-out/ holds). */
    private static Stream<Design> shippedExamples() {
        try (Stream<Path> files = Files.list(Path.of("dsl/examples"))) {
            List<Design> designs = new ArrayList<>();
            for (Path p : files.filter(f -> f.toString().endsWith(".bw")).sorted().toList()) {
                designs.add(bitweave.check.Frontend.load(p, "dsl/examples/" + p.getFileName(), java.util.Map.of(), null));
            }
            return designs.stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("matrix")
    void verilatorLintIsCleanAndYosysReadsIt(Design design, @TempDir Path dir) throws Exception {
        RtlOutput out = VerilogBackend.generate(design);
        List<String> files = new ArrayList<>();
        for (GeneratedFile f : out.verilogFiles()) {
            Files.writeString(dir.resolve(f.name()), f.content(), StandardCharsets.UTF_8);
            files.add(f.name());
        }
        List<String> lint = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", out.topModule()));
        lint.addAll(files);
        String lintOutput = run(dir, lint);
        assertEquals("", lintOutput.strip(), "verilator -Wall is not clean for " + design.name());

        String script = "read_verilog -sv " + String.join(" ", files) + "; hierarchy -check -top " + out.topModule()
                + "; proc; check -assert";
        String yosysOutput = run(dir, List.of("yosys", "-q", "-p", script));
        assertFalse(yosysOutput.contains("ERROR"), "yosys failed for " + design.name() + ":\n" + yosysOutput);
    }

    private static String run(Path dir, List<String> command) throws IOException, InterruptedException {
        return ExternalTool.ok(dir, Map.of(), command);
    }
}
