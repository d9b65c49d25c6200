package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.emit.Provenance;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sim --trace} follows the output rules of compile: it writes a VCD that says Bitweave made it,
 * replaces only such a file, refuses a foreign file or a directory and leaves both as they were
 * (Verilator required).
 */
class TraceOptionTest {
    private static final String DESIGN = "dsl/examples/dot8_mixed.bw";

    @TempDir
    Path tmp;

    private static CliRunner.Result sim(String trace) {
        return CliRunner.run("sim", DESIGN, "--vectors", "5", "--seed", "3", "--cache-dir", ExamplesCosimTest.CACHE,
                "--trace", trace);
    }

    private long entries(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void theTraceIsMarkedAndCanBeWrittenAgain() throws Exception {
        Path vcd = tmp.resolve("waves/run.vcd");
        CliRunner.Result first = sim(vcd.toString());
        assertEquals(0, first.exit(), first.toString());
        String text = Files.readString(vcd);
        String firstLine = text.lines().findFirst().orElseThrow();
        assertTrue(firstLine.startsWith("$comment " + Provenance.MARKER) && firstLine.endsWith("$end"), firstLine);
        assertTrue(firstLine.contains("dot8_mixed.bw (sha256:"), firstLine);
        assertTrue(text.contains("$enddefinitions"), "not a VCD");
        CliRunner.Result again = sim(vcd.toString());
        assertEquals(0, again.exit(), "the trace of an earlier run may be replaced: " + again);
        assertEquals(text, Files.readString(vcd), "same seed, same trace");
        assertEquals(1, entries(vcd.getParent()), "no temporary file is left beside the trace");
    }

    @Test
    void aFileBitweaveDidNotWriteIsRefusedAndKept() throws Exception {
        Path readme = Files.writeString(tmp.resolve("README.md"), "# my notes\n");
        CliRunner.Result r = sim(readme.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("refusing to overwrite " + readme) && r.err().contains("[E0504]"), r.toString());
        assertEquals("# my notes\n", Files.readString(readme));
        assertEquals(1, entries(tmp), "nothing written beside it");
    }

    @Test
    void aDirectoryIsAnError() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("waves"));
        CliRunner.Result existing = sim(dir.toString());
        assertEquals(1, existing.exit(), existing.toString());
        assertTrue(existing.err().contains("is a directory") && existing.err().contains("[E0503]"), existing.toString());
        assertEquals(0, entries(dir));

        CliRunner.Result slash = sim(tmp.resolve("new") + "/");
        assertEquals(2, slash.exit(), slash.toString());
        assertTrue(slash.err().contains("names a directory"), slash.toString());
        assertFalse(Files.exists(tmp.resolve("new")), "no file named after the folder");
        assertEquals(2, sim(".").exit());
    }
}
