package bitweave.units.systolic;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.MacStructure;
import bitweave.ir.PeSpec;
import bitweave.passes.MacDatapath;
import java.util.ArrayList;
import java.util.List;

/**
 * The datapath graphs of {@code transform compressed_accumulation} (TPE OPT1, DOMAIN.md 2.2) on both
 * systolic dataflows. The PE keeps its accumulator (OS) or its outgoing partial sum (WS) as a carry-save
 * pair (sum, carry), each ACC bits wide, whose value is sum + carry mod 2^ACC. Every step ONE bit heap
 * of ACC bits takes the new partial products together with the stored (OS) or incoming (WS) pair and
 * reduces them to the next pair; compress-bit-heaps builds its counter tree from the PE's
 * {@code reduction}. There is no carry-propagate adder in the accumulation loop, and as the heap is
 * ACC bits wide (mod 2^ACC) its depth depends on the number of rows, not on ACC.
 *
 * <p>The arithmetic is exact only modulo 2^ACC, which is why the transform needs {@code wrap} (E0217):
 * fit(acc + a·b) with wrap is (acc + a·b) mod 2^ACC, and so is every pair the heap produces.
 *
 * <p>The pair is fused by carry-propagate adders outside the loop, so the top interface and the golden
 * model are unchanged. OS, {@code output held}: one adder per row. The pair stays in the PE's registers
 * for a cycle after the tile's last step; the PEs of a row finish one cycle apart, so the row ORs their
 * masked pairs into its adder, whose value each PE's holder captures (ACC flip-flops per PE, not the
 * 2 x ACC a held pair would take, and one adder per row instead of one per PE; the adder reads
 * registers, never the heap, so heap and adder are not in series). OS, {@code output direct}: out_c
 * reads the pairs, one adder per PE on the output. WS: one adder per column end, before the de-skew.
 */
final class CompressedAccumulation {
    private CompressedAccumulation() {
    }

    /** The heap rows of {@code a·b} followed by the pair: everything one step reduces. */
    private static List<Op.HeapRow> stepRows(DatapathBuilder g, PeSpec pe, Value a, Value b, Value sum, Value carry) {
        int accw = pe.acc().width();
        MacStructure.Multiplier multiplier = pe.mac().multiplier();
        List<Op.HeapRow> rows = new ArrayList<>(MacDatapath.productRows(g, a, pe.a(), b, pe.b(), multiplier,
                "product", accw));
        rows.add(new Op.HeapRow(sum, 0, false));
        rows.add(new Op.HeapRow(carry, 0, false));
        return rows;
    }

    private static void heap(DatapathBuilder g, PeSpec pe, Value sum, Value carry, List<Op.HeapRow> rows) {
        g.add(new Op.BitHeap(sum, carry, rows, MacDatapath.reduction(pe.mac()), pe.mac().fourTwo(), g.loc()));
    }

