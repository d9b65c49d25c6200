package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pathological files (issue 5, item 3): long lines of operators, 100k stray characters, deep nesting,
 * thousands of errors, huge tokens. Whatever the input, `check` must answer with diagnostics (exit 0
 * or 1, never an internal error) and print at most a small multiple of the input's size plus a
 * constant. Seeded (-Dbitweave.seed=N); a failure names the seed and the case.
 */
class NastyInputTest {
    /** Output may be this many times the input, plus {@link #SLACK} bytes. */
    private static final int FACTOR = 8;
    private static final int SLACK = 16_384;
    private static final String[] PIECES = {"*", "+ ", "(", ")", "-", "$", ".", "{", "}", "..", "\r", "\t", ",",
        "\uD83D\uDE00", "x", "9", "/*", "*/", "=", ":", "pe m {", "param = ", "\n", "\r\n", "e\u0301"};
    private static final String[] PREFIXES = {"param A = 1 ", "param A = ", "pe m { a : ", "array t = systolic(",
        "pe m { acc : int(", "", "array t = adder_tree(4) of m { pipeline "};

    @TempDir
    Path tmp;

    @Test
    void namedNastyInputs() throws Exception {
        List<String[]> cases = new ArrayList<>();
        cases.add(new String[] {"40k stars", "design x\nparam A = 1 " + "*".repeat(40_000) + "\n"});
        cases.add(new String[] {"100k stray characters", "design x\n" + "$".repeat(100_000) + "\n"});
        cases.add(new String[] {"100k spaced stray characters", "design x\n" + "# ".repeat(100_000) + "\n"});
        cases.add(new String[] {"20k lines with an error each", "design x\n" + "param = $\n".repeat(20_000)});
        cases.add(new String[] {"deep parentheses", "design x\nparam A = " + "(".repeat(100_000) + "1" + ")".repeat(100_000)});
        cases.add(new String[] {"deep unary minus", "design x\nparam A = " + "-".repeat(100_000) + "1\n"});
        cases.add(new String[] {"unclosed parentheses", "design x\nparam A = " + "(".repeat(100_000) + "\n"});
        cases.add(new String[] {"100k-term sum", "design x\nparam A = 1" + " + 1".repeat(100_000) + "\n"});
        cases.add(new String[] {"100k-term product chain", "design x\nparam A = 1" + " * 1".repeat(100_000)
                + "\npe m { a : int8; b : int8; acc : int32 wrap }\narray top = adder_tree(A) of m\n"});
        cases.add(new String[] {"100k-character name", "design " + "x".repeat(100_000) + "\n"});
        cases.add(new String[] {"100k-digit literal", "design x\nparam A = " + "9".repeat(100_000) + "\n"});
        cases.add(new String[] {"lone CRs", "design x\r" + "param A = $\r".repeat(10_000)});
        cases.add(new String[] {"unterminated comment", "design x\n/*" + "*".repeat(100_000)});
        cases.add(new String[] {"braces", "design x\npe m " + "{".repeat(50_000) + "}".repeat(50_000) + "\n"});
        StringBuilder warnings = new StringBuilder("design x\n");
        for (int i = 0; i < 3_000; i++) {
            warnings.append("pe m").append(i).append(" { a : int8; b : int8; acc : int4 wrap }\n");
        }
        cases.add(new String[] {"3000 warnings", warnings + "array top = adder_tree(4) of m0\n"});
        for (String[] c : cases) {
            checkBounded(c[0], c[1]);
        }
    }

    @Test
    void randomLongRunsOfOnePiece() throws Exception {
        long base = Long.getLong("bitweave.seed", 20240612L);
        for (int i = 0; i < 24; i++) {
            long seed = base + i;
            SplittableRandom rnd = new SplittableRandom(seed);
            StringBuilder text = new StringBuilder("design x\n").append(PREFIXES[rnd.nextInt(PREFIXES.length)]);
            String piece = PIECES[rnd.nextInt(PIECES.length)];
            String other = PIECES[rnd.nextInt(PIECES.length)];
            int n = 1_000 + rnd.nextInt(30_000);
            for (int k = 0; k < n; k++) {
                text.append(rnd.nextInt(50) == 0 ? other : piece);
            }
            checkBounded("seed " + seed + " (rerun with -Dbitweave.seed=" + seed + "), " + n + " x '" + piece + "'",
                    text.toString());
        }
    }

    private void checkBounded(String name, String text) throws Exception {
        Path file = tmp.resolve("nasty.bw");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        long inputBytes = Files.size(file);
        CliRunner.Result r = CliRunner.run("check", file.toString());
        assertTrue(r.exit() == 0 || r.exit() == 1, name + ": exit " + r.exit() + "\n" + head(r.err()));
        assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), name + ":\n" + head(r.err()));
        long outputBytes = r.out().getBytes(StandardCharsets.UTF_8).length + r.err().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(outputBytes <= FACTOR * inputBytes + SLACK,
                name + ": " + outputBytes + " bytes printed for " + inputBytes + " bytes of input\n" + head(r.err()));
        if (r.exit() == 1) {
            assertTrue(r.err().contains(": error: ") || r.err().startsWith("bitweave: error: "), name + ":\n" + head(r.err()));
        }
        assertEquals(r.exit() == 0, r.out().startsWith("OK "), name);
    }

    private static String head(String s) {
        return s.length() <= 2_000 ? s : s.substring(0, 2_000) + "...";
    }
}
