package bitweave.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bitweave.rtl.ParamExpression;
import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.DatapathBody;
import bitweave.rtl.DelayBody;
import bitweave.rtl.ParamExpression;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlParam;
import bitweave.rtl.StructuralBody;
import bitweave.synth.SynthTarget;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The estimator on tiny hand-made IR: what it counts, at which widths, how often, and the price per target. */
class EstimatorTest {
    /** A PE: 8×8 signed product extended to 16 bits, accumulated into a 34-bit sum wrapped to a 32-bit register. */
    private static Datapath mac() {
        DatapathBuilder b = new DatapathBuilder("t:1:1");
        Value a = b.input("a", 8);
        Value x = b.input("x", 8);
        Value out = b.output("acc", 32);
        Value pa = b.extend("pa", a, 16, true);
        Value px = b.extend("px", x, 16, true);
        Value p = b.fresh("p", 16);
        b.add(new Op.Multiply(p, pa, px, "t:1:1"));
        Value wideAcc = b.extend("acc_w", out, 34, true);
        Value wideP = b.extend("p_w", p, 34, true);
        Value sum = b.add("sum", wideAcc, wideP);
        Value fitted = b.fresh("fitted", 32);
        b.add(new Op.Fit(fitted, sum, Op.FitPolicy.WRAP, "t:1:1"));
        b.register(out, fitted, null, BigInteger.ZERO);
        return b.build();
    }

    @Test
    void countsAMultiplierAtItsOperandsWidthsAndTheAdderAtTheBitsRead() {
        Tally t = DatapathCounter.count(mac());
        assertEquals(Map.of(new Tally.Shape(8, 8), 1L), t.multipliers);
        assertEquals(32, t.macAdderBits, "the 34-bit sum is read only in its low 32 bits");
        assertEquals(0, t.adderBits, "the only adder sums a product: a multiply-accumulate");
        assertEquals(32, t.registerBits);
        assertEquals(32, t.resetBits);
        assertEquals(0, t.enableBits);
    }

    @Test
    void anUnreadResultCostsNothing() {
        DatapathBuilder b = new DatapathBuilder("t:1:1");
        Value a = b.input("a", 8);
        Value c = b.input("c", 8);
        Value o = b.output("o", 4);
        Value s = b.add("s", a, c);
        b.register(b.named("dead", 8), s, null, null);   // nothing reads it
        b.add(new Op.Slice(o, s, 0, "t:1:1"));
        Tally t = DatapathCounter.count(b.build());
        assertEquals(0, t.registerBits);
        assertEquals(4, t.adderBits, "only the low 4 sum bits are read");
    }

    @Test
    void aConstantMultiplierIsShiftsAndAddsAndMinusOneIsANegation() {
        for (long constant : new long[] {5, 0xFFFF}) {
            DatapathBuilder b = new DatapathBuilder("t:1:1");
            Value a = b.input("a", 16);
            Value o = b.output("o", 16);
            b.add(new Op.Multiply(o, a, b.constant("k", 16, constant), "t:1:1"));
            Tally t = DatapathCounter.count(b.build());
            assertEquals(0, t.multiplierCount(), "no multiplier for a constant factor");
            assertEquals(constant == 5 ? 1 : 1, t.adders, "5 = 4 + 1: one adder; -1: one negation");
            assertEquals(16, t.adderBits);
        }
    }

    /** A top looping over ROWS×COLS PEs and ROWS skew lines of depth r: instances and delay stages multiplied out. */
    private static RtlDesign array(long rows, long cols) {
        RtlModule pe = new RtlModule("pe", "", "", List.of(), List.of(), new DatapathBody(mac()));
        RtlModule delay = new RtlModule("delay", "", "", List.of(new RtlParam("W", 1, ""), new RtlParam("DEPTH", 1, ""),
                new RtlParam("RESET", 1, "")), List.of(), new DelayBody());
        ArrayItem.Instance peInst = new ArrayItem.Instance("pe", "u_pe", List.of(), List.of(), "");
        ArrayItem.Instance skew = new ArrayItem.Instance("delay", "u_skew", List.of(new ArrayItem.Connection("W", "A_W"),
                new ArrayItem.Connection("DEPTH", "r"), new ArrayItem.Connection("RESET", "0")),
                List.of(new ArrayItem.Connection("en", "1'b1")), "");
        List<ArrayItem> items = List.of(
                new ArrayItem.LocalParam("A_W", "8"),
                new ArrayItem.Loop("r", "ROWS", "g_skew", List.of(skew)),
                new ArrayItem.Loop("r", "ROWS", "g_row", List.of(new ArrayItem.Loop("c", "COLS", "g_col", List.of(
                        new ArrayItem.Branch("c == COLS - 1 && r == 0", "g_corner", List.of(peInst), "g_rest", List.of(peInst)))))));
        RtlModule top = new RtlModule("top", "", "", List.of(new RtlParam("ROWS", rows, ""), new RtlParam("COLS", cols, "")),
                List.of(), new StructuralBody(items));
        return new RtlDesign(List.of(pe, delay, top), "top", 0, rows * cols);
    }

