package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.ir.SourceLoc;
import bitweave.parse.Expr;
import bitweave.parse.Member;

import java.util.List;
import java.util.Map;

/**
 * What a unit kind ({@code bitweave.units.UnitKind#check}) needs while checking an array: evaluation,
 * reporting, member sets, and where values came from.
 */
public final class ArrayContext {
    private final ExprEvaluator evaluator;
    private final Reporter reporter;
    private final Map<String, Long> overrides;

    ArrayContext(ExprEvaluator evaluator, Reporter reporter, Map<String, Long> overrides) {
        this.evaluator = evaluator;
        this.reporter = reporter;
        this.overrides = overrides;
    }

    Reporter reporter() {
        return reporter;
    }

    ExprEvaluator evaluator() {
        return evaluator;
    }

    /** Evaluates an expression; null if an error was reported. */
    public Long eval(Expr expr) {
        return evaluator.eval(expr);
    }

    /** Reports an error in the design. */
    public void error(ErrorCode code, SourceLoc loc, String message) {
        reporter.error(code, loc, message);
    }

    /**
     * The members of a body, checked against the names its owner accepts (see {@link MemberSet}).
     *
     * @param owner how the owner is named in messages, e.g. "systolic array 'top'"
     */
    public MemberSet members(List<Member> members, List<String> allowed, String owner, SourceLoc ownerLoc) {
        return new MemberSet(members, allowed, owner, ownerLoc, reporter);
    }

    /**
     * Evaluates a size-like argument and checks it against lo..hi.
     *
     * @param what   how the value is named in the message, e.g. "systolic ROWS"
     * @param code   the code for an out-of-range value
     * @return the value, or null if an error was reported
     */
    public Long inRange(Expr expr, String what, long lo, long hi, ErrorCode code) {
        return inRange(expr, what, lo, hi, code, "");
    }

    /** @param note appended to the message, e.g. why the range is what it is */
    public Long inRange(Expr expr, String what, long lo, long hi, ErrorCode code, String note) {
        Long v = evaluator.eval(expr);
        if (v == null) {
            return null;
        }
        if (v < lo || v > hi) {
            reporter.error(code, expr.loc(), what + " = " + v + origin(expr) + " is outside " + lo + ".." + hi + note);
            return null;
        }
        return v;
    }

    /** " (from -P ROWS=100)" when the value is exactly an overridden parameter: says where a surprise came from. */
    private String origin(Expr expr) {
        if (expr instanceof Expr.NameRef ref && overrides.containsKey(ref.name())) {
            return " (from the command line, -P " + ref.name() + "=" + overrides.get(ref.name()) + ")";
        }
        if (expr instanceof Expr.NameRef ref) {
            return " (parameter " + ref.name() + ")";
        }
        return "";
    }
}
