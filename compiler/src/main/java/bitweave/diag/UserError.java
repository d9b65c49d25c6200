package bitweave.diag;

import java.util.List;

/**
 * Thrown when a run must stop because of the user's input or environment (not a compiler bug). The CLI
 * prints the diagnostics and exits with code 1; no stack trace is shown unless --verbose. The
 * diagnostics may include warnings found before the run stopped.
 */
public final class UserError extends RuntimeException {
    private final transient List<Diagnostic> diagnostics;
    private final int maxErrors;

    public UserError(List<Diagnostic> diagnostics) {
        this(diagnostics, -1);
    }

    public UserError(ErrorCode code, String message) {
        this(List.of(Diagnostic.error(code, null, message)));
    }

    private UserError(List<Diagnostic> diagnostics, int maxErrors) {
        super(diagnostics.isEmpty() ? "user error" : diagnostics.get(0).message());
        this.diagnostics = List.copyOf(diagnostics);
        this.maxErrors = maxErrors;
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** The same error, to be printed with at most {@code maxErrors} errors shown (the run's --max-errors; 0 = all). */
    public UserError withMaxErrors(int maxErrors) {
        return new UserError(diagnostics, maxErrors);
    }

    /** The --max-errors the run asked for, or -1 when it did not say (the printer's default applies). */
    public int maxErrors() {
        return maxErrors;
    }
}
