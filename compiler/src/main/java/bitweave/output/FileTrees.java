package bitweave.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Removing temporary folders (staging, scratch RTL, Verilator work) without masking the real outcome. */
public final class FileTrees {
    private FileTrees() {
    }

    /**
     * Deletes {@code dir} and everything below it; null or missing is fine. Failures are ignored: this
     * runs in finally blocks, where an exception would replace the real result (say, a failed build's
     * message) with an internal error, and a leftover temporary folder is harmless.
     */
    public static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            List<Path> paths = walk.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            // left for the operating system's temp cleaning
        }
    }
}
