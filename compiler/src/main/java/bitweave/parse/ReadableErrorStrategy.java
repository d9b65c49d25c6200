package bitweave.parse;

import bitweave.parse.antlr.BitweaveLexer;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;

/**
 * ANTLR's recovery (single-token insertion/deletion, resynchronization) with messages in the user's
 * words: "unexpected name 'x'; expected '=' " instead of "mismatched input 'x' expecting '='".
 */
final class ReadableErrorStrategy extends DefaultErrorStrategy {
    private final SyntaxErrorCollector errors;

    ReadableErrorStrategy(SyntaxErrorCollector errors) {
        this.errors = errors;
    }

    /** An error the collector would drop anyway is not worded (the expected-token sets cost time). */
    private boolean shadowed(Token found) {
        return errors.shadowed(found.getLine(), found.getCharPositionInLine());
    }

    /**
     * Never "recover" by deleting a line break: it ends a statement, so deleting it glues the next line
     * onto the broken one and produces a second, misleading error there.
     */
    @Override
    protected Token singleTokenDeletion(Parser parser) {
        if (parser.getCurrentToken().getType() == BitweaveLexer.NL) {
            return null;
        }
        return super.singleTokenDeletion(parser);
    }

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        Token found = e.getOffendingToken();
        if (shadowed(found)) {
            return;
        }
        parser.notifyErrorListeners(found, "unexpected " + TokenNames.found(found), e);
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        Token found = e.getOffendingToken();
        if (shadowed(found)) {
            return;
        }
        parser.notifyErrorListeners(found, "unexpected " + TokenNames.found(found) + "; expected "
                + TokenNames.expected(e.getExpectedTokens(), parser.getVocabulary()), e);
    }

    @Override
    protected void reportUnwantedToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token found = parser.getCurrentToken();
        if (shadowed(found)) {
            return;
        }
        parser.notifyErrorListeners(found, "unexpected " + TokenNames.found(found) + "; expected "
                + TokenNames.expected(getExpectedTokens(parser), parser.getVocabulary()), null);
    }

    @Override
    protected void reportMissingToken(Parser parser) {
        if (inErrorRecoveryMode(parser)) {
            return;
        }
        beginErrorCondition(parser);
        Token found = parser.getCurrentToken();
        if (shadowed(found)) {
            return;
        }
        parser.notifyErrorListeners(found, "missing " + TokenNames.expected(getExpectedTokens(parser),
                parser.getVocabulary()) + " before " + TokenNames.found(found), null);
    }
}
