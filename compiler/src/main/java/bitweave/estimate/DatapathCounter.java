package bitweave.estimate;

import bitweave.datapath.Datapath;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts one datapath graph's ops into a {@link Tally}, at the widths synthesis keeps. Two bit-width facts
 * matter, as Yosys' wreduce and opt_clean act on them:
 * <ul>
 *   <li><b>significant bits</b> (forward): a value's low bits that are not copies of a sign or zeros. The
 *       lowering extends a multiplier's 8-bit operands to the 16-bit product width; the multiplier synthesis
 *       builds is 8×8, not 16×16;</li>
 *   <li><b>read bits</b> (backward): the low bits some reader uses. A 34-bit exact sum wrapped into 32 bits is a
 *       32-bit adder; a register nothing reads disappears.</li>
 * </ul>
 * An op's cost width is the smaller of the two for its result. Module outputs are read in full (the
 * hierarchy is not looked through, so a constant fed into an instance is not propagated).
 */
final class DatapathCounter {
    private final Datapath graph;
    private final Map<Value, Integer> significant = new HashMap<>();
    private final Map<Value, Integer> read = new HashMap<>();
    private final Map<Value, Op> driver = new HashMap<>();

    private DatapathCounter(Datapath graph) {
        this.graph = graph;
        for (Op op : graph.ops()) {
            op.outputs().forEach(v -> driver.put(v, op));
        }
    }

    /** The op behind {@code v}, looking through extensions (null for an input port). */
    private Op source(Value v) {
        Op op = driver.get(v);
        while (op instanceof Op.Extend e) {
            op = driver.get(e.in());
        }
        return op;
    }

    private boolean constant(Value v) {
        return source(v) instanceof Op.Const;
    }

    static Tally count(Datapath graph) {
        DatapathCounter c = new DatapathCounter(graph);
        c.forward();
        c.backward();
        return c.tally();
    }

    private int sig(Value v) {
        return significant.getOrDefault(v, v.width());
    }

    private int demand(Value v) {
        return read.getOrDefault(v, 0);
    }

    /** The bits an op's result costs: significant and read. */
    private int kept(Value out) {
        return Math.min(sig(out), demand(out));
    }

    private void forward() {
        // register feedback: a register's significance is that of its input, known only after a first sweep
        for (int sweep = 0; sweep < 3; sweep++) {
            for (Op op : graph.ops()) {
                Value out = op.outputs().get(0);
                significant.put(out, Math.min(out.width(), significantBits(op, out.width())));
            }
        }
    }

    private int significantBits(Op op, int w) {
        if (op instanceof Op.Const c) {
            return Math.max(1, c.bits().bitLength());
        } else if (op instanceof Op.Extend e) {
            return sig(e.in());
        } else if (op instanceof Op.Slice sl) {
            return Math.max(1, Math.min(w, sig(sl.in()) - sl.lo()));
        } else if (op instanceof Op.Add a) {
            return Math.max(sig(a.a()), sig(a.b())) + 1;
        } else if (op instanceof Op.Multiply m) {
            return sig(m.a()) + sig(m.b());
        } else if (op instanceof Op.ShiftLeft sh) {
            return sig(sh.in()) + sh.amount();
        } else if (op instanceof Op.Mux m) {
            return Math.max(sig(m.whenTrue()), sig(m.whenFalse()));
        } else if (op instanceof Op.Logic l) {
            return l.operands().stream().mapToInt(this::sig).max().orElse(w);
        } else if (op instanceof Op.Fit f) {
            return f.policy() == Op.FitPolicy.WRAP ? sig(f.in()) : w;
        } else if (op instanceof Op.Register r) {
            return r.resetValue() == null ? sig(r.d()) : Math.max(sig(r.d()), Math.max(1, r.resetValue().bitLength()));
        }
        return w;
    }

    private void backward() {
        for (Value o : graph.outputs()) {
            read.put(o, o.width());
        }
        List<Op> ops = graph.ops();
        for (int sweep = 0; sweep < 3; sweep++) {   // again for register feedback
            for (int i = ops.size() - 1; i >= 0; i--) {
                demandInputs(ops.get(i));
            }
        }
    }

