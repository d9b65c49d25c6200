package bitweave.parse;

import bitweave.parse.antlr.BitweaveParser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/**
 * The generated parser with a limit on how deeply expressions nest (and greedy operator loops, see
 * {@link GreedyOperatorPrediction}). The parser (and everything that
 * walks the AST after it) recurses once per level of parentheses or unary minus, so without a limit a
 * file of 10,000 '(' would overflow the Java stack. Operator chains ({@code 1 + 1 + ... + 1}) are not
 * nesting: the grammar reads them in a loop, so they have no limit.
 */
final class NestingLimitParser extends BitweaveParser {
    /** The most levels of parentheses and unary minus an expression may nest (documented in LANGUAGE.md). */
    static final int MAX_NESTING = 256;

    /** Thrown when an expression opens nesting level MAX_NESTING + 1; ends the parse. */
    static final class TooDeep extends RuntimeException {
        private final transient Token opener;

        TooDeep(Token opener) {
            super("expression nests more than " + MAX_NESTING + " levels", null, false, false);
            this.opener = opener;
        }

        /** The '(' or '-' that opened the level beyond the limit. */
        Token opener() {
            return opener;
        }
    }

    /**
     * How many {@code factor}s are being parsed, one inside the other. An expression's outermost
     * factor is the first; each '(' and each unary '-' starts one more inside it, so this count minus
     * one is the nesting level.
     */
    private int openFactors;

    NestingLimitParser(TokenStream input) {
        super(input);
        _interp = new GreedyOperatorPrediction(this, _ATN, _decisionToDFA, _sharedContextCache);
    }

    @Override
    public void enterRule(ParserRuleContext localctx, int state, int ruleIndex) {
        if (ruleIndex == RULE_factor) {
            openFactors++;
            if (openFactors - 1 > MAX_NESTING) {
                // the '(' or '-' just read opened this factor
                throw new TooDeep(_input.LT(-1));
            }
        }
        super.enterRule(localctx, state, ruleIndex);
    }

    @Override
    public void exitRule() {
        if (_ctx.getRuleIndex() == RULE_factor) {
            openFactors--;
        }
        super.exitRule();
    }
}
