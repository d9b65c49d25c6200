package bitweave.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * A file or directory named on the command line. Every command turns such a string into a Path here,
 * so an empty string or one the operating system cannot use as a path (a NUL character) is a usage
 * error naming the option, never an exception deeper down.
 */
final class PathArgument {
    private PathArgument() {
    }

    /**
     * @param what  how the argument is named in the message, e.g. "-o" or "--trace" or "the design file"
     * @param value the argument as typed
     */
    static Path of(String what, String value) throws UsageException {
        if (value.isEmpty()) {
            throw new UsageException(what + ": the path is empty");
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(what + " " + shown(value) + ": not a usable path (" + e.getReason() + ")");
        }
    }

    /**
     * True when the argument names a directory by its spelling alone: it ends in a separator or its
     * last part is "." or "..". (Path.of drops a trailing '/', so this must look at the text.)
     */
    static boolean spelledAsDirectory(String value) {
        return value.endsWith("/") || value.endsWith(java.io.File.separator) || value.equals(".") || value.equals("..")
                || value.endsWith("/.") || value.endsWith("/..");
    }

    /** The argument with control characters made visible (a NUL would otherwise vanish on a terminal). */
    static String shown(String value) {
        StringBuilder sb = new StringBuilder();
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return sb.toString();
    }
}
