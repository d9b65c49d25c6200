package bitweave.synth;

import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.UserError;
import bitweave.emit.GeneratedFile;
import bitweave.emit.RtlOutput;
import bitweave.output.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Proves with Yosys that two units with the same top ports compute the same outputs: for a unit without
 * registers, for every input (SAT); for a sequential unit, first for every cycle after reset by ABC's
 * {@code dprove} ({@link Induction}: strict, from any power-on state), and when that does not succeed in
 * every cycle of a bounded run from reset, which also yields the counterexample.
 *
 * <p>The bounded check: a miter ({@code miter -equiv}) drives both units with the same inputs; {@code sat
 * -seq} unrolls it for {@code depth + 1} cycles. Cycle 1 holds {@code rst} high; cycles 2..depth+1 take
 * arbitrary defined inputs with {@code rst} low, and in each of them every output bit must be equal.
 * Mid-run resets are not explored (the golden model has no notion of them either).
 *
 * <p>Registers without a reset: they start undefined (x) in both units ({@code -set-init-undef}), inputs
 * are always defined ({@code -set-def-inputs}), and an output bit that the reference ({@code gold}) leaves
 * undefined is not compared ({@code -ignore_gold_x}), while a defined reference bit must be matched by an
 * equal, defined bit of the other unit. So a unit that resets less than its reference, or shows different
 * stale data where the reference shows stale data too (an output register without reset, while
 * out_valid is low), still proves, and anything the reference defines after reset must be reproduced
 * exactly. Requiring equality from every concrete initial state instead would reject such pairs, since
 * the two units' stale values are independent. Caveat: Yosys propagates x conservatively (x·0 is x), so
 * a reference bit that depends on an un-reset register only through a masking path counts as undefined;
 * today every generated register is reset and every output is defined from cycle 2 on.
 *
 * <p>Module names never clash: each unit is elaborated and flattened in a Yosys design of its own and
 * written as one RTLIL module ({@code gold} or {@code gate}) before the two are read together. So the
 * same design compiled twice (a transformed unit against its untransformed baseline) is fine.
 */
public final class Equivalence {
    /** The clock and reset port names of every generated sequential unit (dsl/INTERFACE.md). */
    static final String CLOCK = "clk";
    static final String RESET = "rst";
    public static final int MAX_DEPTH = 200;
    private static final Pattern SEQUENTIAL_CELL = Pattern.compile("(?m)^\\s*cell \\$_?(dff|DFF|ff|FF|sdff|adff|aldff|dffe|dffsr|dlatch|DLATCH)");

    private Equivalence() {
    }

    /**
     * One side of the comparison.
     *
     * @param label how messages name it (e.g. the design file as typed)
     */
    public record Unit(String label, RtlOutput rtl) {
    }

    /**
     * The default bound: the larger latency plus 2, so results of the first two input beats after reset
     * (two vectors, or a two-beat tile) reach the outputs within the bound. Small on purpose: the SAT
     * problem grows steeply with the cycles (measured, int4 2x2 arrays: a few seconds at latency + 2).
     */
    public static int defaultDepth(RtlOutput gold, RtlOutput gate) {
        return Math.max(gold.latencyCycles(), gate.latencyCycles()) + 2;
    }

    /** {@link #check(Unit, Unit, int, Yosys)} with Yosys from this process's PATH and labels gold/gate. */
    public static EquivResult check(RtlOutput gold, RtlOutput gate, int depth) {
        return check(new Unit("gold", gold), new Unit("gate", gate), depth, Yosys.locate(System.getenv()));
    }

    /** Only the bounded check (no induction attempt), with labels gold/gate. */
    public static EquivResult checkBounded(RtlOutput gold, RtlOutput gate, int depth) {
        return checkBounded(new Unit("gold", gold), new Unit("gate", gate), depth, Yosys.locate(System.getenv()));
    }

    /** Only the bounded check (no induction attempt): what {@code equiv --depth N} asks for. */
    public static EquivResult checkBounded(Unit gold, Unit gate, int depth, Yosys yosys) {
        return check(gold, gate, depth, yosys, Optional.empty());
    }

