package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compile --print-pipeline} and {@code --dump-ir PASS}: the passes a design runs and the IR between them. */
class PipelineOptionsTest {
    private static final String BOOTH = "design booth_os\npe mac {\n  a : int4\n  b : int4\n  acc : int12 wrap\n"
            + "  multiplier booth\n  reduction dadda\n}\narray top = systolic(2, 2) of mac { dataflow output_stationary }\n";

    @TempDir
    Path tmp;

    @Test
    void theBehavioralPipelineHasNoMultiplierPasses() {
        CliRunner.Result r = CliRunner.run("compile", "dsl/examples/dot16_int8.bw", "--print-pipeline");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("lower-adder-tree\nlegalize-names\n", r.out());
    }

    @Test
    void aBoothPeRunsLowerMultipliersThenCompressBitHeaps() throws IOException {
        Path f = Files.writeString(tmp.resolve("booth_os.bw"), BOOTH);
        CliRunner.Result r = CliRunner.run("compile", f.toString(), "--print-pipeline");
        assertEquals("lower-systolic-os\nlower-multipliers\ncompress-bit-heaps\nlegalize-names\n", r.out(), r.toString());
    }

    @Test
    void dumpIrShowsEachStageOfTheMultiplier() throws IOException {
        Path f = Files.writeString(tmp.resolve("booth_os.bw"), BOOTH);
        String lowered = CliRunner.run("compile", f.toString(), "--dump-ir", "lower-systolic-os").out();
        assertTrue(lowered.contains("product:8 = multiply product_a:8, product_b:8"), lowered);
        assertTrue(lowered.contains("module booth_os #(ROWS=2, COLS=2, A_W=4, B_W=4, ACC_W=12)  // top")
                && lowered.contains("for r in 0..<ROWS : g_row"), lowered);
        String opened = CliRunner.run("compile", f.toString(), "--dump-ir", "lower-multipliers").out();
        assertTrue(opened.contains("booth-encode[signed] a_in:4") && opened.contains("bit-heap[dadda"), opened);
        assertFalse(opened.contains("= multiply"), opened);
        String compressed = CliRunner.run("compile", f.toString(), "--dump-ir", "compress-bit-heaps").out();
        assertTrue(compressed.contains("= full-adder") && !compressed.contains("bit-heap["), compressed);
        assertFalse(Files.exists(tmp.resolve("out")), "inspection writes nothing");
    }

    @Test
    void anUnknownPassIsAUsageErrorListingTheDesignsPasses() {
        CliRunner.Result r = CliRunner.run("compile", "dsl/examples/dot16_int8.bw", "--dump-ir", "lower-multipliers");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--dump-ir lower-multipliers: no such pass runs for this design; its passes are"
                + " lower-adder-tree, legalize-names"), r.toString());
    }
}
