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
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property: a random design (unit kind, shape, operand widths and signedness, accumulator width and
 * policy, pipeline depth, accumulate flag, multiplier and reduction, OPT2 on trees and matrices),
 * written as DSL text and taken through the whole compiler, co-simulates bit-exact against the golden
 * model. Seeded; the seed and the design text are printed on
 * failure; override with -Dbitweave.seed=N (and -Dbitweave.designs=N for a longer run).
 */
class RandomDesignCosimTest {
    private static final int[] EDGE_WIDTHS = {1, 2, 3, 7, 8, 9, 16, 31, 32, 33, 63, 64};

    @TempDir
    Path tmp;

    @Test
    void randomDesignsAreBitExact() throws IOException {
        long seed = Long.getLong("bitweave.seed", 20261123L);
        int designs = Integer.getInteger("bitweave.designs", 10);
        Random rnd = new Random(seed);
        for (int i = 0; i < designs; i++) {
            String text = randomDesign(rnd, i);
            Design d = Frontend.loadText(text, "random" + i + ".bw", Map.of(), null);
            CompileOutputs out = CompileOutputs.of(d);
            Path dir = Files.createDirectories(tmp.resolve("d" + i));
            List<Path> rtl = new ArrayList<>();
            for (GeneratedFile f : out.rtl().verilogFiles()) {
                rtl.add(Files.writeString(dir.resolve(f.name()), f.content()));
            }
            VectorSet vectors = Stimulus.generate(d.top(), 150, seed + i);
            CosimResult r = Cosim.run(CosimRequest.of(d, out.rtl().topModule(), rtl, vectors, seed + i)
                    .withCacheDir(Path.of("target/bitweave-cache")));
            assertTrue(r.passed(), "seed " + seed + ", design " + i + ": " + r.verdictLine(d.name())
                    + "\n" + text);
            assertEquals(out.rtl().latencyCycles(), r.minLatency(), "seed " + seed + ", design " + i
                    + ": measured latency differs from the reported one\n" + text);
        }
    }

    private static String randomDesign(Random rnd, int index) {
        String a = intType(rnd);
        String b = intType(rnd);
        String acc = (rnd.nextBoolean() ? "int" : "uint") + (1 + rnd.nextInt(64));
        String policy = rnd.nextBoolean() ? "wrap" : "saturate";
        StringBuilder sb = new StringBuilder("design random_" + index + "\n");
        int kind = rnd.nextInt(5);
        // OPT1 choices come from a generator of their own, so the rest of each design stays as it was
        Random opt1 = new Random(rnd.nextLong());
        int accWidth = width(acc);
        sb.append("pe mac {\n  a : ").append(a).append("\n  b : ").append(b)
          .append("\n  acc : ").append(acc).append(' ').append(policy).append('\n')
          .append(macStructure(rnd, a, b)).append("}\n");
        switch (kind) {
            case 0 -> sb.append("array top = systolic(").append(1 + rnd.nextInt(5)).append(", ").append(1 + rnd.nextInt(5))
                    .append(") of mac {\n  dataflow output_stationary\n")
                    .append(compressedAccumulation(opt1, policy, accWidth, "", true)).append("}\n");
            case 1 -> sb.append("array top = systolic(").append(1 + rnd.nextInt(5)).append(", ").append(1 + rnd.nextInt(5))
                    .append(") of mac {\n  dataflow weight_stationary\n")
                    .append(compressedAccumulation(opt1, policy, accWidth, "", true)).append("}\n");
            case 3 -> sb.append("array top = cube(").append(1 + rnd.nextInt(3)).append(", ").append(1 + rnd.nextInt(5))
                    .append(", ").append(1 + rnd.nextInt(3)).append(") of mac {\n")
                    .append(compressedAccumulation(opt1, policy, accWidth, "", true)).append("}\n");
            case 4 -> {
                int k = 1 + rnd.nextInt(9);
                int maxPipe = 32 - Integer.numberOfLeadingZeros(k - 1) + 1;   // ceil(log2 K) + 1
                sb.append("array top = matrix(").append(1 + rnd.nextInt(3)).append(", ").append(1 + rnd.nextInt(3))
                  .append(", ").append(k).append(") of mac {\n  pipeline ").append(rnd.nextInt(maxPipe + 1))
                  .append('\n');
                String opt2 = sameBitWeight(rnd, sb, k);
                String both = compressedAccumulation(opt1, policy, accWidth,
                        opt2.isEmpty() ? "" : "same_bit_weight_reduction ", false);
                sb.append(both.isEmpty() ? opt2 : both).append("}\n");
            }
            default -> {
                int k = 1 + rnd.nextInt(20);
                int maxPipe = 32 - Integer.numberOfLeadingZeros(k - 1) + 1;   // ceil(log2 K) + 1
                sb.append("array top = adder_tree(").append(k).append(") of mac {\n  pipeline ")
                  .append(rnd.nextInt(maxPipe + 1)).append('\n');
                if (rnd.nextBoolean()) {
                    sb.append("  accumulate\n");
                }
                sb.append(sameBitWeight(rnd, sb, k)).append("}\n");
            }
        }
        return sb.toString();
    }

