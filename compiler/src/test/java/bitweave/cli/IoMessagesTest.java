package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every I/O failure a user can cause says what could not be done to which path (as typed) and why, in
 * words (bitweave.diag.IoReason), and never shows Java exception text.
 */
class IoMessagesTest {
    private static final String DOT8 = "dsl/examples/dot8_mixed.bw";
    private static final String B = "b=dsl/examples/inputs/dot8_b.txt";

    @TempDir
    Path tmp;

    private static void assertPlain(CliRunner.Result r, String expected) {
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in\n" + r);
        for (String leak : new String[] {"Exception", "Input length", "NoSuchFile", "FileSystem (", "AccessDenied"}) {
            assertFalse(r.err().contains(leak), "Java text '" + leak + "' leaks into\n" + r);
        }
    }

    @Test
    void goldenInputs() throws Exception {
        assertPlain(CliRunner.run("golden", DOT8, "--in", "a=nosuch.txt", "--in", B),
                "cannot read input 'a' from nosuch.txt: no such file or directory [E0803]");
        Path latin1 = Files.write(tmp.resolve("latin1.txt"), new byte[] {'1', ' ', (byte) 0xe9, '\n'});
        assertPlain(CliRunner.run("golden", DOT8, "--in", "a=" + latin1, "--in", B),
                "cannot read input 'a' from " + latin1 + ": not valid UTF-8 text [E0803]");
        assertPlain(CliRunner.run("golden", DOT8, "--in", "a=" + tmp, "--in", B),
                "cannot read input 'a' from " + tmp + ": is a directory [E0803]");
    }

    @Test
    void designFilesAreNamedAsTyped() throws Exception {
        assertPlain(CliRunner.run("check", "."), "cannot read .: is a directory [E0502]");
        assertPlain(CliRunner.run("check", "./dsl//nosuch.bw"), "cannot read ./dsl//nosuch.bw: no such file or directory [E0501]");
        Path binary = Files.write(tmp.resolve("bin.bw"), new byte[] {(byte) 0xff, (byte) 0xfe, 'x'});
        assertPlain(CliRunner.run("check", binary.toString()), "cannot read " + binary + ": not valid UTF-8 text [E0502]");
    }

    @Test
    void outputAndCacheDirectories() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain"), "x");
        assertPlain(CliRunner.run("compile", DOT8, "-o", file + "/sub"),
                "cannot write to output directory " + file + "/sub: not a directory [E0503]");
        assertPlain(CliRunner.run("compile", DOT8, "-o", "/proc/no-such/out"),
                "cannot write to output directory /proc/no-such/out: no such file or directory (at /proc/no-such) [E0503]");
        assertPlain(CliRunner.run("sim", DOT8, "--vectors", "2", "--cache-dir", file.toString()),
                "cannot use the cache directory " + file + ": not a directory");
        assertPlain(CliRunner.run("sim", DOT8, "--vectors", "2", "--rtl", file.toString()),
                "--rtl " + file + ": not a directory [E0501]");
    }
}
