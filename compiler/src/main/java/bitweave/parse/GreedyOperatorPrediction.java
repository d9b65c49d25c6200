package bitweave.parse;

import bitweave.parse.antlr.BitweaveParser;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.StarLoopEntryState;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * ANTLR's prediction, except at the operator loops of {@code expr} and {@code term}: there an operator
 * always continues the expression (the language's rule: {@code pipeline 2 -1} is {@code pipeline 1}),
 * decided from that one token.
 * <p>
 * Why: after an argument, '-' could also start the next argument of a member ({@code name expr*}).
 * ANTLR resolves that in favour of the loop too, but only after reading ahead until the two readings
 * part, which on {@code 1 + 3 - 1 + 3 - 1 ...} is the end of the line: a quadratic parse (over a
 * minute for 100,000 terms). This class gives the same answer without the look-ahead.
 */
final class GreedyOperatorPrediction extends ParserATNSimulator {
    GreedyOperatorPrediction(Parser parser, ATN atn, DFA[] decisionToDFA, PredictionContextCache cache) {
        super(parser, atn, decisionToDFA, cache);
    }

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
        DecisionState state = atn.getDecisionState(decision);
        if (state instanceof StarLoopEntryState loop && isOperatorLoop(loop)) {
            // alternative 1 enters the loop body (operator, operand); alternative 2 leaves the loop
            IntervalSet operators = atn.nextTokens(loop.transition(0).target);
            return operators.contains(input.LA(1)) ? 1 : 2;
        }
        return super.adaptivePredict(input, decision, outerContext);
    }

    private static boolean isOperatorLoop(StarLoopEntryState loop) {
        return loop.ruleIndex == BitweaveParser.RULE_expr || loop.ruleIndex == BitweaveParser.RULE_term;
    }
}