    /**
     * {@link #check(Unit, Unit, int, Yosys, Optional)} trying induction first when yosys-abc is on this
     * process's PATH.
     */
    public static EquivResult check(Unit gold, Unit gate, int depth, Yosys yosys) {
        return check(gold, gate, depth, yosys, Induction.locate(System.getenv()));
    }

    /**
     * @param gold  the reference (e.g. the untransformed baseline); its undefined output bits are not compared
     * @param gate  the unit under proof
     * @param depth cycles after the reset cycle (1..{@value #MAX_DEPTH}); ignored for combinational units
     * @throws UserError E0903 when the ports differ (naming the port), E0904 when a sequential unit has no
     *                   {@code rst} input, E0901/E0902 when Yosys fails or prints something unexpected
     */
    static EquivResult check(Unit gold, Unit gate, int depth, Yosys yosys, Optional<Induction> induction) {
        if (depth < 1 || depth > MAX_DEPTH) {
            throw new IllegalArgumentException("depth " + depth + " outside 1.." + MAX_DEPTH);
        }
        Path work = null;
        boolean keep = false;
        try {
            work = Files.createTempDirectory("bitweave-equiv-");
            writeRtl(work.resolve("gold"), gold.rtl());
            writeRtl(work.resolve("gate"), gate.rtl());
            Files.writeString(work.resolve("prepare.ys"), prepareScript(gold.rtl().topModule(), gate.rtl().topModule()));
            try {
                yosys.scriptOk(work, "prepare.ys", "prepare.log", "to read " + gold.label() + " and " + gate.label());
                String goldIl = Files.readString(work.resolve("gold.il"), StandardCharsets.UTF_8);
                String gateIl = Files.readString(work.resolve("gate.il"), StandardCharsets.UTF_8);
                List<Port> ports = sameInterface(gold, Port.ofRtlil(goldIl), gate, Port.ofRtlil(gateIl));
                boolean sequential = SEQUENTIAL_CELL.matcher(goldIl).find() || SEQUENTIAL_CELL.matcher(gateIl).find();
                if (sequential && ports.stream().noneMatch(p -> p.name().equals(RESET) && p.direction().equals("input"))) {
                    throw new UserError(ErrorCode.EQUIV_NO_RESET, "cannot compare " + gold.label() + " and " + gate.label()
                            + " from reset: they have registers but no '" + RESET + "' input");
                }
                if (sequential && induction.isPresent()
                        && induction.get().prove(work, ports, yosys) == Induction.Outcome.EQUIVALENT) {
                    return new EquivResult.Proved(EquivResult.Method.INDUCTION, 0);
                }
                Files.writeString(work.resolve("prove.ys"), proveScript(sequential, depth));
                Yosys.Run run = yosys.script(work, "prove.ys", "prove.log");
                return verdict(run, ports, sequential, depth);
            } catch (SynthLog.Unexpected e) {
                keep = true;   // the message names the log in the work folder
                throw new UserError(ErrorCode.YOSYS_OUTPUT_UNEXPECTED, "cannot read the result of the proof in "
                        + work.resolve("prove.log") + ": " + e.getMessage());
            } catch (UserError e) {
                keep = e.diagnostics().stream().anyMatch(d -> d.code() == ErrorCode.YOSYS_FAILED);
                throw e;
            }
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot prepare the equivalence work folder: " + IoReason.of(e));
        } finally {
            if (!keep) {
                FileTrees.deleteQuietly(work);
            }
        }
    }

