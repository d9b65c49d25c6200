package bitweave.datapath;

import java.util.List;

/**
 * The inside of one module at the datapath level: a graph of typed operations with concrete widths.
 * {@code inputs} and {@code outputs} are the module's data ports (an output value carries the port's
 * name); a graph with a {@link Op.Register} also has the implicit ports {@code clk} and {@code rst}.
 * {@code ops} is in an order where, apart from register feedback, every value is defined before it is
 * read (the verifier checks this and the rest: widths, one driver per value, no combinational loop).
 */
public record Datapath(List<Value> inputs, List<Value> outputs, List<Op> ops) {
    public Datapath {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        ops = List.copyOf(ops);
    }

    public boolean clocked() {
        return ops.stream().anyMatch(op -> op instanceof Op.Register);
    }

    /** The same ports with other operations (what a rewriting pass returns). */
    public Datapath withOps(List<Op> newOps) {
        return new Datapath(inputs, outputs, newOps);
    }
}
