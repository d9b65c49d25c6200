package bitweave.check;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.SourceLoc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the diagnostics of one front-end run. Phases report into it and keep going, so one run
 * shows as many independent errors as possible; {@link #stopIfErrors()} ends the run between phases.
 * Warnings are collected alongside; they never stop a run. A failed run's UserError carries them
 * too, so the user sees them next to the errors.
 */
final class Reporter {
    /** Command-line errors (no location) first, then file order. The sort is stable. */
    private static final Comparator<Diagnostic> ORDER = Comparator
            .comparingInt((Diagnostic d) -> d.loc() == null ? 0 : 1)
            .thenComparingInt(d -> d.loc() == null ? 0 : d.loc().line())
            .thenComparingInt(d -> d.loc() == null ? 0 : d.loc().col());

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    void error(ErrorCode code, SourceLoc loc, String message) {
        diagnostics.add(Diagnostic.error(code, loc, message));
    }

    /** @param code a warning code ({@code W....}) */
    void warning(ErrorCode code, SourceLoc loc, String message) {
        diagnostics.add(Diagnostic.warning(code, loc, message));
    }

    void addAll(List<Diagnostic> more) {
        diagnostics.addAll(more);
    }

    boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Diagnostic.Severity.ERROR);
    }

    /** The warnings so far, in order. */
    List<Diagnostic> warnings() {
        return sorted().stream().filter(d -> d.severity() == Diagnostic.Severity.WARNING).toList();
    }

    /** Throws a UserError carrying every diagnostic so far (warnings too), in order, if there is an error. */
    void stopIfErrors() {
        if (hasErrors()) {
            throw new UserError(sorted());
        }
    }

    private List<Diagnostic> sorted() {
        List<Diagnostic> sorted = new ArrayList<>(diagnostics);
        sorted.sort(ORDER);
        return sorted;
    }
}
