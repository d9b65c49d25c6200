package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.TopInterface;
import bitweave.units.systolic.Dataflow;
import bitweave.units.systolic.SystolicArray;
import org.junit.jupiter.api.Test;

class MismatchDetailTest {
    private static final PeSpec PE = new PeSpec("mac", new IntType(8, true), new IntType(8, true),
            new IntType(8, true), OverflowPolicy.WRAP, SourceLoc.NONE);

    @Test
    void namesTheFirstDifferingMatrixElementWithSignedValues() {
        TopInterface iface = TopInterface.of(new SystolicArray("top", PE, 2, 2, Dataflow.OUTPUT_STATIONARY, SourceLoc.NONE));
        // C is row-major, element i at bits [8i +: 8]: element 2 = C[1][0] differs (5 vs -1), element 3 too.
        Mismatch m = new Mismatch(4, 99, "out_c", "0x07050201", "0x09ff0201", 4, false);
        String d = MismatchDetail.describe(m, iface, 2).orElseThrow();
        assertEquals("out_c element 2 (C[1][0]): expected 5, got -1 (2 of 4 elements differ)", d);
    }

    @Test
    void extraBeatsHaveNoElementDetail() {
        TopInterface iface = TopInterface.of(new SystolicArray("top", PE, 1, 1, Dataflow.OUTPUT_STATIONARY, SourceLoc.NONE));
        assertTrue(MismatchDetail.describe(new Mismatch(0, 5, "out_valid", "0x0", "0x1", 1, true), iface, 1).isEmpty());
    }
}
