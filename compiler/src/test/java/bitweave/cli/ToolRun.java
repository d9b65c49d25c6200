package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external tool (required: a missing tool fails the test) in a folder, with extra environment. */
final class ToolRun {
    private ToolRun() {
    }

    /** The tool's output; fails the test on a non-zero exit or a timeout. */
    static String ok(Path cwd, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
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
        assertEquals(0, p.exitValue(), "in " + cwd + " with " + env + ": " + String.join(" ", command) + "\n" + output);
        return output;
    }
}
