package bitweave.parse;

import bitweave.diag.ErrorCode;
import bitweave.parse.antlr.BitweaveLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.LexerNoViableAltException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The generated lexer plus the two things a grammar alone says badly:
 * <ul>
 *   <li>a block comment that spans lines becomes one NL token, so it ends a statement just like the
 *       line breaks it contains (a one-line block comment stays invisible);</li>
 *   <li>lexical errors become diagnostics with our own wording and codes.</li>
 * </ul>
 */
final class BitweaveTokenizer extends BitweaveLexer {
    private final SyntaxErrorCollector errors;

    BitweaveTokenizer(CharStream input, SyntaxErrorCollector errors) {
        super(input);
        this.errors = errors;
        removeErrorListeners();
    }

    @Override
    public Token nextToken() {
        Token token = super.nextToken();
        if (token.getType() == BLOCK_COMMENT && spansLines(token.getText())) {
            CommonToken lineBreak = new CommonToken(token);
            lineBreak.setType(NL);
            lineBreak.setChannel(Token.DEFAULT_CHANNEL);
            return lineBreak;
        }
        if (token.getType() == UNTERMINATED_COMMENT) {
            errors.report(ErrorCode.UNTERMINATED_COMMENT, token.getLine(), token.getCharPositionInLine(),
                    "unterminated block comment: '/*' has no matching '*/'");
            return super.nextToken(); // the comment ran to the end of the file: this is EOF
        }
        return token;
    }

    @Override
    public void notifyListeners(LexerNoViableAltException e) {
        String text = _input.getText(Interval.of(_tokenStartCharIndex, _input.index()));
        errors.report(ErrorCode.UNEXPECTED_CHARACTER, _tokenStartLine, _tokenStartCharPositionInLine,
                "unexpected character " + TokenNames.quoteText(text));
    }

    private static boolean spansLines(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }
}
