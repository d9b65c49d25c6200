package bitweave.parse;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.parse.antlr.BitweaveParser;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;

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
        BitweaveParser parser = new NestingLimitParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(errors);
        parser.setErrorHandler(new ReadableErrorStrategy(errors));
        BitweaveParser.FileContext tree;
        try {
            tree = parser.file();
        } catch (NestingLimitParser.TooDeep e) {
            Token at = e.opener();
            errors.report(ErrorCode.NESTING_TOO_DEEP, at.getLine(), at.getCharPositionInLine(),
                    "expression nests more than " + NestingLimitParser.MAX_NESTING
                            + " levels of parentheses and unary minus; the parse stops here");
            return new Result(null, errors.diagnostics());
        }
        List<Diagnostic> diagnostics = errors.diagnostics();
        if (!diagnostics.isEmpty()) {
            return new Result(null, diagnostics);
        }
        return new Result(new AstBuilder(displayPath).file(tree), List.of());
    }
}
