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
}