    /**
     * A random multiplier and reduction (LANGUAGE.md 5.1). Operands wider than 16 bits keep the
     * behavioural multiplier: a bit-level 64x64 heap would dominate the test's Verilator build time.
     */
    private static String macStructure(Random rnd, String a, String b) {
        String[] multipliers = {"behavioral", "and_array", "booth", "ent"};
        String[] reductions = {"wallace", "dadda", "chain", "wallace four_two", "dadda four_two"};
        if (width(a) > 16 || width(b) > 16) {
            return "";
        }
        String m = multipliers[rnd.nextInt(multipliers.length)];
        if (m.equals("behavioral")) {
            return rnd.nextBoolean() ? "  multiplier behavioral\n" : "";
        }
        return "  multiplier " + m + "\n  reduction " + reductions[rnd.nextInt(reductions.length)] + "\n";
    }

    /**
     * OPT2 on a third of the trees and matrices where it is legal: the PE makes partial products (a
     * {@code reduction} line comes with every such multiplier) and K >= 2.
     */
    private static String sameBitWeight(Random rnd, StringBuilder designSoFar, int k) {
        boolean legal = designSoFar.indexOf("  reduction ") >= 0 && k >= 2;
        return legal && rnd.nextInt(3) == 0 ? "  transform same_bit_weight_reduction\n" : "";
    }

    /**
     * OPT1 on a third of the systolic arrays, cubes and matrices whose accumulator wraps (E0217
     * otherwise): optionally with raw pairs (not on the matrix) or an edge pipeline of 1..3 stages.
     * {@code before} are transform words that come first (the matrix's OPT2).
     */
    private static String compressedAccumulation(Random rnd, String policy, int accWidth, String before,
                                                 boolean rawAllowed) {
        if (!policy.equals("wrap") || rnd.nextInt(3) != 0) {
            return before.isEmpty() ? "" : "  transform " + before.trim() + "\n";
        }
        String option = switch (rnd.nextInt(3)) {
            case 0 -> rawAllowed ? " raw_pairs" : "";
            case 1 -> " edge_pipeline " + (1 + rnd.nextInt(Math.min(3, accWidth)));
            default -> "";
        };
        return "  transform " + before + "compressed_accumulation" + option + "\n";
    }

    private static int width(String type) {
        return Integer.parseInt(type.replaceAll("[a-z]", ""));
    }

    private static String intType(Random rnd) {
        int w = rnd.nextInt(3) == 0 ? EDGE_WIDTHS[rnd.nextInt(EDGE_WIDTHS.length)] : 1 + rnd.nextInt(12);
        return (rnd.nextBoolean() ? "int" : "uint") + w;
    }
}
