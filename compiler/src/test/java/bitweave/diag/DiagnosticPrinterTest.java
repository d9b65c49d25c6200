package bitweave.diag;

import bitweave.ir.SourceLoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
