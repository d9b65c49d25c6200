package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.ir.SourceLoc;
import bitweave.parse.Decl;
import bitweave.parse.Expr;


/**
 * Computes integer expressions in 64-bit signed arithmetic. Any overflow, division by zero or
 * unknown name is reported and the result is null ("no value"); a null operand makes the whole
 * expression null without a second report. Division truncates toward zero.
 */
final class ExprEvaluator {
    private final Scope scope;
    private final Reporter reporter;

    ExprEvaluator(Scope scope, Reporter reporter) {
        this.scope = scope;
        this.reporter = reporter;
    }

    /** @return the value, or null when an error was reported (or an operand already failed) */
    Long eval(Expr expr) {
        if (expr instanceof Expr.IntLit lit) {
            Long value = lit.asLong();
            if (value == null) {
                reporter.error(ErrorCode.INTEGER_OVERFLOW, lit.loc(),
                        "integer literal " + shortened(lit.digits()) + " does not fit in 64 bits (largest is " + Long.MAX_VALUE + ")");
            }
            return value;
        }
        if (expr instanceof Expr.NameRef ref) {
            return lookUp(ref);
        }
        if (expr instanceof Expr.Negate neg) {
            Long v = eval(neg.operand());
            if (v == null) {
                return null;
            }
            if (v == Long.MIN_VALUE) {
                return overflow(neg.loc(), "-(" + v + ")");
            }
            return -v;
        }
        return chain((Expr.Chain) expr);
    }

    /** Left to right; every operand is evaluated (and its errors reported) even after one failed. */
    private Long chain(Expr.Chain chain) {
        Long value = eval(chain.first());
        for (Expr.Step step : chain.steps()) {
            Long operand = eval(step.operand());
            value = value == null || operand == null ? null : apply(step, value, operand);
        }
        return value;
    }

    private Long apply(Expr.Step step, long l, long r) {
        String text = l + " " + step.op() + " " + r;
        try {
            switch (step.op()) {
                case '+':
                    return Math.addExact(l, r);
                case '-':
                    return Math.subtractExact(l, r);
                case '*':
                    return Math.multiplyExact(l, r);
                case '/':
                    if (r == 0) {
                        reporter.error(ErrorCode.DIVISION_BY_ZERO, step.loc(), "division by zero in " + text);
                        return null;
                    }
                    if (l == Long.MIN_VALUE && r == -1) {
                        return overflow(step.loc(), text);
                    }
                    return l / r;
                default:
                    throw new IllegalStateException("operator not handled by ExprEvaluator: " + step.op());
            }
        } catch (ArithmeticException e) {
            return overflow(step.loc(), text);
        }
    }

    /** The literal as written, or its first digits and its length when it is absurdly long. */
    private static String shortened(String digits) {
        return digits.length() <= 40 ? digits : digits.substring(0, 20) + "... (" + digits.length() + " digits)";
    }

    private Long overflow(SourceLoc at, String text) {
        reporter.error(ErrorCode.INTEGER_OVERFLOW, at, "integer overflow: " + text + " does not fit in 64 bits");
        return null;
    }

    private Long lookUp(Expr.NameRef ref) {
        String name = ref.name();
        if (scope.isResolved(name)) {
            return scope.valueOf(name);
        }
        if (scope.isFailed(name) || scope.isDuplicated(name)) {
            return null;
        }
        Decl decl = scope.declaration(name);
        if (decl instanceof Decl.Param p) {
            reporter.error(ErrorCode.PARAM_USED_BEFORE_DECLARATION, ref.loc(),
                    "parameter '" + name + "' is used before its declaration at line " + p.nameLoc().line()
                            + "; a parameter can only use parameters declared above it");
        } else if (decl != null) {
            reporter.error(ErrorCode.UNKNOWN_PARAM, ref.loc(),
                    "'" + name + "' is a " + decl.keyword() + ", not a parameter; a number is needed here");
        } else {
            reporter.error(ErrorCode.UNKNOWN_PARAM, ref.loc(), "unknown parameter '" + name + "'");
        }
        return null;
    }
}
