package bitweave.units.systolic;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.MacStructure;
import bitweave.ir.PeSpec;
import bitweave.passes.MacDatapath;
import java.math.BigInteger;
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
 * <p>The pair is fused by one carry-propagate adder outside the loop, so the top interface and the
 * golden model are unchanged: in the OS holder, after the register that captures the tile's final pair
 * (holding the pair costs ACC more flip-flops per PE than holding the sum, but keeps the adder off
 * every register-to-register path of the PE; adding before capturing would put heap + adder in series
 * on the path from the accumulator to the holder); in WS, one adder per column end, before the de-skew.
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
     * heap(a·b, sum, carry); the tile's last valid step hands that pair out (result_load with
     * result_sum, result_carry) and clears the stored pair to (0, 0) for the next tile.
     */
    static Datapath outputStationaryPe(PeSpec pe) {
        int aw = pe.a().width();
        int bw = pe.b().width();
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value aIn = g.input("a_in", aw);
        Value validIn = g.input("valid_in", 1);
        Value lastIn = g.input("last_in", 1);
        Value bIn = g.input("b_in", bw);
        Value aOut = g.output("a_out", aw);
        Value validOut = g.output("valid_out", 1);
        Value lastOut = g.output("last_out", 1);
        Value bOut = g.output("b_out", bw);
        Value resultLoad = g.output("result_load", 1);
        Value resultSum = g.output("result_sum", accw);
        Value resultCarry = g.output("result_carry", accw);

        Value sumQ = g.fresh("acc_sum_q", accw);
        Value carryQ = g.fresh("acc_carry_q", accw);
        Value nextSum = g.fresh("acc_heap_sum", accw);
        Value nextCarry = g.fresh("acc_heap_carry", accw);
        heap(g, pe, nextSum, nextCarry, stepRows(g, pe, aIn, bIn, sumQ, carryQ));
        g.add(new Op.Slice(resultSum, nextSum, 0, g.loc()));
        g.add(new Op.Slice(resultCarry, nextCarry, 0, g.loc()));
        g.add(new Op.Logic(resultLoad, Op.LogicKind.AND, List.of(validIn, lastIn), g.loc()));
        Value zero = g.constant("acc_clear", accw, 0);
        Value sumD = g.mux("acc_sum_d", resultLoad, zero, g.mux("acc_sum_step", validIn, nextSum, sumQ));
        Value carryD = g.mux("acc_carry_d", resultLoad, zero, g.mux("acc_carry_step", validIn, nextCarry, carryQ));
        g.register(sumQ, sumD, null, BigInteger.ZERO);
        g.register(carryQ, carryD, null, BigInteger.ZERO);
        g.register(aOut, aIn, null, BigInteger.ZERO);
        g.register(validOut, validIn, null, BigInteger.ZERO);
        g.register(lastOut, lastIn, null, BigInteger.ZERO);
        g.register(bOut, bIn, null, BigInteger.ZERO);
        return g.build();
    }

    /**
     * Output-stationary holder: captures the tile's final pair on {@code load}; its one carry-propagate
     * adder fuses the held pair into the result (sum + carry mod 2^ACC), between the registers and out_c.
     */
    static Datapath outputStationaryHold(int accw) {
        DatapathBuilder g = new DatapathBuilder("");
        Value load = g.input("load", 1);
        Value sum = g.input("sum", accw);
        Value carry = g.input("carry", accw);
        Value held = g.output("held", accw);
        Value sumQ = g.fresh("sum_q", accw);
        Value carryQ = g.fresh("carry_q", accw);
        g.register(sumQ, sum, load, BigInteger.ZERO);
        g.register(carryQ, carry, load, BigInteger.ZERO);
        g.add(new Op.Add(held, sumQ, carryQ, false, g.loc()));
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
        g.register(xOut, xIn, en, BigInteger.ZERO);
        g.register(sumOut, nextSum, en, BigInteger.ZERO);
        g.register(carryOut, nextCarry, en, BigInteger.ZERO);
        return g.build();
    }

    /** Weight-stationary column end: the one carry-propagate adder of a column, y = sum + carry mod 2^ACC. */
    static Datapath weightStationaryEdge(int accw, String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        Value sum = g.input("sum", accw);
        Value carry = g.input("carry", accw);
        Value value = g.output("value", accw);
        g.add(new Op.Add(value, sum, carry, false, loc));
        return g.build();
    }
}
