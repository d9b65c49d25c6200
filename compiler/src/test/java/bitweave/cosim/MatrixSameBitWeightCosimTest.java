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
 * The 2D-Matrix with {@code transform same_bit_weight_reduction} (OPT2 in every dot unit, A's encoding
 * shared along each row) co-simulates bit-exact, accumulating over the beats of a group: each
 * partial-product multiplier (Booth, EN-T, AND array), the four signedness mixes, every pipeline depth
 * from 0 to the maximum (3 cut points plus extra dot-product registers), the three reductions and 4:2,
 * wrap and saturate, K from 2 (the least OPT2 takes) to 9, and 1-bit operands. One Verilator build per
 * design; the seed and the design text are printed on failure.
 */
class MatrixSameBitWeightCosimTest {
    /** {a, b, acc policy, multiplier [reduction], M, N, K, pipeline}. */
    private static final String[][] DESIGNS = {
            {"int8", "int8", "int32 wrap", "booth", "2", "2", "8", "1"},
            {"uint5", "int6", "int16 saturate", "booth\n  reduction dadda four_two", "1", "3", "3", "3"},
            {"int7", "uint4", "int20 wrap", "ent", "3", "1", "5", "4"},
            {"uint6", "uint7", "uint24 saturate", "ent\n  reduction chain", "2", "2", "2", "2"},
            {"int4", "int3", "int12 wrap", "and_array", "2", "3", "9", "0"},
            {"uint4", "int5", "int14 saturate", "and_array\n  reduction wallace four_two", "1", "2", "4", "3"},
            {"int1", "uint1", "int4 wrap", "booth", "2", "1", "3", "2"},
    };

    @TempDir
    Path tmp;

    @Test
    void everyMultiplierWithOpt2IsBitExact() throws IOException {
        long seed = Long.getLong("bitweave.seed", 20261202L);
        for (int i = 0; i < DESIGNS.length; i++) {
            String text = design(i, DESIGNS[i]);
            Design d = Frontend.loadText(text, "mx" + i + ".bw", Map.of(), null);
            CompileOutputs out = CompileOutputs.of(d);
            Path dir = Files.createDirectories(tmp.resolve("d" + i));
            List<Path> rtl = new ArrayList<>();
            boolean weights = false;
            for (GeneratedFile f : out.rtl().verilogFiles()) {
                rtl.add(Files.writeString(dir.resolve(f.name()), f.content()));
                weights |= f.name().endsWith("_weights.v");
            }
            assertTrue(weights, "design " + i + ": the OPT2 per-weight heaps are built\n" + text);
            VectorSet vectors = Stimulus.generate(d.top(), 300, seed + i);
            CosimResult r = Cosim.run(CosimRequest.of(d, out.rtl().topModule(), rtl, vectors, seed + i)
                    .withCacheDir(Path.of("target/bitweave-cache")));
            assertTrue(r.passed(), "seed " + (seed + i) + ", design " + i + ": " + r.verdictLine(d.name()) + "\n" + text);
            assertEquals(out.rtl().latencyCycles(), r.minLatency(), "design " + i + ": latency\n" + text);
        }
    }

    private static String design(int index, String[] c) {
        return "design mx_opt2_" + index + "\n"
                + "pe mac {\n  a : " + c[0] + "\n  b : " + c[1] + "\n  acc : " + c[2] + "\n  multiplier " + c[3] + "\n}\n"
                + "array top = matrix(" + c[4] + ", " + c[5] + ", " + c[6] + ") of mac {\n  pipeline " + c[7] + "\n"
                + "  transform same_bit_weight_reduction\n}\n";
    }
}
