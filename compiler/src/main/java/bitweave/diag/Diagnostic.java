package bitweave.diag;

import bitweave.ir.SourceLoc;

/**
 * One error or warning. {@code loc} may be null for errors that have no source position (a missing
 * tool, an unwritable directory); they print as {@code bitweave: error: ...}.
 */
public record Diagnostic(Severity severity, ErrorCode code, SourceLoc loc, String message) {
    public enum Severity { ERROR, WARNING, NOTE }

    public static Diagnostic error(ErrorCode code, SourceLoc loc, String message) {
        return new Diagnostic(Severity.ERROR, code, loc, message);
    }

    /** @param code a warning code ({@code W....}) */
    public static Diagnostic warning(ErrorCode code, SourceLoc loc, String message) {
        if (!code.isWarning()) {
            throw new IllegalArgumentException(code + " is an error code, not a warning code");
        }
        return new Diagnostic(Severity.WARNING, code, loc, message);
    }

    /** This warning as an error (for --Werror); the code stays, so the message still says what it is. */
    public Diagnostic asError() {
        return new Diagnostic(Severity.ERROR, code, loc, message);
    }
}
