package bitweave.cosim;

import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.Plural;
import bitweave.diag.UserError;
import bitweave.emit.Provenance;
import bitweave.ir.TopInterface;
import bitweave.output.SingleOutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a co-simulation: obtains the Verilated model (building it, or reusing it from the cache), writes
 * the vector file, runs the harness binary and turns its output into a {@link CosimResult}.
 */
public final class Cosim {
    /** How messages name the VCD file. */
    private static final String TRACE = "trace";
    /** The harness starts every trace with a "$comment" line holding the provenance text (bw_trace.h). */
    private static final String TRACE_FIRST_LINE = "$comment " + Provenance.MARKER;
    /** Power-up states of the short passes before the main (random) one; see testbenches/harness.cpp. */
    static final List<String> PRELUDE_POWER_UPS = List.of("ones", "zeros");
    /** Vectors each prelude pass runs (it also stops after 4096 cycles, at a transfer: a hang still times out). */
    static final int PRELUDE_VECTORS = 16;
    static final String INSTALL_HINT = "install Verilator 5 (Debian/Ubuntu: apt-get install verilator)";

    private Cosim() {
    }

    /**
     * Runs one co-simulation.
     *
     * @return the result; a mismatch or timeout is a result with {@code passed() == false}, not an exception
     * @throws UserError {@link ErrorCode#TOOL_MISSING} when verilator is not on the request's PATH;
     *                   {@link ErrorCode#TOOL_FAILED} when the Verilator build fails (first errors in the
     *                   message, full log in the cache directory) or the simulation binary crashes;
     *                   {@link ErrorCode#SOURCE_NOT_FOUND} when an RTL file does not exist;
     *                   {@link ErrorCode#OUTPUT_UNWRITABLE} when the cache directory cannot be used
     * @throws IllegalArgumentException when the vector set is not for the design's interface
     * @throws IllegalStateException when the harness rejects the vector file (a compiler bug)
     */
    public static CosimResult run(CosimRequest req) {
        TopInterface iface = TopInterface.of(req.design().top());
        boolean wrapped = req.iface().inputs().stream().allMatch(bitweave.ir.Stream::axis) && req.iface().output().axis();
        if (!wrapped && !iface.equals(req.iface())) {
            throw new IllegalArgumentException("vector set is for interface " + req.iface()
                    + ", the design's is " + iface);
        }
        // Before the (possibly long) build: a trace must not replace a folder or a file Bitweave did not write.
        req.trace().ifPresent(t -> SingleOutputFile.checkTarget(t, TRACE, TRACE_FIRST_LINE));
        ToolLocator tools = new ToolLocator(req.env());
        Path verilator = tools.require("verilator", INSTALL_HINT);
        ModelBuilder.Model model = ModelBuilder.obtain(req, tools, verilator);
        Path runDir;
        try {
            runDir = Files.createTempDirectory("bitweave-cosim-");
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot create a temporary directory: " + IoReason.of(e));
        }
        try {
            return simulate(req, model, runDir);
        } finally {
            ModelBuilder.deleteTree(runDir);
        }
    }

    private static CosimResult simulate(CosimRequest req, ModelBuilder.Model model, Path runDir) {
        Path vectorFile = runDir.resolve("vectors.txt");
        try {
            VectorFile.write(req.vectors(), vectorFile);
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot write " + vectorFile + ": " + IoReason.of(e));
        }
        // The harness writes the trace beside its target under a temporary name; it replaces the target
        // only once the run is over (SingleOutputFile).
        Path stagedTrace = req.trace().map(t -> SingleOutputFile.stage(t, TRACE)).orElse(null);
        try {
            return runHarness(req, model, runDir, vectorFile, stagedTrace);
        } finally {
            SingleOutputFile.discard(stagedTrace);
        }
    }

