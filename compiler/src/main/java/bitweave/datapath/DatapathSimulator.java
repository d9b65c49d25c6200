package bitweave.datapath;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a datapath graph cycle by cycle on bit patterns ({@link OpSemantics}), for the passes' tests:
 * a rewrite is correct when the graph before and after it produce the same outputs on every cycle.
 * Registers start at their reset value (zero when they have none) and reset when {@code rst} is high.
 */
public final class DatapathSimulator {
    private final Datapath graph;
    private final List<Op> order;
    private final Map<String, BigInteger> state = new HashMap<>();

    public DatapathSimulator(Datapath graph) {
        this.graph = graph;
        this.order = DatapathVerifier.combinationalOrder(graph, "simulator");
        for (Op op : graph.ops()) {
            if (op instanceof Op.Register r) {
                state.put(r.out().name(), r.resetValue() == null ? BigInteger.ZERO : r.resetValue());
            }
        }
    }

    /**
     * One clock cycle: evaluates the graph from the inputs and the current register state, returns the
     * output ports' values (before the edge), then clocks the registers.
     */
    public Map<String, BigInteger> step(Map<String, BigInteger> inputs, boolean rst) {
        Map<String, BigInteger> values = new HashMap<>(state);
        for (Value in : graph.inputs()) {
            BigInteger v = inputs.get(in.name());
            if (v == null) {
                throw new IllegalArgumentException("no value for input " + in.name());
            }
            values.put(in.name(), OpSemantics.wrap(v, in.width()));
        }
        for (Op op : order) {
            List<BigInteger> outs = OpSemantics.eval(op, v -> values.get(v.name()));
            for (int i = 0; i < outs.size(); i++) {
                values.put(op.outputs().get(i).name(), outs.get(i));
            }
        }
        Map<String, BigInteger> result = new LinkedHashMap<>();
        for (Value out : graph.outputs()) {
            result.put(out.name(), values.get(out.name()));
        }
        for (Op op : graph.ops()) {
            if (op instanceof Op.Register r) {
                BigInteger next;
                if (rst && r.resetValue() != null) {
                    next = r.resetValue();
                } else if (r.enable() == null || values.get(r.enable().name()).signum() != 0) {
                    next = values.get(r.d().name());
                } else {
                    next = values.get(r.out().name());
                }
                state.put(r.out().name(), next);
            }
        }
        return result;
    }

    /** Evaluates a graph without registers once. */
    public static Map<String, BigInteger> evaluate(Datapath graph, Map<String, BigInteger> inputs) {
        return new DatapathSimulator(graph).step(inputs, false);
    }
}
