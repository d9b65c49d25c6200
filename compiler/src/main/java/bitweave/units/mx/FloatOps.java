package bitweave.units.mx;

import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Datapath idioms of floating-point conversion, built from the plain datapath operations (slices, muxes,
 * adders, reductions): comparisons, a leading-zero normalizer, a right shifter that keeps a sticky bit, a
 * maximum tree. Each is the textbook structure (log2 stages of constant shifts behind muxes), so synthesis
 * sees the shifters and comparators a designer would write. RTL side only.
 */
final class FloatOps {
    private final DatapathBuilder g;

    FloatOps(DatapathBuilder g) {
        this.g = g;
    }

    Value constant(String base, int width, long value) {
        return g.constant(base, width, BigInteger.valueOf(value).and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE)));
    }

    Value zeroExtend(String base, Value v, int width) {
        return g.extend(base, v, width, false);
    }

    Value signExtend(String base, Value v, int width) {
        return g.extend(base, v, width, true);
    }

    Value add(String base, Value a, Value b) {
        return g.add(base, a, b);
    }

    Value sub(String base, Value a, Value b) {
        Value out = g.fresh(base, a.width());
        g.add(new Op.Add(out, a, b, true, g.loc()));
        return out;
    }

    Value isZero(String base, Value v) {
        Value any = g.fresh(base + "_any", 1);
        g.add(new Op.Reduce(any, Op.LogicKind.OR, v, g.loc()));
        return g.not(base, any);
    }

    Value allOnes(String base, Value v) {
        Value out = g.fresh(base, 1);
        g.add(new Op.Reduce(out, Op.LogicKind.AND, v, g.loc()));
        return out;
    }

    Value anyBit(String base, Value v) {
        Value out = g.fresh(base, 1);
        g.add(new Op.Reduce(out, Op.LogicKind.OR, v, g.loc()));
        return out;
    }

    /** The top bit: the sign of a two's-complement value. */
    Value top(String base, Value v) {
        return g.bit(base, v, v.width() - 1);
    }

    /** a < b, both unsigned of one width: the borrow of a - b taken one bit wider. */
    Value lessThan(String base, Value a, Value b) {
        int w = a.width() + 1;
        Value diff = sub(base + "_diff", zeroExtend(base + "_a", a, w), zeroExtend(base + "_b", b, w));
        return top(base, diff);
    }

    Value concat(String base, Value... parts) {
        int w = 0;
        for (Value p : parts) {
            w += p.width();
        }
        Value out = g.fresh(base, w);
        g.add(new Op.Concat(out, List.of(parts), g.loc()));
        return out;
    }

    /** One bit: whether any of {@code bits} is high. */
    Value anyOf(String base, List<Value> bits) {
        if (bits.size() == 1) {
            return bits.get(0);
        }
        return anyBit(base, concat(base + "_bits", bits.toArray(new Value[0])));
    }

    /** Left shift by an unsigned amount, one stage per amount bit (bits past the width are dropped). */
    Value shiftLeft(String base, Value v, Value amount) {
        int w = v.width();
        Value cur = v;
        for (int j = 0; j < amount.width(); j++) {
            long n = 1L << j;
            Value sel = g.bit(base + "_b" + j, amount, j);
            Value moved;
            if (n >= w) {
                moved = constant(base + "_gone" + j, w, 0);
            } else {
                moved = g.fresh(base + "_sl" + j, w);
                g.add(new Op.ShiftLeft(moved, cur, (int) n, g.loc()));
            }
            cur = g.mux(base + "_s" + j, sel, moved, cur);
        }
        return cur;
    }

    /** A value normalized so its top bit is its leading one, and how far it moved (for a zero: every stage). */
    record Normalized(Value value, Value shift) {
    }

    /**
     * Leading-zero normalization: stages of 2^j (largest first) each shift left when the top 2^j bits are
     * zero; the stage decisions, read as a binary number, are the leading-zero count.
     */
    Normalized normalize(String base, Value v) {
        int w = v.width();
        int stages = 32 - Integer.numberOfLeadingZeros(Math.max(1, w - 1));
        Value cur = v;
        List<Value> bits = new ArrayList<>();
        for (int j = stages - 1; j >= 0; j--) {
            int n = 1 << j;
            Value zeros = isZero(base + "_z" + n, g.slice(base + "_hi" + n, cur, w - n, n));
            Value moved = concat(base + "_sl" + n, g.slice(base + "_lo" + n, cur, 0, w - n), constant(base + "_pad", n, 0));
            cur = g.mux(base + "_s" + n, zeros, moved, cur);
            bits.add(zeros);
        }
        Value shift = bits.size() == 1 ? bits.get(0) : concat(base + "_lz", bits.toArray(new Value[0]));
        return new Normalized(cur, shift);
    }

    /** {@code value >> amount} and whether a one was shifted out. */
    record Shifted(Value value, Value sticky) {
    }

    /** Logical right shift by an unsigned amount, one stage per amount bit, OR-ing what falls off. */
    Shifted shiftRightSticky(String base, Value v, Value amount) {
        int w = v.width();
        Value cur = v;
        Value sticky = constant(base + "_st0", 1, 0);
        for (int j = 0; j < amount.width(); j++) {
            long n = 1L << j;
            Value sel = g.bit(base + "_b" + j, amount, j);
            Value moved;
            Value lost;
            if (n >= w) {
                moved = constant(base + "_gone" + j, w, 0);
                lost = anyBit(base + "_lost" + j, cur);
            } else {
                moved = zeroExtend(base + "_sr" + j, g.slice(base + "_keep" + j, cur, (int) n, w - (int) n), w);
                lost = anyBit(base + "_lost" + j, g.slice(base + "_out" + j, cur, 0, (int) n));
            }
            cur = g.mux(base + "_s" + j, sel, moved, cur);
            sticky = g.or(base + "_st" + (j + 1), sticky, g.and(base + "_lostsel" + j, sel, lost));
        }
        return new Shifted(cur, sticky);
    }

    /** The largest of {@code values} (unsigned): a balanced tree of compare-and-select. */
    Value maximum(String base, List<Value> values) {
        List<Value> level = values;
        int depth = 0;
        while (level.size() > 1) {
            List<Value> next = new ArrayList<>();
            for (int i = 0; i + 1 < level.size(); i += 2) {
                Value a = level.get(i);
                Value b = level.get(i + 1);
                Value less = lessThan(base + "_lt" + depth, a, b);
                next.add(g.mux(base + "_m" + depth, less, b, a));
            }
            if (level.size() % 2 == 1) {
                next.add(level.get(level.size() - 1));
            }
            level = next;
            depth++;
        }
        return level.get(0);
    }
}
