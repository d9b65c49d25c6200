package bitweave.output;

import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One generated file that a tool other than Bitweave writes (the co-simulation trace, written by the
 * harness), under the same rules as {@link OutputWriter}: a directory is never a target, a file may be
 * replaced only when Bitweave generated it (provenance marker in its first lines), and the new file is
 * written beside the target under a temporary name and renamed over it in one step, so a failed run
 * leaves the earlier file as it was.
 *
 * <p>Use: {@link #checkTarget} early (before a long build), {@link #stage} for the file to write,
 * {@link #publish} once it is complete, and delete the staged file in a finally block.
 */
public final class SingleOutputFile {
    private SingleOutputFile() {
    }

    /**
     * Refuses a target that is a directory or a file Bitweave did not write; a missing target is fine.
     *
     * @param what how the file is named in a message, e.g. "trace"
     */
    public static void checkTarget(Path target, String what) {
        if (Files.isDirectory(target)) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, what + " " + target + " is a directory; give a file name,"
                    + " e.g. " + target.resolve("run.vcd"));
        }
        if (Files.exists(target) && !OutputWriter.isGenerated(target)) {
            throw new UserError(ErrorCode.OUTPUT_FOREIGN_FILE, OutputWriter.refusal(target.toString(),
                    "choose another " + what + " file"));
        }
    }

    /**
     * Creates the target's folder if needed and returns an unused name beside the target for the new
     * file. The name is reserved by creating a file and removed again, so that the writer creates the
     * file itself with the usual permissions (a temporary file would be private to the user).
     */
    public static Path stage(Path target, String what) {
        Path folder = target.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot create the folder " + folder + " for the " + what
                    + " " + target + ": " + IoReason.of(e, folder));
        }
        try {
            Path staged = Files.createTempFile(folder, "." + target.getFileName() + ".", ".partial");
            Files.delete(staged);
            return staged;
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot write the " + what + " " + target + ": "
                    + IoReason.of(e, folder));
        }
    }

    /** Renames the complete staged file over the target (checked again: the run may have taken a while). */
    public static void publish(Path staged, Path target, String what) {
        checkTarget(target, what);
        try {
            OutputWriter.move(staged, target);
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot write the " + what + " " + target + ": "
                    + IoReason.of(e, target));
        }
    }

    /** Removes a staged file that was not published; failures are ignored (this runs in finally blocks). */
    public static void discard(Path staged) {
        if (staged == null) {
            return;
        }
        try {
            Files.deleteIfExists(staged);
        } catch (IOException e) {
            // a leftover ".partial" file is harmless and says what it is
        }
    }
}
