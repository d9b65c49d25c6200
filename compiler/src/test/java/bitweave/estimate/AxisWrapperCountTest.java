package bitweave.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bitweave.check.Frontend;
import bitweave.emit.VerilogBackend;
import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import bitweave.wrap.AxisWrap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The estimate of a wrapped top: the unit's counts plus the wrapper's counters, held transfers and tdata mux. */
class AxisWrapperCountTest {
    @Test
    void theWrapperAddsItsCountersHeldTransfersAndMux() {
        Design d = Frontend.loadText("design d\npe p {\n  a : int8\n  b : int8\n  acc : int32 wrap\n}\n"
                + "array top = systolic(2, 2) of p {\n  dataflow weight_stationary\n}\n", "d.bw", Map.of(), null);
        Tally unit = HierarchyCounter.count(VerilogBackend.lower(d));
        Tally wrapped = HierarchyCounter.count(VerilogBackend.lower(d,
                Optional.of(AxisWrap.of(TopInterface.of(d.top()), 16))));
        // w: 32 bits in 2 transfers (1-bit counter, 16 bits held); in: 16 bits, one transfer (nothing);
        // out: 64 bits in 4 transfers (2-bit counter, a 4-to-1 mux of 16 bits = 48 2:1 mux bits)
        assertEquals(unit.registerBits + 1 + 16 + 2, wrapped.registerBits);
        assertEquals(unit.resetBits + 1 + 2, wrapped.resetBits);
        assertEquals(unit.adders + 2, wrapped.adders);
        assertEquals(unit.muxBits + 48, wrapped.muxBits);
        assertEquals(unit.multipliers, wrapped.multipliers);
    }
}