    private static CosimResult runHarness(CosimRequest req, ModelBuilder.Model model, Path runDir, Path vectorFile,
                                          Path stagedTrace) {
        List<String> cmd = command(req, model.binary(), vectorFile, stagedTrace);
        req.progress().accept("co-sim: running " + Plural.count(req.vectors().vectors(), "vector") + " (seed "
                + Long.toUnsignedString(req.seed()) + ")");
        HarnessOutput out = new HarnessOutput(req.progress());
        long start = System.nanoTime();
        int status = ProcessRunner.run(cmd, runDir, req.env(), out);
        Duration runTime = Duration.ofNanos(System.nanoTime() - start);
        Optional<Path> trace = Optional.empty();
        if (stagedTrace != null && Files.isRegularFile(stagedTrace) && stagedTrace.toFile().length() > 0) {
            SingleOutputFile.publish(stagedTrace, req.trace().orElseThrow(), TRACE, TRACE_FIRST_LINE);
            trace = req.trace();
        }
        int vectors = req.vectors().vectors();
        if (status == 0 && out.pass().isPresent()) {
            long cycles = Long.parseLong(out.pass().get().get("cycles"));
            return new CosimResult(true, vectors, cycles, runTime, model.buildTime(), model.cacheHit(), req.seed(),
                    Optional.empty(), Optional.empty(), trace, Optional.empty(), out.latency(), out.powerUp(),
                    Optional.empty());
        }
        if (status == 1 && out.mismatch().isPresent()) {
            Mismatch m = out.mismatch().get();
            return new CosimResult(false, vectors, m.cycle(), runTime, model.buildTime(), model.cacheHit(), req.seed(),
                    Optional.of(m), Optional.empty(), trace, Optional.empty(), Optional.empty(), out.powerUp(),
                    Optional.empty());
        }
        if (status == 1 && out.earlyValid().isPresent()) {
            EarlyValid e = out.earlyValid().get();
            return new CosimResult(false, vectors, e.cycle(), runTime, model.buildTime(), model.cacheHit(), req.seed(),
                    Optional.empty(), Optional.empty(), trace, Optional.of(e), Optional.empty(), out.powerUp(),
                    Optional.empty());
        }
        if (status == 1 && out.timeout().isPresent()) {
            Timeout t = out.timeout().get();
            return new CosimResult(false, vectors, t.cycle(), runTime, model.buildTime(), model.cacheHit(), req.seed(),
                    Optional.empty(), Optional.of(t), trace, Optional.empty(), Optional.empty(), out.powerUp(),
                    Optional.empty());
        }
        if (status == 2 && out.error().isPresent()) {
            throw new IllegalStateException("co-simulation harness rejected its input: " + out.error().get());
        }
        throw new UserError(ErrorCode.TOOL_FAILED, "co-simulation binary " + model.binary() + " ended abnormally (exit "
                + status + "); last output:\n" + out.tail());
    }

    /** The harness command line; {@code traceFile} (or null) is where the harness writes the VCD. */
    static List<String> command(CosimRequest req, Path binary, Path vectorFile, Path traceFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary.toString());
        cmd.add(vectorFile.toString());
        cmd.add("--seed=" + Long.toUnsignedString(req.seed()));
        cmd.add("--watchdog=" + req.watchdogCycles());
        cmd.add("--progress=" + Math.max(1, req.vectors().vectors() / 20));
        if (traceFile != null) {
            cmd.add("--trace=" + traceFile.toAbsolutePath());
            // The VCD's first line carries the provenance marker, so a later run may replace it.
            cmd.add("--trace-comment=" + String.join(" ", Provenance.lines(req.design())));
        }
        // A missing reset shows up as a mismatch or an early out_valid (the model is built with
        // --x-initial unique): short prelude passes power the registers up as all ones and all zeros, so a
        // forgotten 1-bit reset is found whatever its bad value; the main pass starts them random.
        cmd.add("--prelude=" + String.join(",", PRELUDE_POWER_UPS));
        cmd.add("--prelude-vectors=" + PRELUDE_VECTORS);
        cmd.add("+verilator+rand+reset+2");
        cmd.add("+verilator+seed+" + verilatorSeed(req.seed()));
        return cmd;
    }

    /** Verilator accepts seeds 1..2^31-1; map any 64-bit seed into that range deterministically. */
    static int verilatorSeed(long seed) {
        return (int) (1 + Long.remainderUnsigned(seed, Integer.MAX_VALUE - 1L));
    }
}
