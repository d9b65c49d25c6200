package bitweave.diag;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an I/O failure into the "why" of a message, in plain words: "no such file or directory",
 * "permission denied", "not valid UTF-8 text". Every place that reports an I/O failure to the user
 * writes "cannot DO THING PATH: " + {@link #of}, so no Java class name or raw exception text (which
 * is often just the path again, or "Input length = 1") reaches a message.
 */
public final class IoReason {
    /** ProcessBuilder.start reports "Cannot run program "x": error=2, No such file or directory". */
    private static final Pattern ERRNO_TEXT = Pattern.compile(".*error=\\d+, (.+)");

    private IoReason() {
    }

    /** The reason for {@code e}; an UncheckedIOException is read through to its cause. */
    public static String of(Throwable e) {
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return of(u.getCause());
        }
        String reason = reason(e);
        // A file system error about another file than the one the message names (a staging file, a
        // parent folder) says which one, so the user can tell where the problem is.
        if (e instanceof FileSystemException fs && fs.getOtherFile() != null) {
            reason += " (" + fs.getFile() + " -> " + fs.getOtherFile() + ")";
        }
        return reason;
    }

    /**
     * Like {@link #of}, adding the file the failure is about when it is not {@code subject} itself (say,
     * a missing parent folder, or a file inside the output directory).
     */
    public static String of(Throwable e, Path subject) {
        String reason = of(e);
        if (e instanceof FileSystemException fs && fs.getFile() != null && fs.getOtherFile() == null
                && !sameFile(fs.getFile(), subject)) {
            reason += " (at " + fs.getFile() + ")";
        }
        return reason;
    }

    private static boolean sameFile(String reported, Path subject) {
        try {
            return Path.of(reported).toAbsolutePath().normalize().equals(subject.toAbsolutePath().normalize());
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String reason(Throwable e) {
        // Most specific first: these subclasses carry a file name as their message, never a reason.
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file or directory of that name already exists";
        }
        if (e instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        if (e instanceof FileSystemLoopException) {
            return "the directory tree loops back on itself (symbolic links)";
        }
        if (e instanceof NotLinkException) {
            return "not a symbolic link";
        }
        if (e instanceof CharacterCodingException) {
            // MalformedInputException ("Input length = 1") and UnmappableCharacterException.
            return "not valid UTF-8 text";
        }
        if (e instanceof EOFException) {
            return "the file ends unexpectedly";
        }
        if (e instanceof FileSystemException fs) {
            // getReason() is the operating system's text ("Not a directory", "No space left on device").
            return fs.getReason() != null ? words(fs.getReason()) : "the operation failed";
        }
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof IOException ? "input/output error" : "unexpected failure";
        }
        Matcher errno = ERRNO_TEXT.matcher(message);
        return words(errno.matches() ? errno.group(1) : message);
    }

    /** Operating-system text as part of a sentence: "No space left on device" -> "no space left on device". */
    private static String words(String text) {
        String t = text.strip();
        if (t.length() > 1 && Character.isUpperCase(t.charAt(0)) && !Character.isUpperCase(t.charAt(1))) {
            t = t.substring(0, 1).toLowerCase(Locale.ROOT) + t.substring(1);
        }
        return t;
    }
}
