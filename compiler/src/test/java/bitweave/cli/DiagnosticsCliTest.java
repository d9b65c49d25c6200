package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --max-errors, warnings and --Werror as the commands print them. */
class DiagnosticsCliTest {
    private static final String NARROW = "design narrow\npe mac { a : int8; b : int8; acc : int4 wrap }\n"
            + "array top = adder_tree(4) of mac\n";

    @TempDir
    Path tmp;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(tmp.resolve(name), text);
    }

    /** A file with n independent errors, one per line. */
    private Path manyErrors(int n) throws Exception {
        StringBuilder sb = new StringBuilder("design many\n");
        for (int i = 0; i < n; i++) {
            sb.append("param P").append(i).append(" = $\n");
        }
        return write("many.bw", sb.toString());
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    @Test
    void atMostTwentyErrorsByDefaultThenHowManyMore() throws Exception {
        CliRunner.Result r = CliRunner.run("check", manyErrors(50).toString());
        assertEquals(1, r.exit(), r.toString());
        assertEquals(20, count(r.err(), ": error:"), r.toString());
        assertTrue(r.err().endsWith("30 more errors not shown (--max-errors 20; 0 shows all)\n50 errors\n"), r.toString());
    }

    @Test
    void maxErrorsChangesTheLimitAndZeroShowsAll() throws Exception {
        Path f = manyErrors(50);
        CliRunner.Result three = CliRunner.run("check", f.toString(), "--max-errors", "3");
        assertEquals(3, count(three.err(), ": error:"), three.toString());
        assertTrue(three.err().contains("47 more errors not shown"), three.toString());
        CliRunner.Result all = CliRunner.run("check", f.toString(), "--max-errors", "0");
        assertEquals(50, count(all.err(), ": error:"), all.toString());
        assertFalse(all.err().contains("not shown"), all.toString());
        for (String cmd : new String[] {"compile", "sim", "golden"}) {
            assertTrue(CliRunner.run(cmd, "--help").out().contains("--max-errors"), cmd);
            assertTrue(CliRunner.run(cmd, "--help").out().contains("--Werror"), cmd);
        }
        assertEquals(2, CliRunner.run("check", f.toString(), "--max-errors", "-1").exit());
        assertEquals(2, CliRunner.run("check", f.toString(), "--max-errors", "many").exit());
        CliRunner.Result huge = CliRunner.run("check", f.toString(), "--max-errors", "2147483648");
        assertEquals(2, huge.exit(), huge.toString());
        assertTrue(huge.err().contains("--max-errors 2147483648: expected a count in 0..2147483647"), huge.toString());
    }

    @Test
    void warningsArePrintedWithTheirCountAndTheRunSucceeds() throws Exception {
        Path f = write("narrow.bw", NARROW);
        CliRunner.Result r = CliRunner.run("check", f.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("OK narrow"), r.toString());
        assertTrue(r.err().startsWith(f.toString() + ":2:36: warning: accumulator int4 cannot hold one product"), r.toString());
        assertTrue(r.err().contains("[W0301]\npe mac { a : int8; b : int8; acc : int4 wrap }\n"
                + " ".repeat(35) + "^\n"), r.toString());
        assertTrue(r.err().endsWith("\n1 warning\n"), r.toString());

        Path out = tmp.resolve("out");
        CliRunner.Result compiled = CliRunner.run("compile", f.toString(), "-o", out.toString());
        assertEquals(0, compiled.exit(), compiled.toString());
        assertTrue(compiled.err().contains("[W0301]"), compiled.toString());
        // golden prints them too, before it complains about its missing inputs
        assertTrue(CliRunner.run("golden", f.toString()).err().contains("warning:"));
    }

    @Test
    void werrorMakesWarningsErrorsAndCompileWritesNothing() throws Exception {
        Path f = write("narrow.bw", NARROW);
        CliRunner.Result r = CliRunner.run("check", f.toString(), "--Werror");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains(": error: accumulator int4 cannot hold one product"), r.toString());
        assertTrue(r.err().contains("[W0301]"), r.toString());
        assertEquals("", r.out());

        Path out = tmp.resolve("out");
        CliRunner.Result compiled = CliRunner.run("compile", f.toString(), "-o", out.toString(), "--Werror");
        assertEquals(1, compiled.exit(), compiled.toString());
        assertFalse(Files.exists(out), "compile --Werror wrote output");
        assertEquals(1, CliRunner.run("sim", f.toString(), "--Werror").exit(), "fails before Verilator is needed");
    }

    @Test
    void errorsAndWarningsAreCountedTogether() throws Exception {
        Path f = write("both.bw", "design both\npe mac { a : int8; b : int8; acc : int4 wrap }\n"
                + "array top = adder_tree(0) of mac\narray t2 = adder_tree(2000) of mac\n");
        CliRunner.Result r = CliRunner.run("check", f.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().endsWith("\n2 errors, 1 warning\n"), r.toString());
        CliRunner.Result one = CliRunner.run("check", f.toString(), "--max-errors", "1");
        assertTrue(one.err().endsWith("\n1 more error not shown (--max-errors 1; 0 shows all)\n2 errors, 1 warning\n"),
                one.toString());
    }
}
