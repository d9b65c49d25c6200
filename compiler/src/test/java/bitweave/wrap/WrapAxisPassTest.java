package bitweave.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.emit.VerilogEmitter;
import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import bitweave.passes.PassPipeline;
import bitweave.passes.RtlVerifier;
import bitweave.rtl.AxisWrapBody;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import org.junit.jupiter.api.Test;

/** The wrap-axis pass, IR in, IR out: the unit untouched, the wrapper last and the top, its ports the contract's. */
class WrapAxisPassTest {
    @Test
    void addsTheWrapperAsTheLastModuleAndTheTop() {
        Design d = AxisWrapTest.design("systolic(2, 2)", "dataflow weight_stationary");
        RtlDesign before = PassPipeline.run(d, new VerilogEmitter()::moduleText);
        AxisWrap wrap = AxisWrap.of(TopInterface.of(d.top()), 16);
        RtlDesign after = new WrapAxis(wrap).run(before);
        RtlVerifier.verify(after, wrap.wrapped(), "wrap-axis", true);
        assertEquals(before.modules(), after.modules().subList(0, before.modules().size()), "the unit's modules stay");
        assertEquals("d_axis", after.topModule());
        assertEquals(before.latencyCycles(), after.latencyCycles());
        RtlModule top = after.top();
        assertTrue(top.params().isEmpty(), "the wrapper fixes the unit's parameters at their compiled values");
        AxisWrapBody body = (AxisWrapBody) top.body();
        assertEquals("d", body.unit().module());
        assertEquals(2, body.slaves().size());
        AxisWrapBody.Slave w = body.slaves().get(0);
        assertEquals("s_axis_w", w.c().prefix());
        // w_data: 2x2 int8 = 32 bits, two 16-bit transfers: one held, the last passed through
        assertTrue(w.c().serial());
        assertEquals("[15:0] ", w.heldRange());
        assertEquals("s_axis_w_tdata", w.heldNext());
        assertEquals("1'd1", w.c().lastIndex());
        // in_x: 2 x int8 = 16 bits, exactly one transfer, nothing unused but tlast
        AxisWrapBody.Slave in = body.slaves().get(1);
        assertFalse(in.c().serial());
        assertEquals("s_axis_in_tdata", in.wordExpr());
        assertEquals("s_axis_in_tlast", in.c().unusedBits());
        // out_y: 2 x int32 = 64 bits in four transfers, selected by the count
        assertEquals("m_axis_out_full[m_axis_out_count*16 +: 16]", body.master().tdataExpr());
        assertEquals("2'd3", body.master().c().lastIndex());
    }
}
