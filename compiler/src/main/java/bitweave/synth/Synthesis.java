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

    /** One flow of an FPGA target: its commands and what it used. */
    public record FpgaColumn(SynthTarget.FpgaFlow flow, FpgaResources resources) {
    }

    /** An FPGA target's flows (with DSPs first) and the time all of them took. */
    public record FpgaResult(SynthTarget target, String top, List<FpgaColumn> columns, Duration runTime) {
    }

    /**
     * Runs each flow of an FPGA target as its own script ({@code synth-<target>-<flow>.ys}, log beside it)
     * and reads the resources from its final {@code stat}.
     */
    public static FpgaResult runFpga(Yosys yosys, SynthTarget target, RtlOutput rtl, Path rtlDir) {
        return runFpga(yosys, target, rtl, rtlDir, status -> { });
    }

    /** @param progress told each flow's name before it runs ("yosys: ice40 with DSPs") */
    public static FpgaResult runFpga(Yosys yosys, SynthTarget target, RtlOutput rtl, Path rtlDir,
                                     java.util.function.Consumer<String> progress) {
        String top = rtl.topModule();
        List<FpgaColumn> columns = new ArrayList<>();
        long start = System.nanoTime();
        for (SynthTarget.FpgaFlow flow : target.fpgaFlows(top)) {
            String base = "synth-" + target.spelling() + "-" + flow.name();
            progress.accept("yosys: " + target.spelling() + " " + flow.label());
            Yosys.Run run = runScript(yosys, target, top, rtlDir, flow.commands(), base);
            try {
                columns.add(new FpgaColumn(flow, new FpgaResources(target, SynthLog.cells(run.log(), top))));
            } catch (SynthLog.Unexpected e) {
                throw new UserError(ErrorCode.YOSYS_OUTPUT_UNEXPECTED, "cannot read the " + target.spelling()
                        + " resources of " + top + " from " + run.logFile() + ": " + e.getMessage());
            }
        }
        return new FpgaResult(target, top, columns, Duration.ofNanos(System.nanoTime() - start));
    }

    /** Writes {@code <base>.ys} (provenance, the tcl file list, the commands) and runs it, logging to {@code <base>.log}. */
    static Yosys.Run runScript(Yosys yosys, SynthTarget target, String top, Path rtlDir, List<String> commands,
                               String base) {
        String tcl = top + "_yosys.tcl";
        if (!Files.isRegularFile(rtlDir.resolve(tcl))) {
            throw new IllegalArgumentException("no " + tcl + " in " + rtlDir);
        }
        List<String> script = new ArrayList<>();
        script.add("# " + bitweave.emit.Provenance.MARKER + " (bitweave synth --target " + target.spelling() + ")");
        // The tcl file list resolves paths against its own folder; the working directory is rtlDir.
        script.add("tcl " + tcl);
        script.addAll(commands);
        try {
            Files.write(rtlDir.resolve(base + ".ys"), script);
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot write " + rtlDir.resolve(base + ".ys") + ": "
                    + IoReason.of(e));
        }
        return yosys.scriptOk(rtlDir, base + ".ys", base + ".log", "to synthesize " + top + " for " + target.spelling());
    }

    /** @param fastAbc map with ABC's fast script ({@link SynthTarget#commands}) */
    public static Result run(Yosys yosys, SynthTarget target, RtlOutput rtl, Path rtlDir, boolean fastAbc) {
        String top = rtl.topModule();
        List<String> commands = target.commands(top, fastAbc);
        long start = System.nanoTime();
        Yosys.Run run = runScript(yosys, target, top, rtlDir, commands, "synth-" + target.spelling());
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        try {
            return new Result(target, top, SynthLog.parse(run.log(), top), commands, fastAbc, took, run.logFile());
        } catch (SynthLog.Unexpected e) {
            throw new UserError(ErrorCode.YOSYS_OUTPUT_UNEXPECTED, "cannot read the synthesis figures of " + top
                    + " from " + run.logFile() + ": " + e.getMessage());
        }
    }
}
