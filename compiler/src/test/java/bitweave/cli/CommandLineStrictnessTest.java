package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line means exactly what it says: options are not abbreviated, -P and numeric options
 * take one strict integer grammar, and no odd path argument reaches an internal error.
 */
class CommandLineStrictnessTest {
    private static final String OS = "dsl/examples/systolic_os_int8.bw";
    private static final long SEED = 20240605L;

    @TempDir
    Path tmp;

    @Test
    void optionsMustBeSpelledOut() {
        String[][] abbreviated = {
            {"sim", OS, "--vector", "5"},
            {"sim", OS, "--see", "3"},
            {"sim", OS, "--trac", "x.vcd"},
            {"compile", OS, "--ou", tmp.resolve("o").toString()},
            {"check", OS, "--para", "ROWS=3"},
            {"check", OS, "--to", "top"},
            {"golden", OS, "--i", "a=x.txt"},
        };
        for (String[] args : abbreviated) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r);
            assertTrue(r.err().contains("Unrecognized option"), r.toString());
        }
        assertFalse(Files.exists(tmp.resolve("o")), "an abbreviated -o wrote nothing");
    }

    @Test
    void overrideValuesFollowOneStrictGrammar() {
        String[] malformed = {"ROWS=١٦", "ROWS=１６", "ROWS= 8", "ROWS=8 ", " ROWS=8", "ROWS =8", "ROWS=0x-10",
            "ROWS=+8", "ROWS=", "ROWS=0x", "ROWS=--8", "ROWS=1_0", "ROWS=8\t", "ROWS=0x1g"};
        for (String bad : malformed) {
            CliRunner.Result r = CliRunner.run("check", OS, "-P", bad);
            assertEquals(2, r.exit(), bad + ": " + r);
            assertTrue(r.err().contains("[E0701]") && r.err().contains("see: bitweave check --help"), r.toString());
        }
        assertTrue(CliRunner.run("check", OS, "-P", "ROWS=16").out().contains("systolic 16x8"));
        assertTrue(CliRunner.run("check", OS, "-P", "ROWS=0X10").out().contains("systolic 16x8"));
        assertTrue(CliRunner.run("check", OS, "-P", "ROWS=010").out().contains("systolic 10x8"), "decimal, not octal");
    }

    @Test
    void valuesBeyond64BitsAreReportedAsOutOfRange() {
        for (String big : new String[] {"9223372036854775808", "-9223372036854775809", "0x8000000000000000",
            "99999999999999999999999"}) {
            CliRunner.Result r = CliRunner.run("check", OS, "-P", "ROWS=" + big);
            assertEquals(2, r.exit(), r.toString());
            assertTrue(r.err().contains("outside the 64-bit integer range") && !r.err().contains("not an integer"),
                    r.toString());
        }
        // The extremes themselves are integers; the design's own range (E0402, an input error) rejects them.
        for (String edge : new String[] {"9223372036854775807", "-9223372036854775808", "-0x8000000000000000"}) {
            CliRunner.Result r = CliRunner.run("check", OS, "-P", "ROWS=" + edge);
            assertEquals(1, r.exit(), r.toString());
            assertTrue(r.err().contains("[E0402]"), r.toString());
        }
    }

    @Test
    void numericOptionsUseTheSameGrammar() {
        for (String bad : new String[] {"١٠", " 10", "10 ", "+10", "1e3"}) {
            CliRunner.Result r = CliRunner.run("sim", OS, "--vectors", bad);
            assertEquals(2, r.exit(), bad + ": " + r);
            assertTrue(r.err().contains("not an integer"), r.toString());
        }
        CliRunner.Result huge = CliRunner.run("sim", OS, "--seed", "99999999999999999999");
        assertEquals(2, huge.exit(), huge.toString());
        assertTrue(huge.err().contains("must be in"), huge.toString());
    }

    @Test
    void integerGrammarRoundTripsEveryLongAndRejectsForeignCharacters() {
        Random random = new Random(SEED);
        String[] foreign = {" ", "\t", "+", "_", "١", "٣", "०", "１", "g", "."};
        for (int i = 0; i < 5_000; i++) {
            long n = random.nextLong();
            String decimal = Long.toString(n);
            String hex = (n < 0 ? "-0x" : "0x") + BigInteger.valueOf(n).abs().toString(16);
            assertEquals(Optional.of(BigInteger.valueOf(n)), IntegerArgument.parse(decimal), "seed " + SEED + ": " + decimal);
            assertEquals(Optional.of(BigInteger.valueOf(n)), IntegerArgument.parse(hex), "seed " + SEED + ": " + hex);
            String spelled = random.nextBoolean() ? decimal : hex;
            int at = random.nextInt(spelled.length() + 1);
            String broken = spelled.substring(0, at) + foreign[random.nextInt(foreign.length)] + spelled.substring(at);
            assertEquals(Optional.empty(), IntegerArgument.parse(broken), "seed " + SEED + ": accepted '" + broken + "'");
        }
    }

    @Test
    void oddOutputDirectoriesNeverCauseAnInternalError() throws Exception {
        Path file = Files.writeString(tmp.resolve("plain.txt"), "mine\n");
        String[] odd = {"", "-", "a\u0000b", tmp + "/x\u0000y", tmp.toString(), tmp + "/", file.toString(),
            file + "/sub", tmp + "/new/deep/", tmp + "/" + "n".repeat(300), tmp + "/./a/../b", "/proc/no-such/dir"};
        for (String out : odd) {
            CliRunner.Result r = CliRunner.run("compile", OS, "-o", out, "-P", "ROWS=2", "-P", "COLS=2");
            assertNotEquals(3, r.exit(), "-o '" + PathArgument.shown(out) + "'\n" + r);
            assertFalse(r.err().contains("Exception") || r.err().contains("internal error"), r.toString());
        }
        assertEquals(2, CliRunner.run("compile", OS, "-o", "").exit(), "empty -o is a usage error");
        assertEquals(2, CliRunner.run("compile", OS, "-o", "-").exit(), "-o - is a usage error");
        assertEquals(2, CliRunner.run("compile", OS, "-o", "a\u0000b").exit(), "a NUL is a usage error");
        assertEquals("mine\n", Files.readString(file));
        assertEquals(0, CliRunner.run("compile", OS, "-o", tmp + "/new/deep/").exit(), "a trailing / is fine for -o");

        // Random names (spaces, dots, unicode, control and shell characters) under the temp folder.
        Random random = new Random(SEED);
        String alphabet = " .-_~*?:;'\"\\$`#%&!|<>()[]{}\n\r\téß漢\u202e\u0001\u007f";
        for (int i = 0; i < 40; i++) {
            StringBuilder name = new StringBuilder("o");
            for (int j = random.nextInt(12); j >= 0; j--) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String out = tmp.resolve("rand").toString() + "/" + name;
            CliRunner.Result r = CliRunner.run("compile", OS, "-o", out, "-P", "ROWS=2", "-P", "COLS=2");
            assertNotEquals(3, r.exit(), "seed " + SEED + ", -o '" + PathArgument.shown(out) + "'\n" + r);
        }
    }

    @Test
    void oddPathsForOtherOptionsAreUsageErrorsNotCrashes() {
        String[][] cases = {
            {"check", ""},
            {"check", "a\u0000b.bw"},
            {"golden", OS, "--in", "a=x\u0000y", "--in", "b=y"},
            {"sim", OS, "--rtl", ""},
            {"sim", OS, "--rtl", "a\u0000b"},
            {"sim", OS, "--cache-dir", ""},
            {"sim", OS, "--cache-dir", "a\u0000b"},
            {"sim", OS, "--trace", ""},
            {"sim", OS, "--trace", "a\u0000b.vcd"},
        };
        for (String[] args : cases) {
            CliRunner.Result r = CliRunner.run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r);
        }
    }
}
