package bitweave.diag;

import bitweave.ir.SourceLoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiagnosticPrinterTest {
    @Test
    void sourceLineAndCaretUnderTheColumn() {
        Diagnostic d = Diagnostic.error(ErrorCode.UNKNOWN_PE, new SourceLoc("f.bw", 2, 5), "unknown pe 'x'");
        String out = DiagnosticPrinter.format(d, DiagnosticPrinter.fromText("f.bw", "design d\nof  x y\n"));
        assertEquals("f.bw:2:5: error: unknown pe 'x' [E0204]\nof  x y\n    ^\n", out);
    }

    @Test
    void tabsAreCopiedSoTheCaretLinesUp() {
        Diagnostic d = Diagnostic.error(ErrorCode.SYNTAX, new SourceLoc("f.bw", 1, 3), "m");
        String out = DiagnosticPrinter.format(d, DiagnosticPrinter.fromText("f.bw", "\tx$\r\n"));
        assertEquals("f.bw:1:3: error: m [E0101]\n\tx$\n\t ^\n", out);
    }

    @Test
    void noLocationPrintsAsTheTool() {
        Diagnostic d = Diagnostic.error(ErrorCode.TOOL_MISSING, null, "verilator not found");
        assertEquals("bitweave: error: verilator not found [E0601]\n", DiagnosticPrinter.format(d, p -> List.of()));
    }

    @Test
    void unreadableOrShortFilesPrintOnlyTheHeader(@TempDir Path dir) throws Exception {
        Diagnostic missing = Diagnostic.error(ErrorCode.SYNTAX, new SourceLoc(dir.resolve("nope.bw").toString(), 3, 1), "m");
        assertEquals(missing.loc() + ": error: m [E0101]\n",
                DiagnosticPrinter.format(missing, DiagnosticPrinter.fromFileSystem()));
        Path f = dir.resolve("one.bw");
        Files.writeString(f, "design d\n");
        Diagnostic past = Diagnostic.error(ErrorCode.SYNTAX, new SourceLoc(f.toString(), 9, 1), "m");
        assertEquals(past.loc() + ": error: m [E0101]\n", DiagnosticPrinter.format(past, DiagnosticPrinter.fromFileSystem()));
        Diagnostic ok = Diagnostic.error(ErrorCode.SYNTAX, new SourceLoc(f.toString(), 1, 8), "m");
        assertEquals(ok.loc() + ": error: m [E0101]\ndesign d\n       ^\n",
                DiagnosticPrinter.format(ok, DiagnosticPrinter.fromFileSystem()));
    }

    @Test
    void loneCarriageReturnsSplitLinesAsTheLexerCountsThem() {
        Diagnostic d = Diagnostic.error(ErrorCode.SYNTAX, new SourceLoc("f.bw", 3, 3), "m");
        String out = DiagnosticPrinter.format(d, DiagnosticPrinter.fromText("f.bw", "one\rtwo\r\nab$\rfour\n"));
        assertEquals("f.bw:3:3: error: m [E0101]\nab$\n  ^\n", out);
    }

    @Test
    void columnsCountCodePointsAndTheCaretSkipsWideAndZeroWidthCharacters() {
        // emoji (outside the BMP, two columns on a terminal), then a tab, then a combining accent
        String line = "/* \uD83D\uDE00 */\tx = e\u0301$";
        int col = line.codePointCount(0, line.length()); // the '$'
        Diagnostic d = Diagnostic.error(ErrorCode.UNEXPECTED_CHARACTER, new SourceLoc("f.bw", 1, col), "m");
        String out = DiagnosticPrinter.format(d, DiagnosticPrinter.fromText("f.bw", line + "\n"));
        assertEquals("f.bw:1:" + col + ": error: m [E0102]\n" + line + "\n" + "   " + "  " + "   " + "\t" + "     " + "^\n", out);
    }

    @Test
    void longLinesAreCutAroundTheCaret() {
        String line = "param A = 1 " + "*".repeat(40_000);
        Diagnostic d = Diagnostic.error(ErrorCode.SYNTAX, new SourceLoc("f.bw", 1, 20_000), "m");
        String[] out = DiagnosticPrinter.format(d, DiagnosticPrinter.fromText("f.bw", line)).split("\n");
        assertEquals(3, out.length);
        assertEquals("..." + "*".repeat(SourceExcerpt.MAX_SHOWN) + "...", out[1]);
        assertEquals(out[2].length() - 1, out[2].indexOf('^'));
        assertEquals(3 + SourceExcerpt.MAX_SHOWN / 2, out[2].indexOf('^'), "caret in the middle of the window");

        Diagnostic start = Diagnostic.error(ErrorCode.SYNTAX, new SourceLoc("f.bw", 1, 3), "m");
        String[] head = DiagnosticPrinter.format(start, DiagnosticPrinter.fromText("f.bw", line)).split("\n");
        assertEquals(line.substring(0, SourceExcerpt.MAX_SHOWN) + "...", head[1]);
        assertEquals("  ^", head[2]);

        Diagnostic end = Diagnostic.error(ErrorCode.SYNTAX, new SourceLoc("f.bw", 1, line.length() + 1), "m");
        String[] tail = DiagnosticPrinter.format(end, DiagnosticPrinter.fromText("f.bw", line)).split("\n");
        assertEquals("..." + "*".repeat(SourceExcerpt.MAX_SHOWN), tail[1]);
        assertEquals(3 + SourceExcerpt.MAX_SHOWN, tail[2].indexOf('^'), "just after the last character");
    }

    @Test
    void linesUpToTheLimitAreShownWhole() {
        String line = "x".repeat(SourceExcerpt.MAX_SHOWN);
        assertEquals(new SourceExcerpt(line, " ".repeat(SourceExcerpt.MAX_SHOWN) + "^"),
                SourceExcerpt.of(line, SourceExcerpt.MAX_SHOWN + 1));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstLine(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("bom.bw");
        Files.writeString(f, "\uFEFFdesign $\n");
        Diagnostic d = Diagnostic.error(ErrorCode.UNEXPECTED_CHARACTER, new SourceLoc(f.toString(), 1, 8), "m");
        assertEquals(d.loc() + ": error: m [E0102]\ndesign $\n       ^\n", DiagnosticPrinter.format(d, DiagnosticPrinter.fromFileSystem()));
    }

    @Test
    void controlCharactersAreEchoedAsReplacementCharactersOneColumnWide() {
        // ESC, BEL and a C1 control would act on the terminal if echoed raw; tab stays a tab.
        String line = "a\u001b[2J\u0007\u009b\tb";
        SourceExcerpt e = SourceExcerpt.of(line, 9);   // the b
        assertEquals("a\uFFFD[2J\uFFFD\uFFFD\tb", e.text());
        assertEquals("       \t^", e.caret());
        assertTrue(e.text().codePoints().noneMatch(c -> c != '\t' && Character.isISOControl(c)));
    }
}
