package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.parse.Decl;
import bitweave.parse.Expr;

import java.math.BigInteger;

/**
 * Computes integer expressions in 64-bit signed arithmetic. Any overflow, division by zero or
 * unknown name is reported and the result is null ("no value"); a null operand makes the whole
 * expression null without a second report. Division truncates toward zero.
 */
final class ExprEvaluator {
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final Scope scope;
    private final Reporter reporter;

    ExprEvaluator(Scope scope, Reporter reporter) {
        this.scope = scope;
        this.reporter = reporter;
    }

    /** @return the value, or null when an error was reported (or an operand already failed) */
    Long eval(Expr expr) {
        if (expr instanceof Expr.IntLit lit) {
            if (lit.value().compareTo(LONG_MAX) > 0) {
                reporter.error(ErrorCode.INTEGER_OVERFLOW, lit.loc(),
                        "integer literal " + lit.value() + " does not fit in 64 bits (largest is " + Long.MAX_VALUE + ")");
                return null;
            }
            return lit.value().longValueExact();
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
                return overflow(neg, "-(" + v + ")");
            }
            return -v;
        }
        Expr.Binary bin = (Expr.Binary) expr;
        Long l = eval(bin.left());
        Long r = eval(bin.right());
        if (l == null || r == null) {
            return null;
        }
        return apply(bin, l, r);
    }

    private Long apply(Expr.Binary bin, long l, long r) {
        String text = l + " " + bin.op() + " " + r;
        try {
            switch (bin.op()) {
                case '+':
                    return Math.addExact(l, r);
                case '-':
                    return Math.subtractExact(l, r);
                case '*':
                    return Math.multiplyExact(l, r);
                case '/':
                    if (r == 0) {
                        reporter.error(ErrorCode.DIVISION_BY_ZERO, bin.loc(), "division by zero in " + text);
                        return null;
                    }
                    if (l == Long.MIN_VALUE && r == -1) {
                        return overflow(bin, text);
                    }
                    return l / r;
                default:
                    throw new IllegalStateException("operator not handled by ExprEvaluator: " + bin.op());
            }
        } catch (ArithmeticException e) {
            return overflow(bin, text);
        }
    }

    private Long overflow(Expr at, String text) {
        reporter.error(ErrorCode.INTEGER_OVERFLOW, at.loc(), "integer overflow: " + text + " does not fit in 64 bits");
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