    /**
     * Output-stationary PE: operand forwarding as in the MAC PE; on a valid step the pair becomes
     * heap(a·b, sum, carry), or heap(a·b, 0, 0) on a tile's first step ({@code fresh_q}, see
     * {@link LowerSystolicOs#freshFlag}), so the pair is not cleared at the tile's end: it stays in the
     * registers at least through the next cycle, where the row's adder (held) or the PE's own adder on
     * out_c (direct) reads it. The pair registers need no reset, fresh_q masks them.
     *
     * <p>{@code held}: result_load (the forwarded valid and last, both 1) marks that cycle, and the pair is
     * handed out masked by it (0 otherwise), so the row can OR its PEs' pairs: the PEs of one row finish
     * one cycle apart, and a tile's last beat waits until the previous tile's out beat is read, so at
     * most one PE of a row hands a pair out in any cycle. Direct: the pair itself goes out.
     */
    static Datapath outputStationaryPe(PeSpec pe, boolean held) {
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        LowerSystolicOs.PePorts p = new LowerSystolicOs.PePorts(g, pe);
        Value resultLoad = held ? g.output("result_load", 1) : null;
        Value resultSum = g.output("result_sum", accw);
        Value resultCarry = g.output("result_carry", accw);

        Value sumQ = g.fresh("acc_sum_q", accw);
        Value carryQ = g.fresh("acc_carry_q", accw);
        Value freshQ = LowerSystolicOs.freshFlag(g, p.validIn, p.lastIn);
        Value zero = g.constant("acc_clear", accw, 0);
        Value sumBase = g.mux("acc_sum_base", freshQ, zero, sumQ);
        Value carryBase = g.mux("acc_carry_base", freshQ, zero, carryQ);
        Value nextSum = g.fresh("acc_heap_sum", accw);
        Value nextCarry = g.fresh("acc_heap_carry", accw);
        heap(g, pe, nextSum, nextCarry, stepRows(g, pe, p.aIn, p.bIn, sumBase, carryBase));
        g.register(sumQ, g.mux("acc_sum_d", p.validIn, nextSum, sumQ), null, null);
        g.register(carryQ, g.mux("acc_carry_d", p.validIn, nextCarry, carryQ), null, null);
        p.forward(g);
        if (held) {
            g.add(new Op.Logic(resultLoad, Op.LogicKind.AND, List.of(p.validOut, p.lastOut), g.loc()));
            g.add(new Op.Mux(resultSum, resultLoad, sumQ, zero, g.loc()));
            g.add(new Op.Mux(resultCarry, resultLoad, carryQ, zero, g.loc()));
        } else {
            g.add(new Op.Slice(resultSum, sumQ, 0, g.loc()));
            g.add(new Op.Slice(resultCarry, carryQ, 0, g.loc()));
        }
        return g.build();
    }

    /**
     * Output-stationary holder of {@code output held}: captures its row adder's value on {@code load}
     * (no reset: out_valid qualifies it). In the load cycle the value passes straight to {@code held},
     * so out_c changes in the same cycle as with the untransformed PE, whose holder loads one cycle
     * earlier from the carry-propagated sum (the out beat's timing, and with it bitweave equiv against
     * the baseline, are unchanged).
     */
    static Datapath outputStationaryHold(int accw) {
        DatapathBuilder g = new DatapathBuilder("");
        Value load = g.input("load", 1);
        Value value = g.input("value", accw);
        Value held = g.output("held", accw);
        Value heldQ = g.registerData("held_q", value, load);
        g.add(new Op.Mux(held, load, value, heldQ, g.loc()));
        return g.build();
    }

    /**
     * Weight-stationary PE: weight register and x forwarding as in the MAC PE; the outgoing pair is
     * heap(x·w, incoming sum, incoming carry), registered (the pair is what flows down the column).
     */
    static Datapath weightStationaryPe(PeSpec pe) {
        int aw = pe.a().width();
        int bw = pe.b().width();
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value en = g.input("en", 1);
        Value wLoad = g.input("w_load", 1);
        Value wIn = g.input("w_in", bw);
        Value xIn = g.input("x_in", aw);
        Value sumIn = g.input("p_sum_in", accw);
        Value carryIn = g.input("p_carry_in", accw);
        Value xOut = g.output("x_out", aw);
        Value sumOut = g.output("p_sum_out", accw);
        Value carryOut = g.output("p_carry_out", accw);

        Value wQ = g.registerReset("w_q", wIn, wLoad);
        Value nextSum = g.fresh("p_heap_sum", accw);
        Value nextCarry = g.fresh("p_heap_carry", accw);
        heap(g, pe, nextSum, nextCarry, stepRows(g, pe, xIn, wQ, sumIn, carryIn));
        // data qualified by the valid line: no reset
        g.register(xOut, xIn, en, null);
        g.register(sumOut, nextSum, en, null);
        g.register(carryOut, nextCarry, en, null);
        return g.build();
    }
}
