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

/**
 * nextpnr-ice40 and, for a bitstream, icestorm's icepack, found on the PATH of an explicit environment (tests pass
 * one without them) and run with that environment, each with a log file of everything it printed.
 */
public final class Ice40Tools {
    static final String NEXTPNR_HINT = "install nextpnr (Debian/Ubuntu: apt-get install nextpnr-ice40)";
    static final String ICEPACK_HINT = "install icestorm (Debian/Ubuntu: apt-get install fpga-icestorm)";
    private static final int TAIL_LINES = 12;

    private final Path nextpnr;
    private final Path icepack;
    private final Map<String, String> env;

    private Ice40Tools(Path nextpnr, Path icepack, Map<String, String> env) {
        this.nextpnr = nextpnr;
        this.icepack = icepack;
        this.env = env;
    }

    /**
     * @param bitstream whether icepack is needed too
     * @throws UserError {@link ErrorCode#TOOL_MISSING} naming the missing tool and its Debian package
     */
    public static Ice40Tools locate(Map<String, String> env, boolean bitstream) {
        ToolLocator tools = new ToolLocator(env);
        Path nextpnr = tools.require("nextpnr-ice40", NEXTPNR_HINT);
        Path icepack = bitstream ? tools.require("icepack", ICEPACK_HINT) : null;
        return new Ice40Tools(nextpnr, icepack, tools.env());
    }

    /** Exit status and the whole output of one run, and the file it was logged to. */
    record Run(int exit, String log, Path logFile) {
        String tail() {
            List<String> lines = log.strip().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        }
    }

    /** The version line, e.g. {@code nextpnr-ice40 -- Next Generation Place and Route (Version 0.4-1+b1)}. */
    String nextpnrVersion(Path dir) {
        Run r = exec(dir, List.of(nextpnr.toString(), "--version"), dir.resolve("nextpnr-version.log"));
        try {
            Files.deleteIfExists(r.logFile());
        } catch (IOException e) {
            // only a scratch file left behind
        }
        return r.log().strip().lines().findFirst().orElse("nextpnr-ice40 (unknown version)");
    }

    /** Runs nextpnr-ice40 with {@code args} in {@code dir}, logging to {@code log} there. */
    Run nextpnr(Path dir, List<String> args, String log) {
        return exec(dir, concat(nextpnr.toString(), args), dir.resolve(log));
    }

    /** Runs {@code icepack asc bin} in {@code dir}. */
    Run icepack(Path dir, String asc, String bin, String log) {
        if (icepack == null) {
            throw new IllegalStateException("icepack was not located (locate with bitstream = true)");
        }
        return exec(dir, List.of(icepack.toString(), asc, bin), dir.resolve(log));
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private Run exec(Path dir, List<String> command, Path logFile) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        try {
            int exit = pb.start().waitFor();
            return new Run(exit, Files.readString(logFile, StandardCharsets.UTF_8), logFile);
        } catch (IOException e) {
            throw new UserError(ErrorCode.PNR_FAILED, "cannot run " + command.get(0) + ": " + IoReason.of(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command.get(0), e);
        }
    }
}
