package bitweave.parse;

import bitweave.diag.ErrorCode;
import bitweave.diag.LineBreaks;
import bitweave.parse.antlr.BitweaveLexer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Lexer;
import org.antlr.v4.runtime.LexerNoViableAltException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The generated lexer plus the things a grammar alone says badly:
 * <ul>
 *   <li>a block comment that spans lines becomes one NL token, so it ends a statement just like the
 *       line breaks it contains (a one-line block comment stays invisible);</li>
 *   <li>lexical errors become diagnostics with our own wording and codes; a character that starts no
 *       token is reported alone and skipped, and lexing resumes right after it;</li>
 *   <li>lines are counted with {@link LineBreaks} (ANTLR counts only {@code \n}, so a file with lone
 *       {@code \r} line ends would be all "line 1").</li>
 * </ul>
 */
final class BitweaveTokenizer extends BitweaveLexer {
    private final SyntaxErrorCollector errors;

    BitweaveTokenizer(CharStream input, SyntaxErrorCollector errors) {
        super(input);
        this.errors = errors;
        removeErrorListeners();
        _interp = new LineCountingSimulator(this, _ATN, _decisionToDFA, _sharedContextCache);
    }

    @Override
    public Token nextToken() {
        Token token = super.nextToken();
        if (token.getType() == BLOCK_COMMENT && LineBreaks.containsBreak(token.getText())) {
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

    /** Names only the character the failed token started with (one code point), not what ANTLR read after it. */
    @Override
    public void notifyListeners(LexerNoViableAltException e) {
        String text = _input.getText(Interval.of(_tokenStartCharIndex, _tokenStartCharIndex));
        errors.report(ErrorCode.UNEXPECTED_CHARACTER, _tokenStartLine, _tokenStartCharPositionInLine,
                "unexpected character " + TokenNames.quoteText(text));
    }

    /**
     * Skips exactly the offending character. ANTLR's own recovery skips the character where matching
     * failed, which after a '.' (a prefix of '..') is the next one: "x.\n" would lose its line break.
     */
    @Override
    public void recover(LexerNoViableAltException e) {
        _input.seek(_tokenStartCharIndex);
        getInterpreter().setLine(_tokenStartLine);
        getInterpreter().setCharPositionInLine(_tokenStartCharPositionInLine);
        getInterpreter().consume(_input);
    }

    /** ANTLR's lexer simulator with line counting by {@link LineBreaks#endsLine}. */
    private static final class LineCountingSimulator extends LexerATNSimulator {
        LineCountingSimulator(Lexer lexer, ATN atn, DFA[] decisionToDFA, PredictionContextCache cache) {
            super(lexer, atn, decisionToDFA, cache);
        }

        @Override
        public void consume(CharStream input) {
            if (LineBreaks.endsLine(input.LA(1), input.LA(2))) {
                setLine(getLine() + 1);
                setCharPositionInLine(0);
            } else {
                setCharPositionInLine(getCharPositionInLine() + 1);
            }
            input.consume();
        }
    }
}
