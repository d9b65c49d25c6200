package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.ir.ArraySpec;
import bitweave.ir.PeSpec;
import bitweave.parse.Decl;
import bitweave.units.UnitKind;
import bitweave.units.UnitKinds;

import java.util.List;
import java.util.Map;

/**
 * Phase 2c, arrays: resolves the kind (from {@link UnitKinds#ALL}) and the PE, checks the argument
 * count, then hands the rest to the kind's own rules ({@link UnitKind#check}).
 */
final class ArrayChecker {
    private final Scope scope;
    private final Map<String, PeSpec> checkedPes;
    private final ArrayContext ctx;

    /** @param checkedPes the PEs that passed their checks, by name */
    ArrayChecker(Scope scope, Map<String, PeSpec> checkedPes, ArrayContext ctx) {
        this.scope = scope;
        this.checkedPes = checkedPes;
        this.ctx = ctx;
    }

    /** @return the array, or null if an error was reported (or its PE had errors) */
    ArraySpec check(Decl.Array decl) {
        Reporter reporter = ctx.reporter();
        UnitKind kind = UnitKinds.named(decl.kind()).orElse(null);
        PeSpec pe = kind == null || kind.ofNamesPe() ? resolvePe(decl, reporter) : null;
        if (kind == null) {
            List<String> names = UnitKinds.ALL.stream().map(UnitKind::dslName).toList();
            reporter.error(ErrorCode.UNKNOWN_ARRAY_KIND, decl.kindLoc(), "unknown array kind '" + decl.kind()
                    + "'; expected " + MemberSet.oneOf(names));
            return null;
        }
        int expected = kind.argNames().size();
        if (decl.args().size() != expected) {
            reporter.error(ErrorCode.WRONG_ARGUMENT_COUNT, decl.kindLoc(), kind.dslName() + " takes " + expected
                    + (expected == 1 ? " argument" : " arguments") + " (" + String.join(", ", kind.argNames())
                    + "), got " + decl.args().size());
            decl.args().forEach(ctx.evaluator()::eval); // errors inside the arguments are still worth reporting
            return null;
        }
        if (pe != null && pe.hasBlockOperands() && !kind.takesBlockOperands()) {
            List<String> taking = UnitKinds.ALL.stream().filter(UnitKind::takesBlockOperands).map(UnitKind::dslName).toList();
            reporter.error(ErrorCode.OPTION_NOT_APPLICABLE, decl.peLoc(), "PE '" + pe.name() + "' has block-format"
                    + " operands (" + pe.blocks().a().name() + " x " + pe.blocks().b().name() + "); this version builds"
                    + " them in " + String.join(", ", taking.subList(0, taking.size() - 1)) + " and " + taking.get(taking.size() - 1) + ", not in " + kind.dslName());
            decl.args().forEach(ctx.evaluator()::eval);
            return null;
        }
        if (pe != null && pe.accLeftOut() && !kind.derivesAcc()) {
            List<String> deriving = UnitKinds.ALL.stream().filter(UnitKind::derivesAcc).map(UnitKind::dslName).toList();
            reporter.error(ErrorCode.MISSING_MEMBER, pe.loc(), "pe '" + pe.name() + "' has no 'acc', which "
                    + kind.dslName() + " '" + decl.name() + "' needs; add e.g. 'acc : int32 wrap' (only "
                    + String.join(" and ", deriving) + " derive" + (deriving.size() == 1 ? "s" : "")
                    + " an exact accumulator when it is left out)");
            decl.args().forEach(ctx.evaluator()::eval);
            return null;
        }
        return kind.check(decl, pe, ctx);
    }

    private PeSpec resolvePe(Decl.Array decl, Reporter reporter) {
        Decl named = scope.declaration(decl.pe());
        if (named instanceof Decl.Pe) {
            return checkedPes.get(decl.pe()); // null when the PE had errors: already reported
        }
        if (scope.isDuplicated(decl.pe())) {
            return null; // "declared twice" is already reported; which one was meant is unknowable
        }
        String what = named == null ? "unknown pe '" + decl.pe() + "'"
                : "'" + decl.pe() + "' is a " + named.keyword() + ", not a pe";
        reporter.error(ErrorCode.UNKNOWN_PE, decl.peLoc(), what + " after 'of' in array '" + decl.name() + "'");
        return null;
    }
}
