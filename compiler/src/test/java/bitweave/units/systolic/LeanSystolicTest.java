package bitweave.units.systolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathSimulator;
import bitweave.datapath.Op;
import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.Design;
import bitweave.ir.LaneSkew;
import bitweave.ir.TopInterface;
import bitweave.passes.PassPipeline;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.DatapathBody;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.StructuralBody;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The leaner systolic RTL (issue 6 section 5) at the IR level, without Verilator: which registers are
 * reset, which delay lines exist in each {@code output} / {@code skew} mode, the flow control of
 * {@code output direct} on the datapath simulator, the OS OPT1 result path (one adder per row), the
 * contract's lane skews and the checker rules of the two members. Co-simulation of every mode is in
 * bitweave.cosim.LeanSystolicCosimTest.
 */
class LeanSystolicTest {
    private static final String PE = "design d\npe mac { a : int8; b : int8; acc : int32 wrap%s }\n";

    private static Design load(String mac, String dataflow, String members) {
        return Frontend.loadText(String.format(PE, mac) + "array top = systolic(3, 4) of mac { dataflow " + dataflow
                + members + " }\n", "d.bw", Map.of(), null);
    }

    private static RtlDesign lowered(String mac, String dataflow, String members) {
        return PassPipeline.run(load(mac, dataflow, members), m -> "");
    }

    private static RtlModule module(RtlDesign rtl, String name) {
        return rtl.modules().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no module " + name + " in " + names(rtl)));
    }

    private static List<String> names(RtlDesign rtl) {
        return rtl.modules().stream().map(RtlModule::name).toList();
    }

    /** Register name to its reset value (null: no reset) in every datapath module of the design. */
    private static Map<String, BigInteger> registers(RtlDesign rtl, String moduleName) {
        Map<String, BigInteger> out = new HashMap<>();
        Datapath g = ((DatapathBody) module(rtl, moduleName).body()).graph();
        for (Op op : g.ops()) {
            if (op instanceof Op.Register r) {
                out.put(r.out().name(), r.resetValue());
            }
        }
        return out;
    }

    private static List<ArrayItem.Instance> instances(List<ArrayItem> items) {
        List<ArrayItem.Instance> out = new ArrayList<>();
        for (ArrayItem i : items) {
            if (i instanceof ArrayItem.Instance inst) {
                out.add(inst);
            } else if (i instanceof ArrayItem.Generate g) {
                out.addAll(instances(g.body()));
            } else if (i instanceof ArrayItem.Loop l) {
                out.addAll(instances(l.body()));
            } else if (i instanceof ArrayItem.Branch b) {
                out.addAll(instances(b.then()));
                out.addAll(instances(b.otherwise()));
            }
        }
        return out;
    }

    /** The delay lines of the top: instance name to its RESET parameter ("1" when left at the default). */
    private static Map<String, String> delayLines(RtlDesign rtl) {
        StructuralBody top = (StructuralBody) module(rtl, "d").body();
        Map<String, String> out = new HashMap<>();
        for (ArrayItem.Instance i : instances(top.items())) {
            if (i.module().equals("d_delay")) {
                String reset = i.params().stream().filter(c -> c.name().equals("RESET")).map(ArrayItem.Connection::expr)
                        .findFirst().orElse("1");
                String before = out.put(i.name(), reset);
                assertTrue(before == null || before.equals(reset), "lines named " + i.name() + " agree on RESET");
            }
        }
        return out;
    }

    @Test
    void onlyTheStateTheContractNeedsIsReset() {
        Map<String, BigInteger> pe = registers(lowered("", "output_stationary", ""), "d_pe");
        assertEquals(Set.of("acc_q", "a_out", "valid_out", "last_out", "b_out"), pe.keySet());
        assertEquals(BigInteger.ZERO, pe.get("acc_q"), "the held-mode accumulator restarts from its reset value");
        assertEquals(BigInteger.ZERO, pe.get("valid_out"));
        assertEquals(BigInteger.ZERO, pe.get("last_out"));
        assertNull(pe.get("a_out"), "operand forwarding is data");
        assertNull(pe.get("b_out"), "operand forwarding is data");
        RtlDesign os = lowered("", "output_stationary", "");
        assertEquals(Map.of("held", "null"), stringValues(registers(os, "d_hold")), "the held result is data");
        assertEquals(Map.of("pending_q", "0", "out_valid", "0"), stringValues(registers(os, "d_ctrl")));
        // the marker lines keep their reset, the operand lines have none
        assertEquals(Map.of("u_skew_mark", "1", "u_skew", "0"), delayLines(os));

        RtlDesign ws = lowered("", "weight_stationary", "");
        Map<String, BigInteger> wsPe = registers(ws, "d_pe");
        assertEquals(BigInteger.ZERO, wsPe.get("w_q"), "the stationary weight is 0 after reset");
        assertNull(wsPe.get("x_out"));
        assertNull(wsPe.get("p_out"));
        assertEquals(Map.of("u_skew", "0", "u_valid_line", "1", "u_deskew", "0"), delayLines(ws));
        assertEquals(Map.of("in_flight_q", "0"), stringValues(registers(ws, "d_ctrl")));

        Map<String, BigInteger> opt1 = registers(lowered("; multiplier booth", "output_stationary",
                "; transform compressed_accumulation"), "d_pe");
        assertEquals(BigInteger.ONE, opt1.get("fresh_q"), "after reset the next step starts a tile");
        assertNull(opt1.get("acc_sum_q"), "fresh_q masks the pair, so it needs no reset");
        assertNull(opt1.get("acc_carry_q"));
        Map<String, BigInteger> wsOpt1 = registers(lowered("; multiplier booth", "weight_stationary",
                "; transform compressed_accumulation"), "d_pe");
        assertNull(wsOpt1.get("p_sum_out"));
        assertNull(wsOpt1.get("p_carry_out"));
        assertEquals(BigInteger.ZERO, wsOpt1.get("w_q"));
    }

