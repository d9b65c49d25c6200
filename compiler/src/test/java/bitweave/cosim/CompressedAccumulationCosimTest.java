package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
import bitweave.golden.Stimulus;
import bitweave.golden.VectorSet;
import bitweave.ir.Design;
import bitweave.ir.MacStructure;
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
 * dataflows times every multiplier (behavioral: the exact product as one heap row; and_array, booth,
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

    @TempDir
    Path tmp;

    @Test
    void everyDataflowAndMultiplierIsBitExact() throws IOException {
        long seed = Long.getLong("bitweave.seed", 20260611L);
        Random rnd = new Random(seed);
        int i = 0;
        for (String dataflow : List.of("output_stationary", "weight_stationary")) {
            for (MacStructure.Multiplier multiplier : MacStructure.Multiplier.values()) {
                String text = design(rnd, i, dataflow, multiplier);
                Design d = Frontend.loadText(text, "opt1_" + i + ".bw", Map.of(), null);
                assertTrue(((SystolicArray) d.top()).compressedAccumulation(), text);
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
                i++;
            }
        }
    }

    private static String design(Random rnd, int index, String dataflow, MacStructure.Multiplier multiplier) {
        String acc = (rnd.nextBoolean() ? "int" : "uint") + ACC_WIDTHS[rnd.nextInt(ACC_WIDTHS.length)];
        StringBuilder sb = new StringBuilder("design opt1_" + index + "\npe mac {\n");
        sb.append("  a : ").append(OPERANDS[rnd.nextInt(OPERANDS.length)]).append('\n');
        sb.append("  b : ").append(OPERANDS[rnd.nextInt(OPERANDS.length)]).append('\n');
        sb.append("  acc : ").append(acc).append(" wrap\n");
        sb.append("  multiplier ").append(multiplier.dslName()).append('\n');
        if (multiplier.makesPartialProducts()) {
            sb.append("  reduction ").append(REDUCTIONS[rnd.nextInt(REDUCTIONS.length)]).append('\n');
        }
        sb.append("}\narray top = systolic(").append(SIZES[rnd.nextInt(SIZES.length)]).append(") of mac {\n")
          .append("  dataflow ").append(dataflow).append("\n  transform compressed_accumulation\n}\n");
        return sb.toString();
    }
}
