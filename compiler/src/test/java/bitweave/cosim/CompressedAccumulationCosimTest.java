package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
import bitweave.golden.Stimulus;
import bitweave.golden.VectorSet;
import bitweave.ir.Design;
import bitweave.ir.MacStructure;
import bitweave.units.cube.CubeArray;
import bitweave.units.systolic.SystolicArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every legal combination of compressed accumulation (OPT1) co-simulates bit-exact: both systolic
 * dataflows and the 3D-Cube times every multiplier, and raw pairs on each of the three shapes (behavioral: the exact product as one heap row; and_array, booth,
 * ent: their partial products in the heap), at small sizes (2x2, 2x3, 3x2) with int4/int8-sized
 * operands of both signednesses, accumulators of several widths and both signednesses (narrower than
 * the product too: the pair is exact mod 2^ACC), and a random reduction. The choices beyond the
 * (dataflow, multiplier) pair are drawn from a seeded generator; the seed and the design text are
 * printed on failure; override with -Dbitweave.seed=N.
 */
class CompressedAccumulationCosimTest {
    private static final String[] OPERANDS = {"int4", "uint4", "int8", "uint8", "int3", "uint5"};
    private static final int[] ACC_WIDTHS = {1, 6, 12, 20, 32, 33};
    private static final String[] REDUCTIONS = {"wallace", "dadda", "chain", "wallace four_two", "dadda four_two"};
    private static final String[] SIZES = {"2, 2", "2, 3", "3, 2"};
    /** X, Y, Z: chains of 1..4 PEs along y, several columns. */
    private static final String[] CUBE_SIZES = {"2, 3, 2", "1, 4, 3", "3, 2, 1", "2, 1, 2"};

    @TempDir
    Path tmp;

    @Test
    void everyDataflowAndMultiplierIsBitExact() throws IOException {
        long seed = Long.getLong("bitweave.seed", 20260611L);
        Random rnd = new Random(seed);
        int i = 0;
        for (String dataflow : List.of("output_stationary", "weight_stationary")) {
            for (MacStructure.Multiplier multiplier : MacStructure.Multiplier.values()) {
                String text = design(rnd, i, systolic(rnd, dataflow, ""), multiplier);
                Design d = Frontend.loadText(text, "opt1_" + i + ".bw", Map.of(), null);
                assertTrue(((SystolicArray) d.top()).compressedAccumulation(), text);
                cosim(d, text, seed, i);
                i++;
            }
        }
    }

    /** The 3D-Cube: the pair flows along y, one adder per column end; every multiplier. */
    @Test
    void cubeWithEveryMultiplierIsBitExact() throws IOException {
        long seed = Long.getLong("bitweave.seed", 20261202L);
        Random rnd = new Random(seed);
        int i = 0;
        for (MacStructure.Multiplier multiplier : MacStructure.Multiplier.values()) {
            String text = design(rnd, i, cube(rnd, ""), multiplier);
            Design d = Frontend.loadText(text, "opt1_cube_" + i + ".bw", Map.of(), null);
            assertTrue(((CubeArray) d.top()).compressedAccumulation(), text);
            cosim(d, text, seed, 100 + i);
            i++;
        }
    }

    /**
     * {@code raw_pairs} on the three shapes OPT1 applies to: the outputs are unfused (sum, carry) pairs,
     * which the harness compares as (sum + carry) mod 2^ACC; the multiplier is drawn at random.
     * CosimMutationTest shows that the comparison reads and adds both halves (a wrong half fails).
     */
    @Test
    void rawPairsOnEveryShapeAreBitExact() throws IOException {
        long seed = Long.getLong("bitweave.seed", 20261203L);
        Random rnd = new Random(seed);
        MacStructure.Multiplier[] multipliers = MacStructure.Multiplier.values();
        List<String> arrays = List.of(systolic(rnd, "output_stationary", " raw_pairs"),
                systolic(rnd, "weight_stationary", " raw_pairs"), cube(rnd, " raw_pairs"));
        for (int i = 0; i < arrays.size(); i++) {
            String text = design(rnd, i, arrays.get(i), multipliers[rnd.nextInt(multipliers.length)]);
            Design d = Frontend.loadText(text, "opt1_raw_" + i + ".bw", Map.of(), null);
            assertTrue(d.top().topInterface().output().fields().get(0).carrySave(), text);
            String verilog = String.join("\n", CompileOutputs.of(d).rtl().verilogFiles().stream()
                    .map(GeneratedFile::content).toList());
            assertTrue(verilog.contains("_carry"), text);
            assertFalse(verilog.contains("_edge ") || verilog.contains("held = sum_q + carry_q"),
                    "raw pairs leave out the fusing adder\n" + text);
            cosim(d, text, seed, 200 + i);
        }
    }

    private void cosim(Design d, String text, long seed, int i) throws IOException {
        CompileOutputs out = CompileOutputs.of(d);
        Path dir = Files.createDirectories(tmp.resolve("d" + i));
        List<Path> rtl = new ArrayList<>();
        for (GeneratedFile f : out.rtl().verilogFiles()) {
            rtl.add(Files.writeString(dir.resolve(f.name()), f.content()));
        }
        VectorSet vectors = Stimulus.generate(d.top(), 300, seed + i);
        CosimResult r = Cosim.run(CosimRequest.of(d, out.rtl().topModule(), rtl, vectors, seed + i)
                .withCacheDir(Path.of("target/bitweave-cache")));
        assertTrue(r.passed(), "seed " + seed + ", design " + i + ": " + r.verdictLine(d.name()) + "\n" + text);
        assertEquals(out.rtl().latencyCycles(), r.minLatency(), "seed " + seed + ", design " + i
                + ": the transform must not change the latency\n" + text);
    }

    private static String systolic(Random rnd, String dataflow, String option) {
        return "array top = systolic(" + SIZES[rnd.nextInt(SIZES.length)] + ") of mac {\n  dataflow " + dataflow
                + "\n  transform compressed_accumulation" + option + "\n}\n";
    }

    private static String cube(Random rnd, String option) {
        return "array top = cube(" + CUBE_SIZES[rnd.nextInt(CUBE_SIZES.length)] + ") of mac {\n"
                + "  transform compressed_accumulation" + option + "\n}\n";
    }

    private static String design(Random rnd, int index, String array, MacStructure.Multiplier multiplier) {
        String acc = (rnd.nextBoolean() ? "int" : "uint") + ACC_WIDTHS[rnd.nextInt(ACC_WIDTHS.length)];
        StringBuilder sb = new StringBuilder("design opt1_" + index + "\npe mac {\n");
        sb.append("  a : ").append(OPERANDS[rnd.nextInt(OPERANDS.length)]).append('\n');
        sb.append("  b : ").append(OPERANDS[rnd.nextInt(OPERANDS.length)]).append('\n');
        sb.append("  acc : ").append(acc).append(" wrap\n");
        sb.append("  multiplier ").append(multiplier.dslName()).append('\n');
        if (multiplier.makesPartialProducts()) {
            sb.append("  reduction ").append(REDUCTIONS[rnd.nextInt(REDUCTIONS.length)]).append('\n');
        }
        sb.append("}\n").append(array);
        return sb.toString();
    }
}
