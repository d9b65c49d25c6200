package bitweave.datapath;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a datapath graph between passes: every value has exactly one driver (an input port or one op),
 * every read value is driven, every output port is driven, each op's widths obey its rule, and there is
 * no combinational loop (only registers may close a cycle). A failure is a compiler bug: the message
 * names the pass that produced the graph, the op and the rule.
 */
public final class DatapathVerifier {
    private DatapathVerifier() {
    }

    public static void verify(Datapath graph, String where) {
        Map<String, Value> drivers = new HashMap<>();
        for (Value in : graph.inputs()) {
            define(drivers, in, "input port", where);
        }
        for (Op op : graph.ops()) {
            for (Value out : op.outputs()) {
                define(drivers, out, op.kind(), where);
            }
        }
        for (Op op : graph.ops()) {
            for (Value in : op.inputs()) {
                Value driven = drivers.get(in.name());
                if (driven == null) {
                    fail(where, op, "reads " + in + ", which nothing drives");
                }
                if (driven.width() != in.width()) {
                    fail(where, op, "reads " + in + " but it is driven as " + driven);
                }
            }
            checkWidths(op, where);
        }
        for (Value out : graph.outputs()) {
            Value driven = drivers.get(out.name());
            if (driven == null || graph.inputs().contains(out)) {
                throw new IllegalStateException(where + ": output port " + out + " is not driven by an op");
            }
        }
        combinationalOrder(graph, where);
    }

    private static void define(Map<String, Value> drivers, Value v, String by, String where) {
        if (drivers.put(v.name(), v) != null) {
            throw new IllegalStateException(where + ": value " + v + " has two drivers (the second: " + by + ")");
        }
    }

    /**
     * The non-register ops in an order where each reads only values defined earlier (ports, registers,
     * or ops before it). Throws naming one op of the loop when the graph has a combinational cycle.
     */
    public static List<Op> combinationalOrder(Datapath graph, String where) {
        Set<String> ready = new HashSet<>();
        graph.inputs().forEach(v -> ready.add(v.name()));
        List<Op> pending = new ArrayList<>();
        for (Op op : graph.ops()) {
            if (op instanceof Op.Register r) {
                ready.add(r.out().name());
            } else {
                pending.add(op);
            }
        }
        List<Op> order = new ArrayList<>(pending.size());
        // Repeated sweeps: linear when the ops are already in order (the normal case), quadratic at worst.
        while (!pending.isEmpty()) {
            List<Op> next = new ArrayList<>();
            for (Op op : pending) {
                if (op.inputs().stream().allMatch(v -> ready.contains(v.name()))) {
                    order.add(op);
                    op.outputs().forEach(v -> ready.add(v.name()));
                } else {
                    next.add(op);
                }
            }
            if (next.size() == pending.size()) {
                fail(where, next.get(0), "is on a combinational loop (or reads a value driven only inside one)");
            }
            pending = next;
        }
        return order;
    }

