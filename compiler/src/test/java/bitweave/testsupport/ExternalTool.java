package bitweave.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool (Verilator, Yosys, Icarus, javac) for a test. The tools are required: a tool
 * that cannot start or does not finish in two minutes fails the test instead of skipping it.
 */
public final class ExternalTool {
    /** Exit status and the merged stdout/stderr of one run. */
    public record Result(int exit, String output) {
    }

    private ExternalTool() {
    }

    /** Runs {@code command} in {@code cwd} with {@code env} added to the environment. */
    public static Result run(Path cwd, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new AssertionError("required tool not runnable: " + command.get(0) + " (" + e.getMessage() + ")", e);
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command.get(0) + " did not finish");
        }
        return new Result(p.exitValue(), output);
    }

    /** Like {@link #run}, and fails the test unless the tool exits 0; returns its output. */
    public static String ok(Path cwd, Map<String, String> env, List<String> command)
            throws IOException, InterruptedException {
        Result r = run(cwd, env, command);
        assertEquals(0, r.exit(), "in " + cwd + (env.isEmpty() ? "" : " with " + env) + ": "
                + String.join(" ", command) + "\n" + r.output());
        return r.output();
    }
}
