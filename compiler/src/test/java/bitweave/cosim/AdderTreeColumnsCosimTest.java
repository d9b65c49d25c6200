package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adder tree with {@code columns} and {@code transform same_bit_weight_reduction} (TPE OPT2)
 * co-simulates bit-exact at small sizes. One Verilator build per design is the cost, so instead of the
 * full cross product the table below covers every value of each choice at least once: K in
 * {1, 2, 3, 5, 8}, N in {1, 2, 3}, the three partial-product multipliers, all four signedness mixes,
 * accumulate on and off, pipeline from 0 to its maximum, the three reductions and 4:2, wrap and saturate,
 * and 1-bit operands. Each design gets the corner stimulus plus random vectors (seeded; the seed and
 * the design text are printed on failure).
 */
class AdderTreeColumnsCosimTest {
    /** {a, b, acc policy, multiplier [reduction], K, N, pipeline, accumulate, transform}. */
    private static final String[][] DESIGNS = {
            {"int8", "int8", "int20 wrap", "booth", "1", "2", "1", "acc", ""},
            {"int4", "uint3", "int12 saturate", "and_array", "2", "1", "2", "", "opt2"},
            {"uint5", "int6", "int16 wrap", "booth", "3", "3", "0", "acc", "opt2"},
            {"int7", "int4", "int20 saturate", "ent", "5", "2", "4", "acc", "opt2"},
            {"uint4", "uint4", "uint16 wrap", "and_array", "8", "3", "3", "acc", "opt2"},
            {"uint6", "uint7", "int24 wrap", "ent\n  reduction dadda four_two", "8", "1", "1", "", "opt2"},
            {"int3", "uint2", "int8 saturate", "booth\n  reduction chain", "5", "3", "2", "", "opt2"},
            {"int1", "uint1", "int4 wrap", "booth", "3", "2", "1", "acc", "opt2"},
            {"uint8", "int8", "int24 wrap", "ent", "3", "2", "3", "", ""},
    };

    @TempDir
    Path tmp;

    @Test
    void everyCombinationIsBitExact() throws IOException {
        long seed = Long.getLong("bitweave.seed", 20260601L);
        for (int i = 0; i < DESIGNS.length; i++) {
            String text = design(i, DESIGNS[i]);
            Design d = Frontend.loadText(text, "cols" + i + ".bw", Map.of(), null);
            CompileOutputs out = CompileOutputs.of(d);
            Path dir = Files.createDirectories(tmp.resolve("d" + i));
            List<Path> rtl = new ArrayList<>();
            for (GeneratedFile f : out.rtl().verilogFiles()) {
                rtl.add(Files.writeString(dir.resolve(f.name()), f.content()));
            }
            VectorSet vectors = Stimulus.generate(d.top(), 300, seed + i);
            CosimResult r = Cosim.run(CosimRequest.of(d, out.rtl().topModule(), rtl, vectors, seed + i)
                    .withCacheDir(Path.of("target/bitweave-cache")));
            assertTrue(r.passed(), "seed " + (seed + i) + ", design " + i + ": " + r.verdictLine(d.name()) + "\n" + text);
            assertEquals(out.rtl().latencyCycles(), r.minLatency(), "design " + i + ": latency\n" + text);
        }
    }

    private static String design(int index, String[] c) {
        return "design cols_" + index + "\n"
                + "pe mac {\n  a : " + c[0] + "\n  b : " + c[1] + "\n  acc : " + c[2] + "\n  multiplier " + c[3] + "\n}\n"
                + "array top = adder_tree(" + c[4] + ") of mac {\n  columns " + c[5] + "\n  pipeline " + c[6] + "\n"
                + (c[7].isEmpty() ? "" : "  accumulate\n")
                + (c[8].isEmpty() ? "" : "  transform same_bit_weight_reduction\n") + "}\n";
    }
}
