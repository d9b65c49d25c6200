package bitweave.parse;

import bitweave.diag.Diagnostic;
import bitweave.parse.antlr.BitweaveParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

import java.util.List;

/** Entry point of the parse phase: DSL text to AST, or syntax diagnostics. */
public final class DslParser {
    private DslParser() {
    }

    /**
     * The result of parsing.
     *
     * @param file        the AST, or null when there were syntax errors
     * @param diagnostics every syntax error found (empty when file is not null)
     */
    public record Result(SourceFile file, List<Diagnostic> diagnostics) {
        public boolean ok() {
            return file != null;
        }
    }

    /** @param displayPath the path shown in diagnostics and stored in every SourceLoc */
    public static Result parse(String text, String displayPath) {
        SyntaxErrorCollector errors = new SyntaxErrorCollector(displayPath);
        BitweaveTokenizer lexer = new BitweaveTokenizer(CharStreams.fromString(text, displayPath), errors);
        BitweaveParser parser = new BitweaveParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.setErrorHandler(new ReadableErrorStrategy());
        BitweaveParser.FileContext tree = parser.file();
        List<Diagnostic> diagnostics = errors.diagnostics();
        if (!diagnostics.isEmpty()) {
            return new Result(null, diagnostics);
        }
        return new Result(new AstBuilder(displayPath).file(tree), List.of());
    }
}
