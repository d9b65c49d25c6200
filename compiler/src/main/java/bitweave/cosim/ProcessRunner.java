package bitweave.cosim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs an external program with an explicit environment, stdout and stderr merged, handing each output
 * line to a consumer as it appears (read on the calling thread, so the child can never block on a
 * full pipe).
 */
final class ProcessRunner {
    private ProcessRunner() {
    }

    /** Runs {@code command} in {@code dir} and returns its exit status. */
    static int run(List<String> command, Path dir, Map<String, String> env, Consumer<String> lines) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            // e.g. a cache on a noexec mount, or a tool removed since it was found: the user can act on it.
            throw new bitweave.diag.UserError(bitweave.diag.ErrorCode.TOOL_FAILED,
                    "cannot start " + command.get(0) + ": " + bitweave.diag.IoReason.of(e));
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.accept(line);
            }
            return p.waitFor();
        } catch (IOException e) {
            p.destroyForcibly();
            throw new UncheckedIOException("reading output of " + command.get(0), e);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