    private static void writeRtl(Path dir, RtlOutput rtl) throws IOException {
        Files.createDirectories(dir);
        List<GeneratedFile> files = new ArrayList<>(rtl.verilogFiles());
        files.addAll(rtl.portableLists());
        for (GeneratedFile f : files) {
            Files.writeString(dir.resolve(f.name()), f.content(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Elaborates each unit in a fresh design, flattens it, turns enable/reset flip-flops into plain $dff
     * cells with logic in front (the SAT model of Yosys 0.23 handles $dff), and writes it as one module.
     */
    static String prepareScript(String goldTop, String gateTop) {
        StringBuilder sb = new StringBuilder("# " + bitweave.emit.Provenance.MARKER + " (bitweave equiv)\n");
        for (String[] side : new String[][] {{"gold", goldTop}, {"gate", gateTop}}) {
            String name = side[0];
            String top = side[1];
            sb.append("design -reset\n")
              .append("tcl ").append(name).append('/').append(top).append("_yosys.tcl\n")
              .append("hierarchy -check -top ").append(top).append('\n')
              .append("proc\nflatten\nopt -fast\nwreduce\nopt -fast\ndffunmap\n")
              .append("hierarchy -top ").append(top).append("\nopt_clean\n");
            if (!top.equals(name)) {
                sb.append("rename ").append(top).append(' ').append(name).append('\n');
            }
            sb.append("write_rtlil ").append(name).append(".il\n");
        }
        return sb.toString();
    }

    static String proveScript(boolean sequential, int depth) {
        StringBuilder sb = new StringBuilder("# " + bitweave.emit.Provenance.MARKER + " (bitweave equiv)\n")
                .append("read_rtlil gold.il\nread_rtlil gate.il\n")
                .append("miter -equiv -flatten -make_outputs -ignore_gold_x gold gate miter\n")
                .append("hierarchy -top miter\n")
                .append("sat -verify -prove trigger 0 -set-def-inputs -show-inputs -show-outputs");
        if (sequential) {
            sb.append(" -set-init-undef -seq ").append(depth + 1).append(" -prove-skip 1");
            sb.append(" -set-at 1 in_").append(RESET).append(" 1");
            for (int step = 2; step <= depth + 1; step++) {
                sb.append(" -set-at ").append(step).append(" in_").append(RESET).append(" 0");
            }
        }
        return sb.append(" miter\n").toString();
    }

    /** Same port names, directions and widths (order may differ), or E0903 naming the first difference. */
    static List<Port> sameInterface(Unit gold, List<Port> goldPorts, Unit gate, List<Port> gatePorts) {
        Map<String, Port> other = new LinkedHashMap<>();
        gatePorts.forEach(p -> other.put(p.name(), p));
        for (Port p : goldPorts) {
            Port q = other.remove(p.name());
            if (q == null) {
                throw mismatch(gold, gate, "port " + p.name() + " (" + p.describe() + ") of " + gold.label() + " ("
                        + gold.rtl().topModule() + ") is missing in " + gate.label() + " (" + gate.rtl().topModule() + ")");
            }
            if (!q.direction().equals(p.direction()) || q.width() != p.width()) {
                throw mismatch(gold, gate, "port " + p.name() + " is " + p.describe() + " in " + gold.label() + " but "
                        + q.describe() + " in " + gate.label());
            }
        }
        if (!other.isEmpty()) {
            Port q = other.values().iterator().next();
            throw mismatch(gold, gate, "port " + q.name() + " (" + q.describe() + ") of " + gate.label() + " ("
                    + gate.rtl().topModule() + ") is missing in " + gold.label() + " (" + gold.rtl().topModule() + ")");
        }
        return goldPorts;
    }

    private static UserError mismatch(Unit gold, Unit gate, String what) {
        return new UserError(ErrorCode.EQUIV_INTERFACE_MISMATCH, "cannot compare " + gold.label() + " and " + gate.label()
                + ": their top interfaces differ: " + what);
    }

    private static EquivResult verdict(Yosys.Run run, List<Port> ports, boolean sequential, int depth) {
        String log = run.log();
        if (run.exit() == 0 && log.contains("no model found: SUCCESS!")) {
            return sequential ? new EquivResult.Proved(EquivResult.Method.BOUNDED, depth)
                    : new EquivResult.Proved(EquivResult.Method.COMBINATIONAL, 0);
        }
        if (log.contains("model found: FAIL!")) {
            SatModel model = SatModel.parse(log);
            if (model.isEmpty()) {
                throw new SynthLog.Unexpected("'sat' failed the proof but printed no counterexample");
            }
            return model.counterexample(ports);
        }
        throw Yosys.failed(run, "to run the proof");
    }
}
