package bitweave.emit;

import bitweave.datapath.Datapath;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import java.util.HashSet;
import java.util.Set;

/**
 * Fresh names for the few wires the printer adds itself (an encoder's intermediate vectors, the
 * register behind an output port, sinks for unread inputs): never equal to a value, a port, clk or rst.
 */
final class VerilogNames {
    private final Set<String> taken = new HashSet<>();

    VerilogNames(Datapath graph) {
        taken.add("clk");
        taken.add("rst");
        graph.inputs().forEach(v -> taken.add(v.name()));
        graph.outputs().forEach(v -> taken.add(v.name()));
        for (Op op : graph.ops()) {
            op.outputs().forEach(v -> taken.add(v.name()));
        }
    }

    /** {@code base}, or base_1, base_2, ... when taken. */
    String fresh(String base) {
        String name = base;
        for (int n = 1; taken.contains(name); n++) {
            name = base + "_" + n;
        }
        taken.add(name);
        return name;
    }

    /** A fresh name for a wire of {@code width} bits (the printer's own wires are always fully read). */
    Value fresh(String base, int width) {
        return new Value(fresh(base), width);
    }
}
