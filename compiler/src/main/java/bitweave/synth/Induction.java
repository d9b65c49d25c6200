package bitweave.synth;

import bitweave.cosim.ToolLocator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The unbounded attempt of {@link Equivalence}: the two sequential units as one AIGER miter, proved for
 * all cycles by ABC's {@code dprove} (register correspondence, k-induction, interpolation, PDR), run by
 * the {@code yosys-abc} that ships with Yosys.
 *
 * <p>The AIGER model is strict, which makes a proof here stronger than the bounded check's: every
 * register starts at an arbitrary value ({@code write_aiger -zinit} adds an input for each register
 * without an initial value), a wrapper register that starts at 0 holds {@code rst} high in the first
 * cycle and low ever after, the other inputs are free in every cycle, and from the second cycle on every
 * output bit of the two units must be equal (no undefined bits exist in an AIG, so nothing is exempt).
 * Anything else than "equivalent" (a difference, which may come from stale data the bounded check
 * exempts, a time-out, an unexpected answer) leaves the verdict to the bounded check.
 *
 * <p>Why it is worth trying: OPT1's (sum, carry) pair has no counterpart register in the baseline (only
 * sum + carry equals its accumulator), so register correspondence alone cannot prove it; at the small
 * sizes CI proves, dprove's later engines (PDR) close it in seconds (measured: one OPT1 output-stationary
 * PE ~5 s, a 2-row OPT1 weight-stationary column ~4 s, an OPT2 tree K 2 x 2 columns ~23 s, int4).
 */
final class Induction {
    static final String ABC = "yosys-abc";
    /**
     * dprove's engines stop by themselves (conflict limits; PDR after {@value #PDR_SECONDS} s of ABC's
     * clock, about 20-40 CPU-s in all at the sizes CI proves). This wall-clock limit only guards against a
     * hang: on a loaded machine a run takes several times its CPU time.
     */
    static final int TIMEOUT_SECONDS = 600;
    private static final int PDR_SECONDS = 30;

    private final Path executable;
    private final Map<String, String> env;

    private Induction(Path executable, Map<String, String> env) {
        this.executable = executable;
        this.env = env;
    }

    /** The yosys-abc on the PATH of {@code env}, if any (without it only the bounded check runs). */
    static Optional<Induction> locate(Map<String, String> env) {
        ToolLocator tools = new ToolLocator(env);
        return tools.find(ABC).map(p -> new Induction(p, tools.env()));
    }

    /** What ABC said. */
    enum Outcome { EQUIVALENT, NOT_PROVED }

    /**
     * Yosys script: reads gold.il and gate.il (written by {@link Equivalence#prepareScript}), builds the
     * miter and the reset wrapper (wrapper.v) and writes check.aig.
     */
    static String aigerScript() {
        return "# " + bitweave.emit.Provenance.MARKER + " (bitweave equiv, induction)\n"
                + "read_rtlil gold.il\nread_rtlil gate.il\n"
                + "miter -equiv -flatten gold gate miter\n"
                + "read_verilog wrapper.v\n"
                + "hierarchy -top bw_check\nflatten\nproc\nopt_clean\n"
                // the units' registers are plain $dff already; keep them plain through techmap
                + "techmap\nopt -fast -nodffe -nosdff\ndffunmap\naigmap\nopt_clean\n"
                + "write_aiger -zinit check.aig\n";
    }

    /**
     * The wrapper around the miter: {@code rst} comes from a register that is 0 only in the first cycle,
     * and {@code bw_bad} (the AIGER property) is the miter's trigger from the second cycle on.
     */
    static String wrapper(List<Port> ports) {
        StringBuilder decl = new StringBuilder();
        StringBuilder conn = new StringBuilder();
        for (Port p : ports) {
            if (!p.direction().equals("input") || p.name().equals(Equivalence.CLOCK) || p.name().equals(Equivalence.RESET)) {
                continue;
            }
            decl.append("  input wire ").append(p.width() > 1 ? "[" + (p.width() - 1) + ":0] " : "").append(p.name()).append(",\n");
            conn.append("    .in_").append(p.name()).append('(').append(p.name()).append("),\n");
        }
        return "// " + bitweave.emit.Provenance.MARKER + " (bitweave equiv, induction)\n"
                + "module bw_check (\n  input wire clk,\n" + decl + "  output wire bw_bad\n);\n"
                + "  reg bw_started = 1'b0;\n"
                + "  always @(posedge clk) bw_started <= 1'b1;\n"
                + "  wire bw_trigger;\n"
                + "  miter u_miter (\n    .in_" + Equivalence.CLOCK + "(clk),\n    .in_" + Equivalence.RESET + "(~bw_started),\n"
                + conn + "    .trigger(bw_trigger)\n  );\n"
                + "  assign bw_bad = bw_trigger & bw_started;\nendmodule\n";
    }

    /** Runs the attempt in {@code work} (which holds gold.il and gate.il); logs go to induction*.log there. */
    Outcome prove(Path work, List<Port> ports, Yosys yosys) throws IOException {
        Files.writeString(work.resolve("wrapper.v"), wrapper(ports), StandardCharsets.UTF_8);
        Files.writeString(work.resolve("induction.ys"), aigerScript(), StandardCharsets.UTF_8);
        Yosys.Run aig = yosys.script(work, "induction.ys", "induction-yosys.log");
        if (aig.exit() != 0 || !Files.isRegularFile(work.resolve("check.aig"))) {
            return Outcome.NOT_PROVED;
        }
        String log = runAbc(work, "read_aiger check.aig; dprove -T " + PDR_SECONDS);
        return verdict(log);
    }

    /** ABC prints one of "Networks are equivalent." / "... NOT EQUIVALENT." / "... UNDECIDED." last. */
    static Outcome verdict(String abcLog) {
        return abcLog != null && abcLog.contains("Networks are equivalent") ? Outcome.EQUIVALENT : Outcome.NOT_PROVED;
    }

    /** The console output of ABC, or null when it did not finish in {@link #TIMEOUT_SECONDS}. */
    private String runAbc(Path work, String commands) throws IOException {
        Path log = work.resolve("induction-abc.log");
        ProcessBuilder pb = new ProcessBuilder(executable.toString(), "-c", commands).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        try {
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor();
                return null;
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + ABC, e);
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