    private static void checkWidths(Op op, String where) {
        if (op instanceof Op.Const c) {
            require(c.bits().signum() >= 0 && c.bits().bitLength() <= c.out().width(), where, op,
                    "constant " + c.bits() + " does not fit " + c.out().width() + " bits");
        }
        if (op instanceof Op.Extend e) {
            require(e.out().width() >= e.in().width(), where, op, "narrows");
        }
        if (op instanceof Op.Slice s) {
            require(s.lo() >= 0 && s.lo() + s.out().width() <= s.in().width(), where, op,
                "slice [" + (s.lo() + s.out().width() - 1) + ":" + s.lo() + "] outside " + s.in());
        }
        if (op instanceof Op.Concat c) {
            require(c.parts().stream().mapToInt(Value::width).sum() == c.out().width(),
                where, op, "parts do not add up to the output width");
        }
        if (op instanceof Op.Logic l) {
            require(l.operands().size() >= 2, where, op, "needs two or more operands");
            l.operands().forEach(v -> sameWidth(v, l.out(), where, op));
        }
        if (op instanceof Op.Not n) {
            sameWidth(n.in(), n.out(), where, op);
        }
        if (op instanceof Op.Reduce r) {
            require(r.out().width() == 1, where, op, "output must be one bit");
        }
        if (op instanceof Op.Mux m) {
            require(m.sel().width() == 1, where, op, "select must be one bit");
            sameWidth(m.whenTrue(), m.out(), where, op);
            sameWidth(m.whenFalse(), m.out(), where, op);
        }
        if (op instanceof Op.ShiftLeft s) {
            require(s.amount() >= 0, where, op, "negative shift");
        }
        if (op instanceof Op.Add a) {
            sameWidth(a.a(), a.out(), where, op);
            sameWidth(a.b(), a.out(), where, op);
        }
        if (op instanceof Op.Multiply m) {
            sameWidth(m.a(), m.out(), where, op);
            sameWidth(m.b(), m.out(), where, op);
        }
        if (op instanceof Op.BoothEncode b) {
            digitsOut(b.neg(), b.one(), b.two(),
                Op.BoothEncode.digits(b.in().width(), b.signed()), where, op);
        }
        if (op instanceof Op.EntEncode e) {
            digitsOut(e.neg(), e.one(), e.two(),
                Op.EntEncode.digits(e.in().width(), e.signed()), where, op);
        }
        if (op instanceof Op.PartialProduct p) {
            oneBit(p.neg(), where, op);
            oneBit(p.one(), where, op);
            oneBit(p.two(), where, op);
            require(p.out().width() == Op.PartialProduct.rowWidth(p.b().width(), p.bSigned()), where, op,
                    "row width must be " + Op.PartialProduct.rowWidth(p.b().width(), p.bSigned()));
        }
        if (op instanceof Op.BitHeap h) {
            sameWidth(h.carry(), h.sum(), where, op);
            require(!h.rows().isEmpty(), where, op, "has no rows");
            for (Op.HeapRow row : h.rows()) {
                require(row.shift() >= 0 && row.shift() < h.sum().width(), where, op,
                        "row " + row.value() + " shifted by " + row.shift() + " lies outside the heap");
            }
        }
        if (op instanceof Op.FullAdder f) {
            op.inputs().forEach(v -> oneBit(v, where, op));
        }
        if (op instanceof Op.HalfAdder h) {
            op.inputs().forEach(v -> oneBit(v, where, op));
        }
        if (op instanceof Op.Compressor42 c) {
            op.inputs().forEach(v -> oneBit(v, where, op));
        }
        if (op instanceof Op.Fit f) {
            require(f.in().width() > f.out().width(), where, op,
                "input must be wider than the output");
        }
        if (op instanceof Op.Register r) {
            sameWidth(r.d(), r.out(), where, op);
            if (r.enable() != null) {
                oneBit(r.enable(), where, op);
            }
            BigInteger reset = r.resetValue();
            require(reset == null || (reset.signum() >= 0 && reset.bitLength() <= r.out().width()), where, op,
                    "reset value does not fit");
        }
        if (op instanceof Op.FullAdder || op instanceof Op.HalfAdder || op instanceof Op.Compressor42) {
            op.outputs().forEach(v -> oneBit(v, where, op));
        }
    }

    private static void digitsOut(Value neg, Value one, Value two, int digits, String where, Op op) {
        for (Value v : List.of(neg, one, two)) {
            require(v.width() == digits, where, op, v + " must have one bit per digit (" + digits + ")");
        }
    }

    private static void oneBit(Value v, String where, Op op) {
        require(v.width() == 1, where, op, v + " must be one bit");
    }

    private static void sameWidth(Value v, Value out, String where, Op op) {
        require(v.width() == out.width(), where, op, v + " must have the width of " + out);
    }

    private static void require(boolean ok, String where, Op op, String rule) {
        if (!ok) {
            fail(where, op, rule);
        }
    }

    private static void fail(String where, Op op, String rule) {
        throw new IllegalStateException(where + ": " + op.kind() + " -> " + op.outputs() + ": " + rule);
    }
}
