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
 * {@code transform compressed_accumulation edge_pipeline N} co-simulates bit-exact on every shape and
 * output mode that has an edge adder (OS held and direct, WS held and direct with host skew, the cube,
 * the 2D-Matrix with and without OPT2),
 * under the harness's random handshakes and power-up passes, and its measured latency is the reported
 * one, which is the unpipelined design's + N. Seeded (-Dbitweave.seed=N); seed and text on failure.
 */
class EdgePipelineCosimTest {
    private static final String[] SHAPES = {
            "systolic(3, 2) of mac {\n  dataflow output_stationary\n",
            "systolic(2, 3) of mac {\n  dataflow output_stationary\n  output direct\n",
            "systolic(3, 3) of mac {\n  dataflow weight_stationary\n",
            "systolic(2, 3) of mac {\n  dataflow weight_stationary\n  output direct\n  skew host\n",
            "cube(2, 3, 2) of mac {\n",
            // the 2D-Matrix: OPT1 in each unit's accumulator, alone or behind OPT2's unfused pair
            "matrix(2, 3, 5) of mac {\n  pipeline 2\n",
            "matrix(3, 2, 4) of mac {\n  pipeline 0\n"};
    /** Transform words before compressed_accumulation, per shape. */
    private static final String[] ALSO = {"", "", "", "", "", "same_bit_weight_reduction ", ""};

    @TempDir
    Path tmp;

    @Test
    void everyShapeIsBitExactAndLaterByTheStages() throws IOException {
        long seed = Long.getLong("bitweave.seed", 20261203L);
        Random rnd = new Random(seed);
        for (int i = 0; i < SHAPES.length; i++) {
            int accw = 12 + rnd.nextInt(21);
            // the last shape keeps one combinational adder: OPT1 on the matrix without an edge pipeline
            int stages = i == SHAPES.length - 1 ? 0 : 1 + rnd.nextInt(4);
            String head = "design ep_" + i + "\npe mac {\n  a : int8\n  b : int" + (4 + rnd.nextInt(5)) + "\n  acc : int"
                    + accw + " wrap\n  multiplier " + (rnd.nextBoolean() ? "booth" : "ent") + "\n}\narray top = "
                    + SHAPES[i];
            String transform = "  transform " + ALSO[i] + "compressed_accumulation";
            String text = head + transform + " edge_pipeline " + stages + "\n}\n";
            Design d = Frontend.loadText(text, "ep_" + i + ".bw", Map.of(), null);
            Design unpiped = Frontend.loadText(head + transform + "\n}\n", "ep.bw", Map.of(), null);
            CompileOutputs out = CompileOutputs.of(d);
            String why = "seed " + seed + ", design " + i + "\n" + text;
            assertEquals(CompileOutputs.of(unpiped).rtl().latencyCycles() + stages, out.rtl().latencyCycles(), why);
            CosimResult r = run(d, out, tmp.resolve("d" + i), seed + i);
            assertTrue(r.passed(), r.verdictLine(d.name()) + "\n" + why);
            assertEquals(out.rtl().latencyCycles(), r.minLatency(), why);
        }
    }

    /** The carry between two chunks dropped: co-simulation must FAIL (the sums are random, carries common). */
    @Test
    void aLostChunkCarryFails() throws IOException {
        String text = "design ep_mut\npe mac {\n  a : int8\n  b : int8\n  acc : int20 wrap\n  multiplier booth\n}\n"
                + "array top = " + SHAPES[0] + "  transform compressed_accumulation edge_pipeline 2\n}\n";
        Design d = Frontend.loadText(text, "ep_mut.bw", Map.of(), null);
        CompileOutputs out = CompileOutputs.of(d);
        String site = "carry0_q <= chunk0_cout;";
        String edge = out.rtl().verilogFiles().stream().filter(f -> f.name().equals("ep_mut_edge.v")).findFirst()
                .orElseThrow().content();
        assertEquals(1, edge.split(java.util.regex.Pattern.quote(site), -1).length - 1, edge);
        CosimResult r = run(d, out, tmp.resolve("mut"), 5, f -> f.name().equals("ep_mut_edge.v")
                ? f.content().replace(site, "carry0_q <= 1'b0;") : f.content());
        assertFalse(r.passed(), r.verdictLine(d.name()));
    }

    private static CosimResult run(Design d, CompileOutputs out, Path dir, long seed) throws IOException {
        return run(d, out, dir, seed, GeneratedFile::content);
    }

    private static CosimResult run(Design d, CompileOutputs out, Path dir, long seed,
                                   java.util.function.Function<GeneratedFile, String> text) throws IOException {
        Files.createDirectories(dir);
        List<Path> rtl = new ArrayList<>();
        for (GeneratedFile f : out.rtl().verilogFiles()) {
            rtl.add(Files.writeString(dir.resolve(f.name()), text.apply(f)));
        }
        VectorSet vectors = Stimulus.generate(d.top(), 2000, seed);
        return Cosim.run(CosimRequest.of(d, out.rtl().topModule(), rtl, vectors, seed)
                .withCacheDir(Path.of("target/bitweave-cache")));
    }
}
