package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
import bitweave.golden.Stimulus;
import bitweave.golden.VectorSet;
import bitweave.ir.Design;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every multiplier that makes partial products, under every reduction, on every array shape, co-simulates
 * bit-exact against the golden model (which ignores the multiplier: co-simulation checks that
 * lower-multipliers and compress-bit-heaps build the exact product). Operand types mix signedness and
 * odd widths so the sign corrections of the heap and the extra digit of an unsigned operand are exercised;
 * corner vectors put the extremes (-2^(w-1) times itself, all ones) through every PE.
 */
class MacStructureCosimTest {
    private static final String[] SHAPES = {
        "systolic(2, 3) of mac {\n  dataflow output_stationary\n}",
        "systolic(3, 2) of mac {\n  dataflow weight_stationary\n}",
        "adder_tree(5) of mac {\n  pipeline 2\n  accumulate\n}"};

    /**
     * (multiplier, reduction, a, b, acc) rows, two per multiplier: every shape meets every multiplier,
     * and every reduction appears on some shape (bench/mac-sweep covers the full cross product).
     */
    private static final String[][] STRUCTURES = {
        {"and_array", "wallace", "int8", "int8", "int32 wrap"},
        {"and_array", "chain", "uint5", "int6", "int14 saturate"},
        {"booth", "dadda", "int8", "int8", "int32 wrap"},
        {"booth", "wallace four_two", "uint7", "int4", "int12 saturate"},
        {"ent", "dadda four_two", "int8", "uint3", "uint12 saturate"},
        {"ent", "chain", "int5", "int5", "int10 wrap"}};

    static List<Object[]> cases() {
        List<Object[]> out = new ArrayList<>();
        for (int s = 0; s < SHAPES.length; s++) {
            for (int multiplier = 0; multiplier < 3; multiplier++) {
                out.add(new Object[] {s, STRUCTURES[2 * multiplier + s % 2]});
            }
        }
        return out;
    }

    @ParameterizedTest(name = "shape {0}: {1}")
    @MethodSource("cases")
    void partialProductMultipliersAreBitExact(int shape, String[] m, @org.junit.jupiter.api.io.TempDir Path tmp)
            throws IOException {
        String text = "design mac_structure\npe mac {\n  a : " + m[2] + "\n  b : " + m[3] + "\n  acc : " + m[4]
                + "\n  multiplier " + m[0] + "\n  reduction " + m[1] + "\n}\narray top = " + SHAPES[shape] + "\n";
        Design d = Frontend.loadText(text, "mac_structure.bw", Map.of(), null);
        CompileOutputs out = CompileOutputs.of(d);
        List<Path> rtl = new ArrayList<>();
        for (GeneratedFile f : out.rtl().verilogFiles()) {
            rtl.add(Files.writeString(tmp.resolve(f.name()), f.content()));
        }
        long seed = 6000 + shape;
        VectorSet vectors = Stimulus.generate(d.top(), 300, seed);
        CosimResult r = Cosim.run(CosimRequest.of(d, out.rtl().topModule(), rtl, vectors, seed)
                .withCacheDir(Path.of("target/bitweave-cache")));
        assertTrue(r.passed(), r.verdictLine(d.name()) + "\n" + text);
    }
}
