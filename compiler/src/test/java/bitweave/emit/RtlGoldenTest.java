package bitweave.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.ir.Design;
import bitweave.ir.OverflowPolicy;
import bitweave.units.systolic.Dataflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden-file tests of the emitted Verilog: the text of every file of a few small designs must equal
 * compiler/src/test/resources/golden/rtl/NAME/. Run with -Dbitweave.regen=true to rewrite the expected
 * files, then review the diff.
 */
class RtlGoldenTest {
    private static final Path GOLDEN = Path.of("compiler/src/test/resources/golden/rtl");

    static Stream<Design> designs() {
        return Stream.of(
                RtlTestDesigns.systolic("golden_os_2x3", Dataflow.OUTPUT_STATIONARY, 2, 3, "int8", "uint4", "int16",
                        OverflowPolicy.WRAP),
                RtlTestDesigns.systolic("golden_ws_2x2", Dataflow.WEIGHT_STATIONARY, 2, 2, "uint4", "int4", "int8",
                        OverflowPolicy.SATURATE),
                RtlTestDesigns.tree("golden_tree_k3", 3, 1, true, "int8", "int8", "uint12", OverflowPolicy.SATURATE),
                RtlTestDesigns.tree("golden_tree_k4", 4, 0, false, "int2", "int2", "int4", OverflowPolicy.WRAP));
    }

    @ParameterizedTest
    @MethodSource("designs")
    void emittedTextMatchesGoldenFiles(Design design) throws IOException {
        RtlOutput out = VerilogBackend.generate(design);
        List<GeneratedFile> all = new ArrayList<>(out.verilogFiles());
        all.add(out.fileList());
        all.addAll(out.portableLists());
        Path dir = GOLDEN.resolve(design.name());
        if (Boolean.getBoolean("bitweave.regen")) {
            Files.createDirectories(dir);
            for (GeneratedFile f : all) {
                Files.writeString(dir.resolve(f.name()), f.content(), StandardCharsets.UTF_8);
            }
        }
        for (GeneratedFile f : all) {
            Path expected = dir.resolve(f.name());
            assertTrue(Files.exists(expected), "missing golden file " + expected + " (run with -Dbitweave.regen=true)");
            assertEquals(Files.readString(expected, StandardCharsets.UTF_8), f.content(),
                    "generated " + f.name() + " differs from " + expected + " (regenerate with -Dbitweave.regen=true and review)");
        }
        try (Stream<Path> listed = Files.list(dir)) {
            assertEquals(all.size(), listed.count(), "golden directory " + dir + " has files the back end no longer emits");
        }
    }
}
