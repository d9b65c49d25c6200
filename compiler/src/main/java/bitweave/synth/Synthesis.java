package bitweave.synth;

import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.UserError;
import bitweave.emit.RtlOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a target's flow on RTL that is already on disk (a compile output folder with {@code <top>_yosys.tcl})
 * and returns the figures. The script and log are written into that folder as {@code synth-<target>.ys}
 * and {@code synth-<target>.log}, so a surprising figure can be checked by hand.
 */
public final class Synthesis {
    private Synthesis() {
    }

    /** The figures, the script that produced them (with ABC's fast script or not) and the time Yosys took. */
    public record Result(SynthTarget target, String top, SynthFigures figures, List<String> commands, boolean fastAbc,
                         Duration runTime, Path log) {
    }

    public static Result run(Yosys yosys, SynthTarget target, RtlOutput rtl, Path rtlDir) {
        return run(yosys, target, rtl, rtlDir, false);
    }

    /** @param fastAbc map with ABC's fast script ({@link SynthTarget#commands}) */
    public static Result run(Yosys yosys, SynthTarget target, RtlOutput rtl, Path rtlDir, boolean fastAbc) {
        String top = rtl.topModule();
        String tcl = top + "_yosys.tcl";
        if (!Files.isRegularFile(rtlDir.resolve(tcl))) {
            throw new IllegalArgumentException("no " + tcl + " in " + rtlDir);
        }
        List<String> commands = target.commands(top, fastAbc);
        List<String> script = new ArrayList<>();
        script.add("# " + bitweave.emit.Provenance.MARKER + " (bitweave synth --target " + target.spelling() + ")");
        // The tcl file list resolves paths against its own folder; the working directory is rtlDir.
        script.add("tcl " + tcl);
        script.addAll(commands);
        String scriptName = "synth-" + target.spelling() + ".ys";
        String logName = "synth-" + target.spelling() + ".log";
        try {
            Files.write(rtlDir.resolve(scriptName), script);
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot write " + rtlDir.resolve(scriptName) + ": "
                    + IoReason.of(e));
        }
        long start = System.nanoTime();
        Yosys.Run run = yosys.scriptOk(rtlDir, scriptName, logName, "to synthesize " + top);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        try {
            return new Result(target, top, SynthLog.parse(run.log(), top), commands, fastAbc, took, run.logFile());
        } catch (SynthLog.Unexpected e) {
            throw new UserError(ErrorCode.YOSYS_OUTPUT_UNEXPECTED, "cannot read the synthesis figures of " + top
                    + " from " + run.logFile() + ": " + e.getMessage());
        }
    }
}
