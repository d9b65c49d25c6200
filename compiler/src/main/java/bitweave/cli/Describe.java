package bitweave.cli;

import bitweave.ir.AdderTree;
import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.PeSpec;
import bitweave.ir.SystolicArray;
import java.util.stream.Collectors;

/** One-line human descriptions of a checked design for CLI messages. */
final class Describe {
    private Describe() {
    }

    static String array(ArraySpec a) {
        PeSpec pe = a.pe();
        String macs = pe.a() + " x " + pe.b() + " -> " + pe.acc() + " " + pe.policy().dslName();
        if (a instanceof SystolicArray s) {
            return "systolic " + s.rows() + "x" + s.cols() + " " + s.dataflow().dslName() + " (" + macs + ")";
        }
        AdderTree t = (AdderTree) a;
        return "adder_tree K=" + t.k() + " pipeline " + t.pipeline() + (t.accumulate() ? " accumulate" : "")
                + " (" + macs + ")";
    }

    static String params(Design d) {
        if (d.params().isEmpty()) {
            return "";
        }
        return d.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
