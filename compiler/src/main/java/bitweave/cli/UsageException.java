package bitweave.cli;

/** A command line that is well-formed for the parser but wrong for the command (exit code 2). */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
