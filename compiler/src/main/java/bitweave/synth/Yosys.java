package bitweave.synth;

import bitweave.cosim.ToolLocator;
import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** One Yosys installation, found on the PATH of an explicit environment (tests pass one without it). */
public final class Yosys {
    static final String INSTALL_HINT = "install Yosys (Debian/Ubuntu: apt-get install yosys)";
    /** Lines of a failed run's log shown in the error message. */
    private static final int TAIL_LINES = 12;

    private final Path executable;
    private final Map<String, String> env;

    private Yosys(Path executable, Map<String, String> env) {
        this.executable = executable;
        this.env = env;
    }

    /** @throws UserError {@link ErrorCode#TOOL_MISSING} when {@code yosys} is not on the PATH of {@code env} */
    public static Yosys locate(Map<String, String> env) {
        ToolLocator tools = new ToolLocator(env);
        return new Yosys(tools.require("yosys", INSTALL_HINT), tools.env());
    }

    /** The version line, e.g. {@code Yosys 0.23 (git sha1 7ce5011c24b)}. */
    public String version() {
        try {
            Path scratch = Files.createTempDirectory("bitweave-yosys-");
            try {
                Run r = exec(scratch, List.of(executable.toString(), "-V"), scratch.resolve("version.log"));
                return r.log().strip();
            } finally {
                bitweave.output.FileTrees.deleteQuietly(scratch);
            }
        } catch (IOException e) {
            throw new UserError(ErrorCode.YOSYS_FAILED, "cannot run yosys -V: " + IoReason.of(e));
        }
    }

    /** Exit status and the whole log of one script run. */
    public record Run(int exit, String log, Path logFile) {
        /** The last lines of the log, for an error message. */
        String tail() {
            List<String> lines = log.strip().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        }
    }

    /**
     * Runs {@code script} (a .ys file in {@code dir}) with {@code dir} as the working directory, quietly
     * (-q), logging everything to {@code log} in {@code dir}. Yosys exits 1 both on errors and on a failed
     * {@code sat -verify}; the caller reads the log to tell them apart.
     */
    public Run script(Path dir, String script, String log) {
        return exec(dir, List.of(executable.toString(), "-q", "-l", log, "-s", script), dir.resolve(log));
    }

    /** A run that must succeed; otherwise E0901 with the tail of the log and its path. */
    Run scriptOk(Path dir, String script, String log, String what) {
        Run r = script(dir, script, log);
        if (r.exit() != 0) {
            throw failed(r, what);
        }
        return r;
    }

    static UserError failed(Run r, String what) {
        return new UserError(ErrorCode.YOSYS_FAILED, "Yosys failed " + what + " (exit " + r.exit() + "); last lines of "
                + r.logFile() + ":\n" + r.tail().indent(2).stripTrailing());
    }

    private Run exec(Path dir, List<String> command, Path logFile) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            // With -q Yosys prints only warnings and errors on the console; the -l log has everything.
            String console = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = p.waitFor();
            String log = Files.isRegularFile(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : console;
            if (!log.contains(console.strip())) {
                log = log + "\n" + console;
            }
            return new Run(exit, log, logFile);
        } catch (IOException e) {
            throw new UserError(ErrorCode.YOSYS_FAILED, "cannot run " + executable + ": " + IoReason.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running yosys", e);
        }
    }
}
