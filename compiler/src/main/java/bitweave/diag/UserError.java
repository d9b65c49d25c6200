package bitweave.diag;

import java.util.List;

/**
 * Thrown when a run must stop because of the user's input or environment (not a compiler bug). The CLI
 * prints the diagnostics and exits with code 1; no stack trace is shown unless --verbose.
 */
public final class UserError extends RuntimeException {
    private final transient List<Diagnostic> diagnostics;

    public UserError(List<Diagnostic> diagnostics) {
        super(diagnostics.isEmpty() ? "user error" : diagnostics.get(0).message());
        this.diagnostics = List.copyOf(diagnostics);
    }

    public UserError(ErrorCode code, String message) {
        this(List.of(Diagnostic.error(code, null, message)));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
