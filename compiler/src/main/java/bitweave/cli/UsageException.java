package bitweave.cli;

import bitweave.diag.ErrorCode;
import java.util.Optional;

/**
 * A command line that is well-formed for the parser but wrong for the command (exit code 2). A few
 * carry an error code from the catalogue (a malformed -P is E0701), printed at the end of the line.
 */
final class UsageException extends Exception {
    private final transient ErrorCode code;

    UsageException(String message) {
        this(null, message);
    }

    UsageException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    Optional<ErrorCode> code() {
        return Optional.ofNullable(code);
    }
}
