package bitweave.cosim;

import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds external tools on a PATH taken from an explicit environment map (not the JVM's), so tests can
 * run with a PATH that lacks a tool and check the error a user would see.
 */
public final class ToolLocator {
    private final Map<String, String> env;

    public ToolLocator(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** The first executable regular file named {@code tool} in the PATH directories, if any. */
    public Optional<Path> find(String tool) {
        String path = env.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            // Absolute: tools run with another working directory, where a relative PATH entry means nothing.
            Path candidate = Path.of(dir, tool).toAbsolutePath();
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Like {@link #find} but a missing tool is the user's to fix.
     *
     * @throws UserError {@link ErrorCode#TOOL_MISSING} naming the tool and how to install it
     */
    public Path require(String tool, String installHint) {
        return find(tool).orElseThrow(() -> new UserError(ErrorCode.TOOL_MISSING,
                tool + " not found on PATH; " + installHint));
    }

    /** The environment the tools are run with. */
    public Map<String, String> env() {
        return env;
    }
}
