package bitweave.emit;

import bitweave.ir.AdderTree;
import bitweave.ir.ArraySpec;
import bitweave.ir.PeSpec;
import bitweave.ir.SystolicArray;

/** One-line human descriptions of units, for reports and CLI messages. */
public final class UnitNames {
    private UnitNames() {
    }

    public static String describe(ArraySpec a) {
        PeSpec pe = a.pe();
        String mac = pe.a() + " x " + pe.b() + " -> " + pe.acc() + " " + pe.policy().dslName();
        if (a instanceof SystolicArray s) {
            return "systolic " + s.rows() + "x" + s.cols() + " " + s.dataflow().dslName() + ", " + mac;
        }
        AdderTree t = (AdderTree) a;
        return "adder_tree K=" + t.k() + ", pipeline " + t.pipeline() + (t.accumulate() ? ", accumulate" : "") + ", " + mac;
    }
}
