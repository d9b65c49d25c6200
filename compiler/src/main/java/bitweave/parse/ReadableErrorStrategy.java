package bitweave.parse;

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

    @Override
    protected void reportNoViableAlternative(Parser parser, NoViableAltException e) {
        Token found = e.getOffendingToken();
        parser.notifyErrorListeners(found, "unexpected " + TokenNames.found(found), e);
    }

    @Override
    protected void reportInputMismatch(Parser parser, InputMismatchException e) {
        Token found = e.getOffendingToken();
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
        parser.notifyErrorListeners(found, "missing " + TokenNames.expected(getExpectedTokens(parser),
                parser.getVocabulary()) + " before " + TokenNames.found(found), null);
    }
}
