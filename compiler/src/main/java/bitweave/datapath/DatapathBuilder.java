package bitweave.datapath;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a {@link Datapath} op by op. It hands out fresh value names (a base name, then base_1, base_2,
 * ...) and offers the small idioms every lowering needs (explicit extension, constants, registers), so
 * a lowering reads like the hardware it describes. {@code loc} is attached to every op added until it is
 * changed.
 */
public final class DatapathBuilder {
    private final List<Value> inputs = new ArrayList<>();
    private final List<Value> outputs = new ArrayList<>();
    private final List<Op> ops = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private String loc;

    public DatapathBuilder(String loc) {
        this.loc = loc;
    }

    /** Starts from an existing graph (for passes that rewrite one): same ports and ops, names reserved. */
    public static DatapathBuilder from(Datapath graph, String loc) {
        DatapathBuilder b = new DatapathBuilder(loc);
        graph.inputs().forEach(v -> b.reserve(v));
        b.inputs.addAll(graph.inputs());
        b.outputs.addAll(graph.outputs());
        for (Op op : graph.ops()) {
            op.outputs().forEach(b::reserve);
        }
        return b;
    }

    private void reserve(Value v) {
        names.add(v.name());
    }

    public DatapathBuilder at(String newLoc) {
        this.loc = newLoc;
        return this;
    }

    public String loc() {
        return loc;
    }

    /** A new value named {@code base} (or base_N when taken). */
    public Value fresh(String base, int width) {
        String name = base;
        for (int n = 1; names.contains(name); n++) {
            name = base + "_" + n;
        }
        names.add(name);
        return new Value(name, width);
    }

    /** A value with exactly this name (ports): a clash is a lowering bug. */
    public Value named(String name, int width) {
        if (!names.add(name)) {
            throw new IllegalStateException("value name used twice: " + name);
        }
        return new Value(name, width);
    }

    public Value input(String name, int width) {
        Value v = named(name, width);
        inputs.add(v);
        return v;
    }

    /** Declares an output port; an op must drive it (use {@link #named} values as op outputs). */
    public Value output(String name, int width) {
        Value v = named(name, width);
        outputs.add(v);
        return v;
    }

    public <T extends Op> T add(T op) {
        ops.add(op);
        return op;
    }

    public Value constant(String base, int width, BigInteger bits) {
        Value out = fresh(base, width);
        add(new Op.Const(out, bits, loc));
        return out;
    }

    public Value constant(String base, int width, long bits) {
        return constant(base, width, BigInteger.valueOf(bits));
    }

    /** {@code in} widened to {@code width} (signed or zero fill); {@code in} itself when already that wide. */
    public Value extend(String base, Value in, int width, boolean signed) {
        if (in.width() == width) {
            return in;
        }
        Value out = fresh(base, width);
        add(new Op.Extend(out, in, signed, loc));
        return out;
    }

    public Value slice(String base, Value in, int lo, int width) {
        Value out = fresh(base, width);
        add(new Op.Slice(out, in, lo, loc));
        return out;
    }

    public Value bit(String base, Value in, int index) {
        return slice(base, in, index, 1);
    }

    public Value add(String base, Value a, Value b) {
        Value out = fresh(base, a.width());
        add(new Op.Add(out, a, b, false, loc));
        return out;
    }

    public Value mux(String base, Value sel, Value whenTrue, Value whenFalse) {
        Value out = fresh(base, whenTrue.width());
        add(new Op.Mux(out, sel, whenTrue, whenFalse, loc));
        return out;
    }

    public Value and(String base, Value... operands) {
        return logic(base, Op.LogicKind.AND, operands);
    }

    public Value or(String base, Value... operands) {
        return logic(base, Op.LogicKind.OR, operands);
    }

    public Value logic(String base, Op.LogicKind kind, Value... operands) {
        Value out = fresh(base, operands[0].width());
        add(new Op.Logic(out, kind, List.of(operands), loc));
        return out;
    }

    public Value not(String base, Value in) {
        Value out = fresh(base, in.width());
        add(new Op.Not(out, in, loc));
        return out;
    }

    /** Drives {@code out} (typically a port made with {@link #output}) from a register. */
    public void register(Value out, Value d, Value enable, BigInteger resetValue) {
        add(new Op.Register(out, d, enable, resetValue, loc));
    }

    /** A register with a zero reset (state the contract needs after reset). */
    public Value registerReset(String base, Value d, Value enable) {
        Value out = fresh(base, d.width());
        register(out, d, enable, BigInteger.ZERO);
        return out;
    }

    /** A register with no reset (data qualified by a valid bit). */
    public Value registerData(String base, Value d, Value enable) {
        Value out = fresh(base, d.width());
        register(out, d, enable, null);
        return out;
    }

    public Datapath build() {
        return new Datapath(inputs, outputs, ops);
    }
}
