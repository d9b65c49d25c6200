package bitweave.golden;

import static bitweave.golden.TestSupport.int8;
import static bitweave.golden.TestSupport.seed;
import static bitweave.golden.TestSupport.seedNote;
import static bitweave.golden.TestSupport.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.ArraySpec;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoldenTextTest {
    private static final PeSpec WRAP32 = int8(type(32, true), OverflowPolicy.WRAP);
    private static final PeSpec SAT16 = int8(type(16, true), OverflowPolicy.SATURATE);

    @TempDir
    Path dir;

    private String run(ArraySpec top, String first, String second) throws IOException {
        List<String> names = GoldenText.inputNames(top);
        Path p1 = Files.writeString(dir.resolve(names.get(0) + ".txt"), first);
        Path p2 = Files.writeString(dir.resolve(names.get(1) + ".txt"), second);
        Map<String, Path> in = new LinkedHashMap<>();
        in.put(names.get(0), p1);
        in.put(names.get(1), p2);
        return GoldenText.evaluate(top, in);
    }

    private static Diagnostic only(UserError e) {
        assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
        return e.diagnostics().get(0);
    }

    @Test
    void adderTreeWithoutAccumulate() throws IOException {
        ArraySpec top = TestSupport.tree(WRAP32, 3, false);
        String out = run(top, "# a vectors\n1 2 3\n\n-1 0x10 -0x2\n", "4 5 6\n1 1 1   # comment\n");
        assertEquals("32\n13\n", out); // 4+10+18; -1+16-2
    }

    @Test
    void adderTreeWithAccumulateSaturates() throws IOException {
        ArraySpec top = TestSupport.tree(SAT16, 2, true);
        // group 1: 127*127*2 = 32258, then + 32258 -> 32767 (saturated), then -128*127*2 = -32512 -> 255
        String out = run(top, "127 127\n127 127\n-128 -128\n\n1 2\n", "127 127\n127 127\n127 127\n\n3 4\n");
        assertEquals("255\n11\n", out);
    }

    @Test
    void outputStationaryTiles() throws IOException {
        ArraySpec top = TestSupport.os(WRAP32, 2, 2);
        String a = "1 2\n3 4\n\n5\n6\n";
        String b = "1 0\n0 1\n\n2 3\n";
        assertEquals("1 2\n3 4\n\n10 15\n12 18\n", run(top, a, b));
    }

    @Test
    void weightStationaryGroups() throws IOException {
        ArraySpec top = TestSupport.ws(WRAP32, 2, 3);
        String w = "1 2 3\n4 5 6\n\n# identity-ish\n1 0 0\n0 1 0\n";
        String x = "1 1\n0 -1\n\n7 8\n";
        assertEquals("5 7 9\n-4 -5 -6\n7 8 0\n", run(top, w, x));
    }

    @Test
    void roundTripOfGeneratedProblems() {
        long seed = seed();
        for (ArraySpec top : List.of(TestSupport.tree(SAT16, 3, true), TestSupport.tree(WRAP32, 2, false),
                TestSupport.os(SAT16, 2, 3), TestSupport.ws(SAT16, 3, 2), TestSupport.cube(SAT16, 3, 2, 2),
                TestSupport.matrix(SAT16, 2, 3, 2))) {
            List<Problem> problems = Stimulus.problems(top, 40, seed);
            String expected = GoldenText.format(top, GoldenModel.run(top, problems));
            assertEquals(expected, GoldenText.evaluateText(top, GoldenText.inputTexts(top, problems)),
                    top + seedNote(seed));
        }
    }

    @Test
    void badNumberHasFileLineAndColumn() {
        ArraySpec top = TestSupport.tree(WRAP32, 2, false);
        UserError e = assertThrows(UserError.class, () -> run(top, "1 2\n3 x4\n", "1 1\n1 1\n"));
        Diagnostic d = only(e);
        assertEquals(ErrorCode.GOLDEN_BAD_NUMBER, d.code());
        assertEquals(dir.resolve("a.txt").toString(), d.loc().file());
        assertEquals(2, d.loc().line());
        assertEquals(3, d.loc().col());
    }

    @Test
    void aHugeBadWordIsQuotedShortAndInvisibleCharactersAsEscapes() {
        ArraySpec top = TestSupport.tree(WRAP32, 2, false);
        String huge = "z".repeat(1_000_000);
        UserError e = assertThrows(UserError.class, () -> run(top, "1 " + huge + "\n3 \u00a04\n", "1 1\n1 1\n"));
        assertEquals(2, e.diagnostics().size(), e.diagnostics().toString());
        String first = e.diagnostics().get(0).message();
        assertTrue(first.length() < 200, "a 1 MB word is not copied into the message: " + first.length() + " chars");
        assertTrue(first.startsWith("'zzzz") && first.contains("...'"), first);
        // a no-break space is not white space to the reader: the word is quoted with it made visible
        assertTrue(e.diagnostics().get(1).message().startsWith("'\\u00a04' is not an integer"),
                e.diagnostics().get(1).message());
    }

    @Test
    void inputFilesFollowTheDesignFileRulesForMarksLinesAndColumns() throws IOException {
        ArraySpec top = TestSupport.tree(WRAP32, 2, false);
        // a byte-order mark (Windows editors), lone-CR and mixed line endings read as on Unix
        String unix = run(top, "1 2\n3 4\n", "5 6\n7 8\n");
        assertEquals(unix, run(top, "\uFEFF1 2\r3 4\r", "5 6\r\n7 8\n"));
        // lines are counted with the same breaks, columns in code points (as the caret printer does):
        // "\uD83D\uDE00 x" has two bad words, the second is the 3rd character (its UTF-16 index is 3)
        UserError e = assertThrows(UserError.class, () -> run(top, "1 2\r3 4\n", "1 1\r\uD83D\uDE00 x\n"));
        assertEquals(2, e.diagnostics().size(), e.diagnostics().toString());
        Diagnostic x = e.diagnostics().get(1);
        assertEquals(ErrorCode.GOLDEN_BAD_NUMBER, x.code());
        assertEquals(2, x.loc().line());
        assertEquals(3, x.loc().col());
    }

    @Test
    void valueOutOfRange() {
        ArraySpec top = TestSupport.tree(WRAP32, 2, false);
        UserError e = assertThrows(UserError.class, () -> run(top, "1 2\n", "1 0x80\n"));
        Diagnostic d = only(e);
        assertEquals(ErrorCode.GOLDEN_VALUE_OUT_OF_RANGE, d.code());
        assertEquals(1, d.loc().line());
        assertEquals(3, d.loc().col());
    }

    @Test
    void wrongCountsOnALineAndInATile() {
        ArraySpec tree = TestSupport.tree(WRAP32, 2, false);
        Diagnostic tooMany = only(assertThrows(UserError.class, () -> run(tree, "1 2 3\n", "1 1\n")));
        assertEquals(ErrorCode.GOLDEN_WRONG_COUNT, tooMany.code());
        assertEquals(5, tooMany.loc().col());
        Diagnostic tooFew = only(assertThrows(UserError.class, () -> run(tree, "1 2\n", "1  \n")));
        assertEquals(ErrorCode.GOLDEN_WRONG_COUNT, tooFew.code());
        assertEquals(2, tooFew.loc().col());

        ArraySpec os = TestSupport.os(WRAP32, 2, 2);
        Diagnostic rows = only(assertThrows(UserError.class, () -> run(os, "1 2\n3 4\n5 6\n", "1 1\n1 1\n")));
        assertEquals(ErrorCode.GOLDEN_WRONG_COUNT, rows.code());
        Diagnostic kRows = only(assertThrows(UserError.class, () -> run(os, "1 2\n3 4\n", "1 1\n")));
        assertEquals(ErrorCode.GOLDEN_WRONG_COUNT, kRows.code());
        assertEquals(dir.resolve("b.txt").toString(), kRows.loc().file());
    }

    @Test
    void groupsMustPairUp() {
        ArraySpec os = TestSupport.os(WRAP32, 1, 1);
        Diagnostic d = only(assertThrows(UserError.class, () -> run(os, "1\n\n2\n", "1\n")));
        assertEquals(ErrorCode.GOLDEN_GROUP_MISMATCH, d.code());
        assertEquals(3, d.loc().line());
        ArraySpec ws = TestSupport.ws(WRAP32, 1, 1);
        assertEquals(ErrorCode.GOLDEN_GROUP_MISMATCH,
                only(assertThrows(UserError.class, () -> run(ws, "1\n", "1\n\n2\n"))).code());
        ArraySpec acc = TestSupport.tree(SAT16, 1, true);
        assertEquals(ErrorCode.GOLDEN_GROUP_MISMATCH,
                only(assertThrows(UserError.class, () -> run(acc, "1\n2\n", "1\n"))).code());
    }

    @Test
    void emptyInputMissingAndUnknownNames() throws IOException {
        ArraySpec top = TestSupport.tree(WRAP32, 1, false);
        assertEquals(ErrorCode.GOLDEN_NO_DATA,
                only(assertThrows(UserError.class, () -> run(top, "# nothing\n\n", "1\n"))).code());
        Path a = Files.writeString(dir.resolve("a.txt"), "1\n");
        UserError missing = assertThrows(UserError.class, () -> GoldenText.evaluate(top, Map.of("a", a)));
        assertEquals(ErrorCode.GOLDEN_INPUT_MISSING, only(missing).code());
        assertNull(only(missing).loc());
        UserError unknown = assertThrows(UserError.class,
                () -> GoldenText.evaluate(top, Map.of("a", a, "b", a, "c", a)));
        assertEquals(ErrorCode.GOLDEN_INPUT_UNKNOWN, only(unknown).code());
        UserError unreadable = assertThrows(UserError.class,
                () -> GoldenText.evaluate(top, Map.of("a", a, "b", dir.resolve("nope.txt"))));
        assertEquals(ErrorCode.GOLDEN_INPUT_UNREADABLE, only(unreadable).code());
    }

    @Test
    void severalErrorsAreReportedTogether() {
        ArraySpec top = TestSupport.tree(WRAP32, 2, false);
        UserError e = assertThrows(UserError.class, () -> run(top, "1 200\n-129 1\n", "1 1\n1 1\n"));
        assertEquals(2, e.diagnostics().size());
    }
}
