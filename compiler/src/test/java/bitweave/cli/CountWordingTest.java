package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Counts read right ("1 cycle", "1 MAC/cycle", "1 row") and lines have no trailing blanks. */
class CountWordingTest {
    /** A design with no parameters whose counts are all 1: one MAC, one value per row. */
    private static final String SINGLE = "design single\npe mac { a : int8; b : int8; acc : int32 wrap }\n"
            + "array top = adder_tree(1) of mac { pipeline 0 }\n";
    /** "1 cycles", "1 rows", "1 MACs", ...: the number one followed by a plural unit. */
    private static final Pattern ONE_PLURAL = Pattern.compile("(?<![\\d.x-])1 (cycles|rows|values|groups|vectors|files"
            + "|MACs|tiles|matrices|weight matrices|elements)\\b");

    @TempDir
    Path tmp;

    private static void assertNoOnePlural(String text) {
        Matcher m = ONE_PLURAL.matcher(text);
        assertFalse(m.find(), () -> "'" + m.group() + "' in:\n" + text);
    }

    @Test
    void checkHasNoTrailingSpaceWithoutParameters() throws Exception {
        Path design = Files.writeString(tmp.resolve("single.bw"), SINGLE);
        CliRunner.Result r = CliRunner.run("check", design.toString());
        assertEquals(0, r.exit(), r.toString());
        assertEquals("OK single: adder_tree K=1, pipeline 0, int8 x int8 -> int32 wrap\n", r.out());
        CliRunner.Result withParams = CliRunner.run("check", "dsl/examples/dot16_int8.bw");
        assertTrue(withParams.out().endsWith("wrap [K=16]\n"), withParams.toString());
    }

    @Test
    void compileLineAndReportSayOneMacPerCycle() throws Exception {
        Path design = Files.writeString(tmp.resolve("single.bw"), SINGLE);
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("compile", design.toString(), "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("latency 1 cycle, 1 MAC/cycle peak"), r.toString());
        assertNoOnePlural(r.out());
        String report = Files.readString(out.resolve("single_report.txt"));
        assertTrue(report.contains("latency       1 cycle (") && report.contains("throughput    1 MAC/cycle peak"), report);
        assertNoOnePlural(report);
        CliRunner.Result os = CliRunner.run("compile", "dsl/examples/systolic_os_int8.bw", "-o", tmp.resolve("os").toString());
        assertTrue(os.out().contains("15 cycles, 64 MACs/cycle"), os.toString());
    }

    @Test
    void goldenMessagesCountRowsAndValues() throws Exception {
        Path design = Files.writeString(tmp.resolve("single.bw"), SINGLE);
        Path one = Files.writeString(tmp.resolve("one.txt"), "1\n");
        Path two = Files.writeString(tmp.resolve("two.txt"), "1 2\n");
        CliRunner.Result r = CliRunner.run("golden", design.toString(), "--in", "a=" + two, "--in", "b=" + one);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("row of a has 2 values, expected K = 1"), r.toString());

        Path os = Path.of("dsl/examples/systolic_os_int8.bw");
        Path a = Files.writeString(tmp.resolve("a.txt"), "1 2\n");      // one row: ROWS = 2 wanted
        Path b = Files.writeString(tmp.resolve("b.txt"), "1 2\n3 4\n");
        CliRunner.Result tile = CliRunner.run("golden", os.toString(), "-P", "ROWS=2", "-P", "COLS=2",
                "--in", "a=" + a, "--in", "b=" + b);
        assertEquals(1, tile.exit(), tile.toString());
        assertTrue(tile.err().contains("has 1 row, expected ROWS = 2"), tile.toString());
        assertNoOnePlural(tile.err());

        Path ws = Path.of("dsl/examples/systolic_ws_int8.bw");
        Path w = Files.writeString(tmp.resolve("w.txt"), "1 2\n3 4\n");  // one weight matrix, two vector groups
        Path x = Files.writeString(tmp.resolve("x.txt"), "1 2\n\n3 4\n");
        CliRunner.Result groups = CliRunner.run("golden", ws.toString(), "-P", "N=2",
                "--in", "w=" + w, "--in", "x=" + x);
        assertEquals(1, groups.exit(), groups.toString());
        assertTrue(groups.err().contains("w holds 1 weight matrix but x holds 2 groups"), groups.toString());
    }
}
