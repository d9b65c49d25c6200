package bitweave.parse;

import bitweave.ir.SourceLoc;

import java.math.BigInteger;
import java.util.List;

/**
 * An integer expression as written. Literals keep their exact value; the checker detects overflow.
 * The tree is only as deep as the parentheses and unary minus nest (at most
 * {@link NestingLimitParser#MAX_NESTING} levels): a run of operators of one precedence level, however
 * long, is one flat {@link Chain}, so code that walks expressions may recurse without risk.
 */
public sealed interface Expr permits Expr.IntLit, Expr.NameRef, Expr.Negate, Expr.Chain {

    /** Where the expression starts (for a chain: where its first operator is written). */
    SourceLoc loc();

    /**
     * A decimal literal, kept as written: the checker only needs to know whether it fits in 64 bits, and
     * turning a million digits into a BigInteger takes (quadratic) seconds.
     *
     * @param digits the decimal digits as written (leading zeros included)
     */
    record IntLit(String digits, SourceLoc loc) implements Expr {
        /** The exact value (for tests and tools; the checker uses {@link #asLong}). */
        public BigInteger value() {
            return new BigInteger(digits);
        }

        /** The value, or null when it does not fit in a 64-bit signed integer. */
        public Long asLong() {
            String significant = digits.replaceFirst("^0+(?=.)", "");
            if (significant.length() > 19) {
                return null;
            }
            BigInteger v = new BigInteger(significant);
            return v.bitLength() < 64 ? v.longValueExact() : null;
        }
    }

    /** A bare name: a parameter reference in arithmetic, or a keyword-like word such as {@code wrap}. */
    record NameRef(String name, SourceLoc loc) implements Expr {
    }

    record Negate(Expr operand, SourceLoc loc) implements Expr {
    }

    /**
     * Operators of one precedence level, left-associative: {@code a - b + c} is {@code first = a},
     * steps {@code (- b)}, {@code (+ c)}, computed left to right. An operand of higher precedence is its
     * own expression: {@code a + b * c} is {@code a}, step {@code (+ Chain(b, (* c)))}.
     *
     * @param steps at least one
     */
    record Chain(Expr first, List<Step> steps) implements Expr {
        public Chain {
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("a chain has at least one operator");
            }
        }

        @Override
        public SourceLoc loc() {
            return steps.get(0).loc();
        }
    }

    /**
     * One operator of a chain and its right operand.
     *
     * @param op  one of {@code + - * /}
     * @param loc where the operator is written
     */
    record Step(char op, Expr operand, SourceLoc loc) {
    }
}