    /** Marks the operand bits {@code op} reads, given the bits of its result something reads. */
    private void demandInputs(Op op) {
        int d = demand(op.outputs().get(0));
        int flag = d == 0 ? 0 : 1;
        if (op instanceof Op.Extend e) {
            need(e.in(), d);
        } else if (op instanceof Op.Slice sl) {
            need(sl.in(), d == 0 ? 0 : sl.lo() + d);
        } else if (op instanceof Op.ShiftLeft sh) {
            need(sh.in(), d - sh.amount());
        } else if (op instanceof Op.Add || op instanceof Op.Multiply || op instanceof Op.Logic || op instanceof Op.Not) {
            op.inputs().forEach(v -> need(v, d));   // low result bits depend on low operand bits only
        } else if (op instanceof Op.Mux m) {
            need(m.sel(), flag);
            need(m.whenTrue(), d);
            need(m.whenFalse(), d);
        } else if (op instanceof Op.Register r) {
            need(r.d(), d);
            if (r.enable() != null) {
                need(r.enable(), flag);
            }
        } else if (op instanceof Op.Fit f) {
            need(f.in(), f.policy() == Op.FitPolicy.WRAP ? d : flag * f.in().width());
        } else if (op instanceof Op.Concat c) {
            int offset = 0;
            for (int p = c.parts().size() - 1; p >= 0; p--) {
                Value part = c.parts().get(p);
                need(part, d - offset);
                offset += part.width();
            }
        } else {
            boolean anyRead = used(op);
            op.inputs().forEach(v -> need(v, anyRead ? v.width() : 0));
        }
    }

    private void need(Value v, int bits) {
        int b = Math.max(0, Math.min(v.width(), bits));
        read.merge(v, b, Math::max);
    }

    private Tally tally() {
        Tally t = new Tally();
        for (Op op : graph.ops()) {
            countOp(op, t);
        }
        return t;
    }

    private void countOp(Op op, Tally t) {
        if (op instanceof Op.Register r) {
            int bits = kept(r.out());
            t.registerBits += bits;
            t.resetBits += r.resetValue() != null ? bits : 0;
            t.enableBits += r.enable() != null ? bits : 0;
        } else if (op instanceof Op.Add a) {
            int bits = kept(a.out());
            if (bits > 0 && (source(a.a()) instanceof Op.Multiply || source(a.b()) instanceof Op.Multiply)) {
                t.macAdderBits += bits;   // multiply-accumulate: a DSP block or Yosys' macc tree takes it in
            } else if (bits > 0) {
                t.adders++;
                t.adderBits += bits;
            }
        } else if (op instanceof Op.Multiply m) {
            int d = demand(m.out());
            if (d > 0 && (constant(m.a()) || constant(m.b()))) {
                // by a constant: Yosys shifts and adds, an adder per further one bit of the constant, or of its
                // negation plus one negating adder (a multiply by all ones, -1, is one negation)
                Op.Const c = (Op.Const) (constant(m.a()) ? source(m.a()) : source(m.b()));
                int ones = c.bits().bitCount();
                int negatedOnes = java.math.BigInteger.ONE.shiftLeft(m.out().width()).subtract(c.bits()).bitCount();
                int adders = Math.max(0, Math.min(ones - 1, negatedOnes));
                t.adders += adders;
                t.adderBits += (long) adders * Math.min(d, kept(m.out()));
            } else if (d > 0) {
                t.addMultiplier(Math.min(sig(m.a()), d), Math.min(sig(m.b()), d));
            }
        } else if (op instanceof Op.Mux m) {
            if (constant(m.whenTrue()) || constant(m.whenFalse())) {
                t.constMuxBits += kept(m.out());   // choosing a constant: an and/or gate per bit
            } else {
                t.muxBits += kept(m.out());
            }
        } else if (op instanceof Op.Logic l) {
            t.gateBits += (long) (l.operands().size() - 1) * kept(l.out());
        } else if (op instanceof Op.Reduce r) {
            t.gateBits += demand(r.out()) > 0 ? sig(r.in()) - 1 : 0;
        } else if (op instanceof Op.FullAdder) {
            t.fullAdders += used(op) ? 1 : 0;
        } else if (op instanceof Op.HalfAdder) {
            t.halfAdders += used(op) ? 1 : 0;
        } else if (op instanceof Op.Compressor42) {
            t.compressors42 += used(op) ? 1 : 0;
        } else if (op instanceof Op.BoothEncode b) {
            t.encodedDigits += used(op) ? b.neg().width() : 0;
        } else if (op instanceof Op.EntEncode e) {
            t.encodedDigits += used(op) ? e.neg().width() : 0;
        } else if (op instanceof Op.PartialProduct p) {
            t.partialProductBits += demand(p.out());
        } else if (op instanceof Op.Fit f) {
            t.saturateBits += f.policy() == Op.FitPolicy.WRAP ? 0 : demand(f.out());
        } else if (op instanceof Op.BitHeap h) {
            throw new IllegalStateException("bit heap " + h.sum().name()
                    + " left after compress-bit-heaps; the estimate counts its counters");
        }
        // const, extend, slice, concat, shift-left, not: wiring (a NOT folds into the gate after it)
    }

    private boolean used(Op op) {
        return op.outputs().stream().anyMatch(v -> demand(v) > 0);
    }
}
