package bitweave.passes;

import static bitweave.passes.DatapathChecks.multiply;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.datapath.Datapath;
import bitweave.ir.MacStructure.Multiplier;
import bitweave.datapath.Op;
import bitweave.passes.DatapathChecks.Shape;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The counters each reduction spends on an int8 x int8 radix-4 Booth multiplier (printed for the
 * notes), and the sanity relations between them: Dadda spends no more full or half adders than
 * Wallace, a chain needs the most stages, each report matches the ops in the graph.
 */
class HeapCountsTest {

    private static HeapReport report(Multiplier kind, Op.Reduction reduction, boolean use42) {
        return report(kind, reduction, use42, Shape.exact(8, true, 8, true));
    }

    private static HeapReport report(Multiplier kind, Op.Reduction reduction, boolean use42, Shape shape) {
        Datapath lowered = new LowerMultipliers(kind, reduction, use42).run(multiply(shape));
        List<HeapReport> reports = new ArrayList<>();
        Datapath compressed = new CompressBitHeaps(reports::add).run(lowered);
        assertEquals(1, reports.size());
        HeapReport r = reports.get(0);
        assertEquals(DatapathChecks.count(compressed, Op.FullAdder.class), r.fullAdders(), r.toString());
        assertEquals(DatapathChecks.count(compressed, Op.HalfAdder.class), r.halfAdders(), r.toString());
        assertEquals(DatapathChecks.count(compressed, Op.Compressor42.class), r.compressors42(), r.toString());
        return r;
    }

    /** The textbook case: an unsigned 8 x 8 AND array (8 rows, height 8). */
    @Test
    void uint8AndArrayAsInTheTextbooks() {
        for (Op.Reduction reduction : Op.Reduction.values()) {
            System.out.println("uint8 x uint8 and_array " + report(Multiplier.AND_ARRAY, reduction, false,
                    Shape.exact(8, false, 8, false)));
        }
    }

    @Test
    void int8BoothCountersPerReduction() {
        for (Multiplier kind : List.of(Multiplier.BOOTH, Multiplier.ENT, Multiplier.AND_ARRAY)) {
            for (boolean use42 : new boolean[] {false, true}) {
                Map<Op.Reduction, HeapReport> r = new EnumMap<>(Op.Reduction.class);
                for (Op.Reduction reduction : Op.Reduction.values()) {
                    r.put(reduction, report(kind, reduction, use42));
                    System.out.println("int8 x int8 " + kind.dslName() + " " + r.get(reduction));
                }
                HeapReport wallace = r.get(Op.Reduction.WALLACE);
                HeapReport dadda = r.get(Op.Reduction.DADDA);
                HeapReport chain = r.get(Op.Reduction.CHAIN);
                String what = kind + (use42 ? " +4:2" : "");
                assertTrue(dadda.fullAdders() + 2 * dadda.compressors42()
                        <= wallace.fullAdders() + 2 * wallace.compressors42(), what);
                assertTrue(wallace.stages() <= dadda.stages() && dadda.stages() <= chain.stages(), what);
                assertTrue(wallace.stages() >= 2 && wallace.fullAdders() + wallace.compressors42() > 10, what);
                if (!use42) {
                    assertEquals(0, wallace.compressors42() + dadda.compressors42() + chain.compressors42(), what);
                }
            }
        }
    }
}