    private static Map<String, String> stringValues(Map<String, BigInteger> m) {
        Map<String, String> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    @Test
    void eachModeHasItsLines() {
        assertEquals(Set.of("u_skew_mark"), delayLines(lowered("", "output_stationary", "; skew host")).keySet(),
                "host skew: only the valid/last marker waits in the array");
        assertEquals(Map.of("u_valid_line", "1", "u_drain_line", "1"),
                delayLines(lowered("", "weight_stationary", "; skew host; output direct")),
                "WS host skew and direct output: no skew, no de-skew, the drain line gates weight loads");
        RtlDesign direct = lowered("", "output_stationary", "; output direct");
        assertFalse(names(direct).contains("d_hold"), "output direct: no held copy");
        assertEquals(Set.of("a_out", "valid_out", "last_out", "b_out", "acc_q", "fresh_q"),
                registers(direct, "d_pe").keySet());
        assertNull(registers(direct, "d_pe").get("acc_q"), "fresh_q restarts the accumulator");
        assertEquals(3 + 4 - 1, direct.latencyCycles());
        assertEquals(3, lowered("", "weight_stationary", "; output direct").latencyCycles(), "y_0 comes after ROWS");
    }

    /**
     * OS OPT1 with held output: the hold module has no adder, the design has one edge adder per row
     * (instantiated in the row loop, outside the column loop), and the holder passes the adder's value
     * through in its load cycle.
     */
    @Test
    void compressedAccumulationFusesOneRowAtATime() {
        RtlDesign rtl = lowered("; multiplier booth", "output_stationary", "; transform compressed_accumulation");
        Datapath hold = ((DatapathBody) module(rtl, "d_hold").body()).graph();
        assertFalse(hold.ops().stream().anyMatch(op -> op instanceof Op.Add), "no adder per PE");
        StructuralBody top = (StructuralBody) module(rtl, "d").body();
        ArrayItem.Loop row = rowLoop(top.items());
        assertEquals(1, row.body().stream().filter(i -> i instanceof ArrayItem.Instance inst
                && inst.module().equals("d_edge")).count(), "one edge adder in the row loop");
        ArrayItem.Loop col = (ArrayItem.Loop) row.body().stream().filter(i -> i instanceof ArrayItem.Loop).findFirst()
                .orElseThrow();
        assertFalse(instances(col.body()).stream().anyMatch(i -> i.module().equals("d_edge")), "none per PE");
        DatapathSimulator sim = new DatapathSimulator(hold);
        Map<String, BigInteger> out = sim.step(Map.of("load", BigInteger.ONE, "value", BigInteger.valueOf(77)), false);
        assertEquals(BigInteger.valueOf(77), out.get("held"), "the load cycle passes the value through");
        out = sim.step(Map.of("load", BigInteger.ZERO, "value", BigInteger.valueOf(5)), false);
        assertEquals(BigInteger.valueOf(77), out.get("held"), "then holds it");

        RtlDesign direct = lowered("; multiplier booth", "output_stationary",
                "; transform compressed_accumulation; output direct");
        ArrayItem.Loop directCol = (ArrayItem.Loop) rowLoop(((StructuralBody) module(direct, "d").body()).items())
                .body().get(0);
        assertTrue(instances(directCol.body()).stream().anyMatch(i -> i.module().equals("d_edge")),
                "direct: each PE's pair is fused on its own out_c slice");
    }

    private static ArrayItem.Loop rowLoop(List<ArrayItem> items) {
        for (ArrayItem i : items) {
            if (i instanceof ArrayItem.Generate g) {
                for (ArrayItem j : g.body()) {
                    if (j instanceof ArrayItem.Loop l && l.label().equals("g_row")) {
                        return l;
                    }
                }
            }
        }
        throw new AssertionError("no g_row loop");
    }

    private static Map<String, BigInteger> ctrlIn(int inValid, int inLast, int outReady, int cornerValid,
                                                  int cornerLast) {
        return Map.of("in_valid", BigInteger.valueOf(inValid), "in_last", BigInteger.valueOf(inLast),
                "out_ready", BigInteger.valueOf(outReady), "corner_valid", BigInteger.valueOf(cornerValid),
                "corner_last", BigInteger.valueOf(cornerLast));
    }

    /**
     * Held: a tile's last beat waits for the pending out beat, its other beats stream in. Direct: the
     * next tile's first beat waits instead (it would start overwriting the accumulators out_c reads),
     * and is accepted in the cycle the out beat transfers.
     */
    @Test
    void directOutputRefusesTheNextTilesFirstBeat() {
        DatapathSimulator held = new DatapathSimulator(LowerSystolicOs.ctrlGraph("", true));
        DatapathSimulator direct = new DatapathSimulator(LowerSystolicOs.ctrlGraph("", false));
        for (DatapathSimulator sim : List.of(held, direct)) {
            sim.step(ctrlIn(0, 0, 0, 0, 0), true);
            assertEquals(BigInteger.ONE, sim.step(ctrlIn(1, 1, 0, 0, 0), false).get("in_fire"), "a K = 1 tile");
        }
        // the tile's out beat is pending; the corner has not finished yet
        Map<String, BigInteger> h = held.step(ctrlIn(1, 0, 0, 0, 0), false);
        assertEquals(BigInteger.ONE, h.get("in_ready"), "held: a first (not last) beat streams in");
        assertEquals(BigInteger.ZERO, held.step(ctrlIn(1, 1, 0, 0, 0), false).get("in_ready"),
                "held: the next last beat waits");
        Map<String, BigInteger> d = direct.step(ctrlIn(1, 0, 0, 0, 0), false);
        assertEquals(BigInteger.ZERO, d.get("in_ready"), "direct: the next tile's first beat waits");
        assertEquals(BigInteger.ZERO, direct.step(ctrlIn(1, 1, 0, 0, 0), false).get("in_ready"));
        direct.step(ctrlIn(1, 0, 0, 1, 1), false);        // the corner finishes: out_valid next cycle
        d = direct.step(ctrlIn(1, 0, 1, 0, 0), false);
        assertEquals(BigInteger.ONE, d.get("out_valid"));
        assertEquals(BigInteger.ONE, d.get("in_fire"), "accepted in the cycle the out beat transfers");
        assertEquals(BigInteger.ONE, direct.step(ctrlIn(1, 0, 0, 0, 0), false).get("in_ready"),
                "later beats of the tile stream in");
    }

    @Test
    void theContractNamesTheSkewedLanes() {
        TopInterface os = ((SystolicArray) load("", "output_stationary", "; skew host").top()).topInterface();
        assertEquals(List.of(new LaneSkew("in", "a", null), new LaneSkew("in", "b", null)), os.skews());
        TopInterface ws = ((SystolicArray) load("", "weight_stationary", "; skew host; output direct").top())
                .topInterface();
        assertEquals(List.of(new LaneSkew("in", "x", "in"), new LaneSkew("out", "y", "in")), ws.skews());
        assertTrue(((SystolicArray) load("", "output_stationary", "; output direct").top()).topInterface().skews()
                .isEmpty(), "OS direct keeps one aligned out beat");
        SystolicArray lean = (SystolicArray) load("; multiplier booth", "output_stationary",
                "; output direct; skew host; transform compressed_accumulation").top();
        assertEquals(OutputMode.DIRECT, lean.baseline().output(), "equiv's baseline keeps the timing modes");
        assertEquals(SkewMode.HOST, lean.baseline().skew());
    }

    @Test
    void memberErrors() {
        Diagnostic bad = only("output_stationary", "; output sideways");
        assertEquals(ErrorCode.BAD_OPTION_VALUE, bad.code());
        assertEquals("unknown output mode 'sideways'; expected held or direct", bad.message());
        assertEquals("unknown skew mode (a number or expression); expected internal or host",
                only("weight_stationary", "; skew 2").message());
        assertEquals(ErrorCode.DUPLICATE_MEMBER, only("output_stationary", "; output held; output direct").code());
    }

    /** The defaults can be written out (a default word must not be a keyword of the grammar, as `array` is). */
    @Test
    void theDefaultWordsCanBeWritten() {
        for (String dataflow : List.of("output_stationary", "weight_stationary")) {
            Design written = load("", dataflow, "; output held; skew internal");
            assertEquals(load("", dataflow, "").top(), written.top(), dataflow);
        }
    }

    private static Diagnostic only(String dataflow, String members) {
        List<Diagnostic> ds = assertThrows(UserError.class, () -> load("", dataflow, members)).diagnostics();
        assertEquals(1, ds.size(), ds.toString());
        return ds.get(0);
    }
}
