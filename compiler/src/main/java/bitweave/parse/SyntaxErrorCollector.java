package bitweave.parse;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.ir.SourceLoc;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Turns ANTLR's syntax errors into Diagnostics (instead of ANTLR's default printing to stderr).
 * ANTLR recovers after most errors, so one run can report errors on several lines. Within one line only
 * the leftmost error is kept: what the recovery reports after it on the same line (a skipped character
 * followed by "unexpected number", or one error per '*' in {@code 1 ****}) is a consequence of the
 * first, not news, and would bury it.
 */
final class SyntaxErrorCollector extends BaseErrorListener {
    private final String displayPath;
    /** The leftmost error of each line with an error, by line number. */
    private final TreeMap<Integer, Diagnostic> firstErrorOfLine = new TreeMap<>();

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
        Diagnostic earlier = firstErrorOfLine.get(line);
        if (earlier == null || antlrColumn + 1 < earlier.loc().col()) {
            firstErrorOfLine.put(line, Diagnostic.error(code, new SourceLoc(displayPath, line, antlrColumn + 1), message));
        }
    }

    /**
     * True when an error at this position would not be kept (its line has one at or before it), so the
     * caller need not build its message: on {@code 1 ****...} that is once per '*'.
     */
    boolean shadowed(int line, int antlrColumn) {
        Diagnostic earlier = firstErrorOfLine.get(line);
        return earlier != null && earlier.loc().col() <= antlrColumn + 1;
    }

    /** The kept errors in file order. */
    List<Diagnostic> diagnostics() {
        return List.copyOf(new ArrayList<>(firstErrorOfLine.values()));
    }
}
