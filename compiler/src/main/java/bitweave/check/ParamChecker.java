package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.parse.Decl;

import java.util.List;
import java.util.Map;

/**
 * Phase 2a, parameters: evaluates each {@code param} in declaration order, applies the {@code -P}
 * override, and checks the declared range. The default expression is always evaluated (an error in
 * the file is an error even when the command line replaces its value).
 */
final class ParamChecker {
    private final Scope scope;
    private final ExprEvaluator evaluator;
    private final Reporter reporter;
    private final Map<String, Long> overrides;

    ParamChecker(Scope scope, ExprEvaluator evaluator, Reporter reporter, Map<String, Long> overrides) {
        this.scope = scope;
        this.evaluator = evaluator;
        this.reporter = reporter;
        this.overrides = overrides;
    }

    void checkAll(List<Decl.Param> params) {
        for (Decl.Param p : params) {
            Long value = valueOf(p);
            if (value == null) {
                scope.fail(p.name());
            } else {
                scope.resolve(p.name(), value);
            }
        }
    }

    /** @return the parameter's value, or null if an error was reported */
    private Long valueOf(Decl.Param p) {
        Long byDefault = evaluator.eval(p.value());
        Long lo = p.hasRange() ? evaluator.eval(p.lo()) : null;
        Long hi = p.hasRange() ? evaluator.eval(p.hi()) : null;
        boolean overridden = overrides.containsKey(p.name());
        Long value = overridden ? overrides.get(p.name()) : byDefault;
        if (value == null || !p.hasRange()) {
            return value;
        }
        if (lo == null || hi == null) {
            return null; // the bound's error is already reported
        }
        if (lo > hi) {
            reporter.error(ErrorCode.EMPTY_RANGE, p.lo().loc(), "range " + lo + ".." + hi + " of parameter '"
                    + p.name() + "' is empty (the low bound is above the high bound)");
            return null;
        }
        if (value < lo || value > hi) {
            String source = overridden ? "from the command line, -P " + p.name() + "=" + value : "its default value";
            reporter.error(ErrorCode.PARAM_OUT_OF_RANGE, p.nameLoc(), "parameter " + p.name() + " = " + value
                    + " (" + source + ") is outside its range " + lo + ".." + hi);
            return null;
        }
        return value;
    }
}
