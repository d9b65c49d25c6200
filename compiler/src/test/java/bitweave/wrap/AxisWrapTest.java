package bitweave.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.golden.Beat;
import bitweave.golden.Stimulus;
import bitweave.golden.VectorSet;
import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The wrapper's channels and packing (dsl/INTERFACE.md, "AXI4-Stream wrapper") and the beats-to-transfers map. */
class AxisWrapTest {
    static Design design(String array, String members) {
        return Frontend.loadText("design d\npe p {\n  a : int8\n  b : int8\n  acc : int32 wrap\n}\narray top = " + array
                + " of p {\n  " + members.replace("; ", "\n  ") + "\n}\n", "d.bw", Map.of(), null);
    }

    static final String OS_2X3 = "systolic(2, 3)";

    @Test
    void channelsCarryTheStreamsFieldsInOrderLowestFirst() {
        AxisWrap w = AxisWrap.of(TopInterface.of(design(OS_2X3, "dataflow output_stationary").top()), 8);
        AxisWrap.Channel in = w.channelOf("in");
        assertEquals("s_axis_in", in.axis().name());
        assertEquals(List.of(0, 16, 40), in.fieldOffsets(), "in_a [2x8], in_b [3x8], in_last");
        assertEquals(41, in.wordWidth());
        assertEquals(6, in.transfers(), "ceil(41 / 8)");
        AxisWrap.Channel out = w.master();
        assertEquals("m_axis_out", out.axis().name());
        assertEquals(6 * 32, out.wordWidth());
        assertEquals(24, out.transfers());
        TopInterface wrapped = w.wrapped();
        assertEquals("s_axis_in_tvalid", wrapped.inputs().get(0).validPort());
        assertEquals("m_axis_out_tready", wrapped.output().readyPort());
        assertEquals("m_axis_out_tdata", wrapped.output().portOf(wrapped.output().fields().get(0)));
        assertEquals(8, wrapped.output().fields().get(0).width());
        assertEquals(1, AxisWrap.of(TopInterface.of(design(OS_2X3, "dataflow output_stationary").top()), 64)
                .channelOf("in").transfers(), "a word narrower than tdata is one transfer");
    }

    @Test
    void weightStationaryArraysGetOneSlavePerInputStream() {
        AxisWrap w = AxisWrap.of(TopInterface.of(design("systolic(2, 2)", "dataflow weight_stationary").top()), 16);
        assertEquals(List.of("s_axis_w", "s_axis_in"), w.slaves().stream().map(c -> c.axis().name()).toList());
    }

    @Test
    void skewedLanesAndRawPairsAreRefusedWithE0704() {
        UserError skew = assertThrows(UserError.class, () -> AxisWrap.of(TopInterface.of(
                design("systolic(2, 2)", "dataflow output_stationary; skew host").top()), 8));
        assertEquals(ErrorCode.WRAP_NOT_APPLICABLE, skew.diagnostics().get(0).code());
        assertTrue(skew.getMessage().contains("skewed lane"), skew.getMessage());
        UserError direct = assertThrows(UserError.class, () -> AxisWrap.of(TopInterface.of(
                design("systolic(2, 2)", "dataflow weight_stationary; output direct").top()), 8));
        assertTrue(direct.getMessage().contains("out_y"), direct.getMessage());
        UserError pairs = assertThrows(UserError.class, () -> AxisWrap.of(TopInterface.of(design("systolic(2, 2)",
                "dataflow output_stationary; transform compressed_accumulation raw_pairs").top()), 8));
        assertTrue(pairs.getMessage().contains("raw_pairs"), pairs.getMessage());
    }

    /** Reassembling each channel's transfers gives back every beat's fields (seeded; prints the seed). */
    @Test
    void transfersReassembleIntoTheBeats() {
        long seed = Long.getLong("bitweave.seed", 20261204L);
        Design d = design(OS_2X3, "dataflow output_stationary");
        for (int width : new int[] {8, 16, 24, 64}) {
            AxisWrap w = AxisWrap.of(TopInterface.of(d.top()), width);
            VectorSet unit = Stimulus.generate(d.top(), 50, seed);
            VectorSet axis = AxisVectors.serialize(unit, w);
            assertEquals(w.wrapped(), axis.iface());
            assertEquals(unit.vectors(), axis.vectors());
            check(unit.inputs(), axis.inputs(), w, width, "seed " + seed + ", width " + width);
            check(unit.expected(), axis.expected(), w, width, "seed " + seed + ", width " + width);
        }
    }

    private static void check(List<Beat> beats, List<Beat> transfers, AxisWrap w, int width, String why) {
        int t = 0;
        for (Beat b : beats) {
            AxisWrap.Channel c = w.channelOf(b.stream());
            BigInteger word = BigInteger.ZERO;
            for (int k = 0; k < c.transfers(); k++) {
                Beat x = transfers.get(t++);
                assertEquals(c.axis().name(), x.stream(), why);
                assertEquals(b.vector(), x.vector(), why);
                assertEquals(k == c.transfers() - 1 ? BigInteger.ONE : BigInteger.ZERO, x.fields().get(1), why + ": tlast");
                assertTrue(x.fields().get(0).bitLength() <= width, why);
                word = word.or(x.fields().get(0).shiftLeft(k * width));
            }
            List<BigInteger> fields = new ArrayList<>();
            for (int i = 0; i < c.unit().fields().size(); i++) {
                int bits = c.unit().fields().get(i).width();
                fields.add(word.shiftRight(c.fieldOffsets().get(i)).and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)));
            }
            assertEquals(b.fields(), fields, why);
            assertTrue(word.bitLength() <= c.wordWidth(), why + ": nothing above the word");
        }
        assertEquals(transfers.size(), t, why);
    }
}
