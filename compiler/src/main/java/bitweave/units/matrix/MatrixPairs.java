package bitweave.units.matrix;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.PeSpec;
import bitweave.passes.EdgeAdder;
import bitweave.passes.MacDatapath;
import bitweave.passes.Structure;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.ArrayItem.Comment;
import bitweave.rtl.ArrayItem.Wire;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Compressed accumulation (OPT1) on the 2D-Matrix: the accumulation over a group's beats is the loop,
 * as in an output-stationary PE, so each unit keeps its accumulator as a (sum, carry) pair mod 2^ACC and
 * every beat one bit heap takes the stored pair and the beat's dot product: the dot value as one signed
 * row, or with OPT2 the final heap's unfused pair (two rows), so no carry-propagate adder is left in
 * the unit until the group ends. Then the edge adder ({@link bitweave.passes.EdgeAdder}, optionally
 * pipelined) fuses the pair into the unit's out register. Needs {@code wrap} (E0217): the pair is only
 * exact modulo 2^ACC, and wrap's fit is exactly that.
 */
final class MatrixPairs {
    private MatrixPairs() {
    }

    /**
     * One unit's accumulator: next = heap(dot, acc pair) (the pair after this beat, what the edge adder
     * fuses at a group's last beat); on a valid beat acc takes next, after the last one the pair returns
     * to (0, 0).
     */
    static Datapath accGraph(PeSpec pe, int dotw, boolean dotIsPair) {
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value advance = g.input("advance", 1);
        Value dot = dotIsPair ? g.input("dot_pair", 2 * accw) : g.input("dot", dotw);
        Value dotValid = g.input("dot_valid", 1);
        Value dotLast = g.input("dot_last", 1);
        Value nextSum = g.output("next_sum", accw);
        Value nextCarry = g.output("next_carry", accw);

        Value sumQ = g.fresh("acc_sum_q", accw);
        Value carryQ = g.fresh("acc_carry_q", accw);
        List<Op.HeapRow> rows = new ArrayList<>();
        if (dotIsPair) {
            rows.add(new Op.HeapRow(g.slice("dot_sum", dot, accw, accw), 0, false));
            rows.add(new Op.HeapRow(g.slice("dot_carry", dot, 0, accw), 0, false));
        } else {
            rows.add(new Op.HeapRow(dot, 0, true));  // exact and signed: the heap sign-extends it mod 2^ACC
        }
        rows.add(new Op.HeapRow(sumQ, 0, false));
        rows.add(new Op.HeapRow(carryQ, 0, false));
        g.add(new Op.BitHeap(nextSum, nextCarry, rows, MacDatapath.reduction(pe.mac()), pe.mac().fourTwo(), g.loc()));
        Value groupEnd = g.and("group_end", dotValid, dotLast);
        Value zero = g.constant("acc_clear", accw, 0);
        Value sumStep = g.mux("acc_sum_step", dotValid, nextSum, sumQ);
        Value carryStep = g.mux("acc_carry_step", dotValid, nextCarry, carryQ);
        // the accumulator is state the contract names (a group starts from 0 after reset)
        g.register(sumQ, g.mux("acc_sum_d", groupEnd, zero, sumStep), advance, BigInteger.ZERO);
        g.register(carryQ, g.mux("acc_carry_d", groupEnd, zero, carryStep), advance, BigInteger.ZERO);
        return g.build();
    }

    /**
     * A unit's items after its dot unit: the accumulator, the edge adder and the out register, loaded
     * when the group's last beat leaves the edge adder's {@code stages} (the flags' delay line
     * {@code flags_late} beside them, or the trees' own flags without stages).
     */
    static List<ArrayItem> unitEnd(String acc, String edge, String hold, int stages, String peLoc, String mxLoc,
                                   boolean dotIsPair) {
        String flags = stages > 0 ? "flags_late" : "g_level[LEVELS].flags";
        return List.of(
                new Comment("compressed accumulation: the pair after this beat; fused once, at the group's end"),
                new Wire("next_sum", "ACC_W", false), new Wire("next_carry", "ACC_W", false),
                new Wire("c_value", "ACC_W", false),
                Structure.instance(acc, "u_acc", peLoc, "clk", "clk", "rst", "rst", "advance", "advance",
                        dotIsPair ? "dot_pair" : "dot", dotIsPair ? "dot_pair" : "dot",
                        "dot_valid", "g_level[LEVELS].flags[1]", "dot_last", "g_level[LEVELS].flags[0]",
                        "next_sum", "next_sum", "next_carry", "next_carry"),
                EdgeAdder.instance(edge, mxLoc, stages, true, "next_sum", "next_carry", "c_value"),
                Structure.instance(hold, "u_hold", peLoc, "clk", "clk", "rst", "rst",
                        "load", "advance & " + flags + "[1] & " + flags + "[0]", "value", "c_value",
                        "held", "out_c[(m*N+n)*ACC_W +: ACC_W]"));
    }
}
