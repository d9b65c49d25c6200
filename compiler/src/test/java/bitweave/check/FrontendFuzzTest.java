package bitweave.check;

import bitweave.diag.UserError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutated copies of the shipped examples must either load or fail with diagnostics: never an
 * exception of any other kind. Seeded; override with -Dbitweave.seed=N; every failure prints the seed
 * of the failing case and its text so it can be replayed.
 */
class FrontendFuzzTest {
    /**
     * 6,000 cases in CI (about 130 s; most of it compiling the legal mutants of the large MX and LUT examples);
     * -Dbitweave.fuzzCases=N runs more.
     */
    private static final int CASES = Integer.getInteger("bitweave.fuzzCases", 6_000);
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z_][A-Za-z_0-9]*|[0-9]+|\\.\\.|\\S|\\n");
    private static final String[] HUGE = {"0", "-1", "65", "1025", "9223372036854775807", "9223372036854775808",
            "-9223372036854775808", "99999999999999999999999", "4294967296", "-64"};
    // whole code points (an emoji outside the BMP too), never half a surrogate pair
    private static final int[] RANDOM_CODE_POINTS =
            "{}()=:;,.+-*/ \n\t\r#$@\"'\\/*0123456789abcxyz_\u00e9\u0000\uD83D\uDE00".codePoints().toArray();

    @Test
    void mutatedExamplesLoadOrReportDiagnostics() throws IOException {
        long base = Long.getLong("bitweave.seed", 20240611L);
        List<String> examples = examples();
        int compiled = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = base + i;
            SplittableRandom rnd = new SplittableRandom(seed);
            String source = examples.get(rnd.nextInt(examples.size()));
            String text = mutate(source, rnd, 1 + rnd.nextInt(4));
            try {
                bitweave.ir.Design design = Frontend.loadText(text, "fuzz.bw", Map.of(), null);
                // A mutant the checker accepts must also get through every back end without an
                // internal error (checker and passes must agree on what is legal).
                bitweave.emit.CompileOutputs.of(design);
                compiled++;
            } catch (UserError e) {
                assertFalse(e.diagnostics().isEmpty(), "UserError without diagnostics, seed " + seed + ", text:\n" + text);
                assertPositionsInsideTheText(e.diagnostics(), text, seed);
            } catch (RuntimeException | StackOverflowError e) {
                fail("compiler crashed (seed " + seed + ", rerun with -Dbitweave.seed=" + seed + "): " + e
                        + "\n--- text ---\n" + text, e);
            }
        }
        assertTrue(compiled > CASES / 20, "too few mutants were legal to exercise the back ends: " + compiled);
    }

    /**
     * The lexer and the printer split lines the same way (LineBreaks), and columns count code points:
     * every position is on a line of the text, at most one past its last character.
     */
    private static void assertPositionsInsideTheText(List<bitweave.diag.Diagnostic> diagnostics, String text, long seed) {
        List<String> lines = bitweave.diag.LineBreaks.split(text);
        for (bitweave.diag.Diagnostic d : diagnostics) {
            if (d.loc() == null) {
                continue;
            }
            int line = d.loc().line();
            assertTrue(line >= 1 && line <= lines.size(), "seed " + seed + ": " + d + " is past the last line");
            String content = lines.get(line - 1);
            assertTrue(d.loc().col() >= 1 && d.loc().col() <= content.codePointCount(0, content.length()) + 1,
                    "seed " + seed + ": " + d + " is past the end of its line: " + content);
        }
    }

    private static List<String> examples() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("dsl/examples"))) {
            List<String> out = new ArrayList<>();
            for (Path p : s.filter(x -> x.toString().endsWith(".bw")).sorted().toList()) {
                out.add(Files.readString(p));
            }
            return out;
        }
    }

    private static String mutate(String text, SplittableRandom rnd, int times) {
        for (int t = 0; t < times; t++) {
            List<int[]> tokens = tokens(text);
            if (tokens.isEmpty()) {
                return text;
            }
            int[] tok = tokens.get(rnd.nextInt(tokens.size()));
            int[] other = tokens.get(rnd.nextInt(tokens.size()));
            String tokText = text.substring(tok[0], tok[1]);
            switch (rnd.nextInt(7)) {
                case 0: // delete a token
                    text = text.substring(0, tok[0]) + text.substring(tok[1]);
                    break;
                case 1: // duplicate a token
                    text = text.substring(0, tok[1]) + " " + tokText + text.substring(tok[1]);
                    break;
                case 2: { // swap two tokens
                    int[] a = tok[0] <= other[0] ? tok : other;
                    int[] b = tok[0] <= other[0] ? other : tok;
                    if (a[1] <= b[0]) {
                        text = text.substring(0, a[0]) + text.substring(b[0], b[1]) + text.substring(a[1], b[0])
                                + text.substring(a[0], a[1]) + text.substring(b[1]);
                    }
                    break;
                }
                case 3: { // insert random characters
                    int at = rnd.nextInt(text.length() + 1);
                    StringBuilder junk = new StringBuilder();
                    for (int k = 1 + rnd.nextInt(3); k > 0; k--) {
                        junk.appendCodePoint(RANDOM_CODE_POINTS[rnd.nextInt(RANDOM_CODE_POINTS.length)]);
                    }
                    text = text.substring(0, at) + junk + text.substring(at);
                    break;
                }
                case 4: // truncate
                    text = text.substring(0, rnd.nextInt(text.length() + 1));
                    break;
                case 5: { // replace a number with an extreme value
                    List<int[]> numbers = new ArrayList<>();
                    for (int[] x : tokens) {
                        if (Character.isDigit(text.charAt(x[0]))) {
                            numbers.add(x);
                        }
                    }
                    if (!numbers.isEmpty()) {
                        int[] n = numbers.get(rnd.nextInt(numbers.size()));
                        text = text.substring(0, n[0]) + HUGE[rnd.nextInt(HUGE.length)] + text.substring(n[1]);
                    }
                    break;
                }
                default: // copy one token over another (wrong word in the right place)
                    text = text.substring(0, tok[0]) + text.substring(other[0], other[1]) + text.substring(tok[1]);
                    break;
            }
        }
        return text;
    }

    /** [start, end) of every token-like piece, comments included (they are fair game too). */
    private static List<int[]> tokens(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            out.add(new int[]{m.start(), m.end()});
        }
        return out;
    }
}
