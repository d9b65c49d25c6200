package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code bitweave sim} prints around the verdict: which array it names, and each fact once. */
class SimVerdictTest {
    private static final String TWO_ARRAYS = """
            design two_arrays
            pe mac {
              a   : int8
              b   : int8
              acc : int32 wrap
            }
            array os = systolic(2, 2) of mac {
              dataflow output_stationary
            }
            array ws = systolic(2, 2) of mac {
              dataflow weight_stationary
            }
            """;

    @TempDir
    Path tmp;

    @Test
    void verdictNamesTheArrayWhenTheDesignHasSeveralOrTopIsGiven() throws IOException {
        Path file = Files.writeString(tmp.resolve("two_arrays.bw"), TWO_ARRAYS);
        CliRunner.Result byDefault = sim(file.toString());
        assertEquals(0, byDefault.exit(), byDefault.toString());
        assertTrue(byDefault.out().startsWith("PASS two_arrays/ws: 20 vectors bit-exact ("), byDefault.toString());

        // One array: the design name alone, unless --top names it.
        CliRunner.Result single = sim("dsl/examples/dot8_mixed.bw");
        assertTrue(single.out().startsWith("PASS dot8_mixed: 20 vectors"), single.toString());
        CliRunner.Result named = sim("dsl/examples/dot8_mixed.bw", "--top", "top");
        assertTrue(named.out().startsWith("PASS dot8_mixed/top: 20 vectors"), named.toString());
    }

    @Test
    void timeoutDescriptionIsPrintedOnce() throws IOException {
        Path dir = tmp.resolve("hang");
        CliRunner.Result c = CliRunner.run("compile", "dsl/examples/dot8_mixed.bw", "-o", dir.toString());
        assertEquals(0, c.exit(), c.toString());
        // the stall signal stuck low: in_ready (= advance) stays 0 and nothing ever moves
        Path ctrl = dir.resolve("dot8_mixed_ctrl.v");
        String text = Files.readString(ctrl);
        assertTrue(text.contains("assign advance = out_empty | out_ready;"), "mutation site moved");
        Files.writeString(ctrl, text.replace("assign advance = out_empty | out_ready;", "assign advance = 1'b0;"));
        CliRunner.Result r = sim("dsl/examples/dot8_mixed.bw", "--rtl", dir.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().startsWith("FAIL dot8_mixed: timeout at cycle "), r.toString());
        String description = "expected output beat 0 (vector 0) never came";
        assertEquals(1, r.out().split(java.util.regex.Pattern.quote(description), -1).length - 1,
                "the timeout description must appear once: " + r);
        assertTrue(r.out().contains("reproduce: bitweave sim"), r.toString());
    }

    private static CliRunner.Result sim(String file, String... more) {
        String[] args = new String[8 + more.length];
        String[] base = {"sim", file, "--vectors", "20", "--seed", "3", "--cache-dir", ExamplesCosimTest.CACHE};
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRunner.run(args);
    }
}
