package bitweave.parse;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.ir.SourceLoc;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns ANTLR's syntax errors into Diagnostics (instead of ANTLR's default printing to stderr).
 * ANTLR recovers after most errors, so one run can report several; two reports at the same position
 * are one problem seen twice by the recovery and are kept once.
 */
final class SyntaxErrorCollector extends BaseErrorListener {
    private final String displayPath;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> seenPositions = new HashSet<>();

    SyntaxErrorCollector(String displayPath) {
        this.displayPath = displayPath;
    }

    /** Called by the parser (through its error strategy, which already wrote a readable message). */
    @Override
    public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int charPositionInLine,
                            String msg, RecognitionException e) {
        report(ErrorCode.SYNTAX, line, charPositionInLine, msg);
    }

    /** @param antlrColumn ANTLR's 0-based column; diagnostics are 1-based */
    void report(ErrorCode code, int line, int antlrColumn, String message) {
        if (seenPositions.add(line + ":" + antlrColumn)) {
            diagnostics.add(Diagnostic.error(code, new SourceLoc(displayPath, line, antlrColumn + 1), message));
        }
    }

    List<Diagnostic> diagnostics() {
        return List.copyOf(diagnostics);
    }
}