    @Test
    void multipliesThroughGenerateLoopsAndDelayLines() {
        Tally t = HierarchyCounter.count(array(3, 2));
        assertEquals(Map.of(new Tally.Shape(8, 8), 6L), t.multipliers);
        // 6 PEs × 32 accumulator bits + skew lines of depth 0, 1, 2 of 8 bits
        assertEquals(6 * 32 + (0 + 1 + 2) * 8, t.registerBits);
        assertEquals(0, t.enableBits, "en = 1'b1: no enable");
        assertEquals(6 * 32, t.resetBits, "RESET = 0 skew lines have no reset");
    }

    @Test
    void pricesPerTargetWithAndWithoutDsps() {
        Estimate ice40 = Estimator.estimate(array(2, 2), SynthTarget.ICE40);
        assertEquals(List.of("dsp", "nodsp"), ice40.columns().stream().map(Estimate.Column::name).toList());
        assertEquals(List.of("SB_LUT4", "SB_CARRY", "DFF", "SB_MAC16", "BRAM"), ice40.resourceNames());
        assertEquals(4, ice40.column("dsp").resources().get("SB_MAC16"));
        assertEquals(0, ice40.column("nodsp").resources().get("SB_MAC16"));
        assertEquals(4 * 32 + 8, ice40.column("nodsp").resources().get("DFF"));
        long lutsDsp = ice40.column("dsp").resources().get("SB_LUT4");
        long lutsNoDsp = ice40.column("nodsp").resources().get("SB_LUT4");
        assertEquals(true, lutsNoDsp > lutsDsp + 4 * 64, "four 8×8 multipliers move into LUTs: " + lutsDsp + " -> " + lutsNoDsp);

        Estimate xilinx = Estimator.estimate(array(2, 2), SynthTarget.XILINX);
        assertEquals(List.of("LUT", "FF", "CARRY4", "DSP48E1", "BRAM"), xilinx.resourceNames());
        assertEquals(4, xilinx.column("dsp").resources().get("DSP48E1"));

        Estimate generic = Estimator.estimate(array(2, 2), SynthTarget.GENERIC);
        assertEquals(List.of("DFF", "GE"), generic.resourceNames());
        assertEquals(4 * 32 + 8, generic.column("generic").resources().get("DFF"));
        // twice the array: every count doubles, so GE does too (up to rounding)
        long ge2 = generic.column("generic").resources().get("GE");
        long ge4 = Estimator.estimate(array(2, 4), SynthTarget.GENERIC).column("generic").resources().get("GE");
        assertEquals(2.0 * ge2, ge4, 2.0 + 8 * 6, "skew lines are per row, the rest per PE");
    }

    @Test
    void aWideMultiplierTakesSeveralDspBlocks() {
        Features.DspBlock mac16 = Features.DspBlock.SB_MAC16;
        assertEquals(1, mac16.blocks(new Tally.Shape(16, 16)));
        assertEquals(4, mac16.blocks(new Tally.Shape(24, 17)));
        assertEquals(false, mac16.takes(new Tally.Shape(4, 4)), "an 8-bit product is below mul2dsp's 11-bit minimum");
        assertEquals(1, Features.DspBlock.DSP48E1.blocks(new Tally.Shape(25, 18)));
    }

    @Test
    void evaluatesTheArrayLevelsExpressions() {
        Map<String, Long> scope = Map.of("LEVELS", 4L, "PIPE", 2L, "i", 5L, "LEAVES", 16L, "K", 12L);
        assertEquals(2, ParamExpression.eval("LEVELS + 1 - $clog2(i + 1)", scope));
        assertEquals(1, ParamExpression.eval("(2 >= LEVELS + 1 - PIPE) ? 0 : 1", scope));
        assertEquals(0, ParamExpression.eval("i - LEAVES < K", Map.of("i", 28L, "LEAVES", 16L, "K", 12L)));
        assertEquals(31, ParamExpression.eval("2*LEAVES-1", scope));
        assertThrows(IllegalArgumentException.class, () -> ParamExpression.eval("ROWS", scope));
    }
}
