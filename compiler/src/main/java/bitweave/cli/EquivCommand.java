package bitweave.cli;

import bitweave.emit.CompileOutputs;
import bitweave.emit.RtlOutput;
import bitweave.diag.ErrorCode;
import bitweave.diag.Plural;
import bitweave.diag.UserError;
import bitweave.ir.Design;
import bitweave.units.UnitKinds;
import bitweave.ir.Field;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import bitweave.synth.EquivResult;
import bitweave.synth.Equivalence;
import bitweave.synth.Yosys;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code bitweave equiv F.bw [--against G.bw] [--depth N]}: proves with Yosys that two units compute the
 * same outputs, cycle by cycle from reset (bitweave.synth.Equivalence): for all cycles by induction when
 * ABC's dprove succeeds, otherwise (or with --depth) for a bounded number of cycles. Without --against the reference is
 * F.bw's own baseline (the behavioural multiplier, no transform: {@link Design#baseline()}; for a lut_core the
 * same tile built with multipliers, {@code datapath mac}), so the proof says the multiplier structure, the
 * transforms (and the LUT core's tables) F.bw asks for preserve its arithmetic. Exit 0 with
 * {@code PROVED ...}, 1 with {@code NOT EQUIVALENT ...} and a counterexample.
 */
final class EquivCommand implements Command {
    @Override
    public String name() {
        return "equiv";
    }

    @Override
    public String summary() {
        return "prove with Yosys (SAT) that two designs compute the same outputs from reset, or show a counterexample";
    }

    @Override
    public int run(String[] args, Console console) throws ParseException, UsageException {
        Options options = DesignOptions.common();
        options.addOption(Option.builder().longOpt("against").hasArg().argName("G.bw")
                .desc("the design to compare with (default: F.bw's own baseline, the behavioral multiplier and no"
                        + " transform; for a lut_core the tile built with multipliers); -P and --top apply to both"
                        + " designs").get());
        options.addOption(Option.builder().longOpt("depth").hasArg().argName("N")
                .desc("run only the bounded check, for N cycles after the reset cycle (1.." + Equivalence.MAX_DEPTH
                        + "); default: a proof for all cycles (ABC dprove) first, then the bounded check for the"
                        + " larger latency + 2 cycles").get());
        CommandLine cl = DesignOptions.parse(options, args);
        if (DesignOptions.helpRequested(cl, options, this, "F.bw [--against G.bw] [--depth N] [options]", console)) {
            return Main.EXIT_OK;
        }
        Integer depth = cl.hasOption("depth") ? depthOption(cl.getOptionValue("depth")) : null;
        String goldFile;
        String gateFile;
        Design goldDesign;
        Design gateDesign;
        if (cl.hasOption("against")) {
            goldFile = DesignOptions.designFileArgument(cl);
            gateFile = cl.getOptionValue("against");
            goldDesign = DesignOptions.load(cl, console);
            gateDesign = DesignOptions.load(cl, console, gateFile);
        } else {
            gateFile = DesignOptions.designFileArgument(cl);
            gateDesign = DesignOptions.load(cl, console);
            if (!gateDesign.hasStructureToProve()) {
                String how = gateDesign.top().pe() == null
                        ? " has one way to be built (a " + UnitKinds.of(gateDesign.top()).dslName() + " has no multiplier"
                        + " structure or transform to choose)"
                        : " builds its top the plain way (the behavioral multiplier, no transform)";
                throw new UserError(ErrorCode.EQUIV_NOTHING_TO_PROVE, gateFile + how + ", so it is its own baseline and"
                        + " there is nothing to prove; " + (gateDesign.top().pe() == null ? "" : "choose a multiplier or a"
                        + " transform in it, or ") + "compare two designs with --against G.bw");
            }
            goldDesign = gateDesign.baseline();
            goldFile = gateFile + " baseline";
        }
        refuseRawPairs(goldDesign, goldFile);
        refuseRawPairs(gateDesign, gateFile);
        Yosys yosys = Yosys.locate(System.getenv());
        RtlOutput gold = CompileOutputs.of(goldDesign).rtl();
        RtlOutput gate = CompileOutputs.of(gateDesign).rtl();
        refuseDifferentLatency(gold, goldFile, gate, gateFile);
        int bound = depth != null ? depth : Equivalence.defaultDepth(gold, gate);
        long start = System.nanoTime();
        Equivalence.Unit goldUnit = new Equivalence.Unit(goldFile, gold);
        Equivalence.Unit gateUnit = new Equivalence.Unit(gateFile, gate);
        EquivResult result = depth != null ? Equivalence.checkBounded(goldUnit, gateUnit, bound, yosys)
                : Equivalence.check(goldUnit, gateUnit, bound, yosys);
        double secs = (System.nanoTime() - start) / 1e9;
        PrintStream o = console.out();
        String what = goldDesign.name() + " (" + goldFile + ") and " + gateDesign.name() + " (" + gateFile + ")";
        if (result instanceof EquivResult.Proved p && p.combinational()) {
            o.println("PROVED " + what + " equivalent for all inputs (combinational, SAT)");
        } else if (result instanceof EquivResult.Proved p && p.method() == EquivResult.Method.INDUCTION) {
            o.println("PROVED " + what + " equivalent for all cycles from reset (induction, abc dprove)");
            o.println("  from any power-on register state: rst high in cycle 1, then any inputs with rst low;"
                    + " every output bit equal in every cycle after the reset cycle");
        } else if (result instanceof EquivResult.Proved p) {
            o.println("PROVED " + what + " equivalent for " + p.depth() + " cycles from reset (bounded, sat)");
            o.println("  bound: rst high in cycle 1, then " + p.depth() + " cycles of arbitrary inputs with rst low;"
                    + " every output bit equal in each (registers without reset start undefined;"
                    + " bits " + goldFile + " leaves undefined are not compared)");
            int latency = Math.max(gold.latencyCycles(), gate.latencyCycles());
            if (p.depth() < latency + 1) {
                o.println("  note: the latency is " + latency + " cycles, so no result beat reaches the outputs within "
                        + p.depth() + " cycles; only the handshake outputs were compared. Use --depth "
                        + (latency + 2) + " or more");
            }
        } else if (result instanceof EquivResult.NotEquivalent n) {
            printCounterexample(o, what, goldFile, gateFile, n);
        }
        o.printf(java.util.Locale.ROOT, "  yosys time %.1f s%n", secs);
        return result.proved() ? Main.EXIT_OK : Main.EXIT_INPUT;
    }

    /**
     * A raw-pairs design's results are (sum, carry) pairs: equal to another design's only after the
     * fusing add, never bit for bit, so the port-by-port miter has nothing true to prove (E0220).
     */
    private static void refuseRawPairs(Design d, String file) {
        Stream out = TopInterface.of(d.top()).output();
        for (Field f : out.fields()) {
            if (f.carrySave()) {
                throw new UserError(ErrorCode.EQUIV_RAW_PAIRS, file + " outputs " + out.portOf(f)
                        + " as raw carry-save pairs (" + String.join(", ", out.rtlPortsOf(f)) + "), which equal another"
                        + " design's results only after the fusing add, not bit for bit; prove the design without"
                        + " 'raw_pairs' (the same PEs, fused at the edge)");
            }
        }
    }

    /**
     * The miter compares the two designs' ports cycle by cycle, so designs whose results come out after
     * different numbers of cycles (e.g. an edge_pipeline against its baseline) can never be proved equal
     * that way, however right both are (E0226): say so instead of printing a false counterexample.
     */
    private static void refuseDifferentLatency(RtlOutput gold, String goldFile, RtlOutput gate, String gateFile) {
        if (gold.latencyCycles() != gate.latencyCycles()) {
            throw new UserError(ErrorCode.EQUIV_LATENCY_DIFFERS, goldFile + " has a latency of "
                    + Plural.count(gold.latencyCycles(), "cycle") + " and " + gateFile + " of "
                    + Plural.count(gate.latencyCycles(), "cycle") + ": the proof compares the outputs cycle by"
                    + " cycle, so it needs equal latencies. 'edge_pipeline N' adds N cycles; prove the design with"
                    + " 'edge_pipeline 0' (the same PEs and the same adder, unpipelined) and let 'bitweave sim'"
                    + " check the pipelined one");
        }
    }

    private static void printCounterexample(PrintStream o, String what, String goldFile, String gateFile,
                                            EquivResult.NotEquivalent n) {
        o.println("NOT EQUIVALENT " + what + ": output " + n.port() + " differs in cycle " + n.cycle()
                + (n.inputs().size() > 1 ? " (cycle 1 is the reset cycle)" : ""));
        o.println("  " + n.port() + ": " + EquivResult.show(n.goldBits()) + " in " + goldFile + ", "
                + EquivResult.show(n.gateBits()) + " in " + gateFile + " (bits " + n.differingBits() + " differ)");
        o.println("  inputs:");
        List<Map<String, String>> inputs = n.inputs();
        for (int c = 0; c < inputs.size(); c++) {
            StringBuilder sb = new StringBuilder("    cycle " + (c + 1) + ":");
            inputs.get(c).forEach((port, bits) -> sb.append(' ').append(port).append('=').append(EquivResult.show(bits)));
            o.println(sb);
        }
    }

    private static int depthOption(String v) throws UsageException {
        java.math.BigInteger n = IntegerArgument.parse(v).orElseThrow(() -> new UsageException(
                "--depth " + PathArgument.shown(v) + ": not an integer (" + IntegerArgument.syntaxHint() + ")"));
        if (n.signum() <= 0 || n.compareTo(java.math.BigInteger.valueOf(Equivalence.MAX_DEPTH)) > 0) {
            throw new UsageException("--depth " + v + ": must be in 1.." + Equivalence.MAX_DEPTH);
        }
        return n.intValueExact();
    }
}
