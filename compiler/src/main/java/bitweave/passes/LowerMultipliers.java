package bitweave.passes;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.ir.MacStructure.Multiplier;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * lower-multipliers: opens every behavioural {@link Op.Multiply} into partial-product rows thrown into
 * one {@link Op.BitHeap} (reduced later by compress-bit-heaps) and a carry-propagate {@link Op.Add} of
 * the heap's two rows. The adder drives the multiply's own output value, so its readers are unchanged.
 *
 * <p>A lowering extends both operands to the product width P before multiplying. This pass looks
 * through those {@link Op.Extend} ops to the narrow operands and their signedness, so the rows are as
 * narrow as the operands, not P bits. An operand that no Extend drives is taken as an unsigned number
 * of its full width P: the product mod 2^P of two P-bit patterns does not depend on how they are read,
 * so that is always exact, only larger. An Extend left without readers is dropped.
 *
 * <p>Every row set below sums to exactly a·b (as integers, before any wrap); the heap then keeps the
 * sum mod 2^P, which is what the multiply computed. Rows or bits at weights >= 2^P are left out (they
 * are multiples of 2^P).
 */
public final class LowerMultipliers implements DatapathPass {
    private final Multiplier kind;
    private final Op.Reduction reduction;
    private final boolean use42;

    public LowerMultipliers(Multiplier kind, Op.Reduction reduction, boolean use42) {
        this.kind = kind;
        this.reduction = reduction;
        this.use42 = use42;
    }

    @Override
    public String name() {
        return "lower-multipliers";
    }

    /** A narrow multiplier operand: its bits and how they are read. */
    private record Operand(Value bits, boolean signed) {
        int width() {
            return bits.width();
        }
    }

    @Override
    public Datapath run(Datapath graph) {
        if (kind == Multiplier.BEHAVIORAL) {
            return graph;
        }
        Map<String, Op> drivers = new HashMap<>();
        Map<String, Integer> reads = new HashMap<>();
        for (Op op : graph.ops()) {
            op.outputs().forEach(v -> drivers.put(v.name(), op));
            op.inputs().forEach(v -> reads.merge(v.name(), 1, Integer::sum));
        }
        Set<String> deadExtends = deadExtends(graph, drivers, reads);

        DatapathBuilder b = DatapathBuilder.from(graph, "");
        for (Op op : graph.ops()) {
            if (op instanceof Op.Extend e && deadExtends.contains(e.out().name())) {
                continue;
            }
            if (op instanceof Op.Multiply m) {
                b.at(m.loc());
                lower(b, m, operand(m.a(), drivers), operand(m.b(), drivers));
            } else {
                b.add(op);
            }
        }
        return b.build();
    }

    private static Operand operand(Value v, Map<String, Op> drivers) {
        Op driver = drivers.get(v.name());
        if (driver instanceof Op.Extend e) {
            return new Operand(e.in(), e.signed());
        }
        return new Operand(v, false);
    }

    /** Extends read only by multiplies (which this pass replaces) and not ports: nothing reads them afterwards. */
    private static Set<String> deadExtends(Datapath graph, Map<String, Op> drivers, Map<String, Integer> reads) {
        Map<String, Integer> multiplyReads = new HashMap<>();
        for (Op op : graph.ops()) {
            if (op instanceof Op.Multiply m) {
                for (Value in : m.inputs()) {
                    if (drivers.get(in.name()) instanceof Op.Extend) {
                        multiplyReads.merge(in.name(), 1, Integer::sum);
                    }
                }
            }
        }
        Set<String> ports = new HashSet<>();
        graph.outputs().forEach(v -> ports.add(v.name()));
        Set<String> dead = new HashSet<>();
        multiplyReads.forEach((name, n) -> {
            if (n.equals(reads.get(name)) && !ports.contains(name)) {
                dead.add(name);
            }
        });
        return Collections.unmodifiableSet(dead);
    }

    private void lower(DatapathBuilder b, Op.Multiply m, Operand a, Operand x) {
        int width = m.out().width();
        String base = m.out().name();
        List<Op.HeapRow> rows = partialProductRows(b, kind, base, a.bits(), a.signed(), x.bits(), x.signed(), width);
        Value sum = b.fresh(base + "_heap_sum", width);
        Value carry = b.fresh(base + "_heap_carry", width);
        b.add(new Op.BitHeap(sum, carry, rows, reduction, use42, b.loc()));
        b.add(new Op.Add(m.out(), sum, carry, false, b.loc()));
    }

    /**
     * The partial-product rows of {@code a·x} (each operand read signed or unsigned as given) for a bit
     * heap of {@code width} bits, with the ops that make them added to {@code b}: the rows sum to a·x
     * exactly, minus terms at weights >= 2^width. This is what the pass throws into a multiply's heap;
     * a lowering that wants the product's rows in a heap of its own (compressed accumulation, OPT1)
     * calls it directly. Value names start with {@code base}.
     */
    public static List<Op.HeapRow> partialProductRows(DatapathBuilder b, Multiplier kind, String base, Value a,
                                                      boolean aSigned, Value x, boolean xSigned, int width) {
        Operand ao = new Operand(a, aSigned);
        Operand xo = new Operand(x, xSigned);
        return switch (kind) {
            case AND_ARRAY -> andArrayRows(b, base, ao, xo, width);
            case BOOTH, ENT -> radixFourRows(b, kind, base, ao, xo, width);
            case BEHAVIORAL -> throw new IllegalArgumentException("a behavioral multiplier makes no partial products");
        };
    }

    /**
     * Radix-4 (Booth or EN-T): a = Σ d_i·4^i with d_i in {0, ±1, ±2}, so a·b = Σ (d_i·b)·4^i. The selector
     * gives row_i with row_i + neg_i = d_i·b (a negative digit complements |d_i|·b, and ~y = -y - 1), so
     * each digit throws its signed row at weight 2·i and its neg bit, the +1 completing the two's
     * complement, at the same weight. Both sum to d_i·b·4^i exactly.
     */
    private static List<Op.HeapRow> radixFourRows(DatapathBuilder b, Multiplier kind, String base, Operand a,
                                                  Operand x, int width) {
        int digits = kind == Multiplier.BOOTH
                ? Op.BoothEncode.digits(a.width(), a.signed())
                : Op.EntEncode.digits(a.width(), a.signed());
        Value neg = b.fresh(base + "_neg", digits);
        Value one = b.fresh(base + "_one", digits);
        Value two = b.fresh(base + "_two", digits);
        if (kind == Multiplier.BOOTH) {
            b.add(new Op.BoothEncode(neg, one, two, a.bits(), a.signed(), b.loc()));
        } else {
            b.add(new Op.EntEncode(neg, one, two, a.bits(), a.signed(), b.loc()));
        }
        int rowWidth = Op.PartialProduct.rowWidth(x.width(), x.signed());
        List<Op.HeapRow> rows = new ArrayList<>();
        for (int i = 0; i < digits && 2 * i < width; i++) {
            Value negI = bit(b, base + "_neg" + i, neg, i);
            Value oneI = bit(b, base + "_one" + i, one, i);
            Value twoI = bit(b, base + "_two" + i, two, i);
            Value row = b.fresh(base + "_pp" + i, rowWidth);
            b.add(new Op.PartialProduct(row, negI, oneI, twoI, x.bits(), x.signed(), b.loc()));
            rows.add(new Op.HeapRow(row, 2 * i, true));
            rows.add(new Op.HeapRow(negI, 2 * i, false));
        }
        return rows;
    }

    /**
     * AND array: a = Σ_i a[i]·2^i (the top term -a[w-1]·2^(w-1) when a is signed), so a·b = Σ a[i]·b·2^i.
     * Row i is b AND a[i], read as b is read. For a signed a the top term is negative; the heap has no
     * negative rows, so it takes -t = ~t + 1 with t = a[top]·b: the row (~b) AND a[top], read signed
     * (b zero-extended by one bit first when unsigned, so ~b is a signed value), is ~t when a[top] = 1
     * and 0 otherwise; the bit a[top] at the same weight supplies the +1 exactly when it is needed.
     */
    private static List<Op.HeapRow> andArrayRows(DatapathBuilder b, String base, Operand a, Operand x, int width) {
        List<Op.HeapRow> rows = new ArrayList<>();
        int top = a.width() - 1;
        for (int i = 0; i <= top && i < width; i++) {
            Value ai = bit(b, base + "_a" + i, a.bits(), i);
            if (i == top && a.signed()) {
                Value wide = b.extend(base + "_b_wide", x.bits(), x.width() + (x.signed() ? 0 : 1), false);
                Value inverted = b.not(base + "_b_inv", wide);
                Value row = b.and(base + "_pp" + i, inverted, replicate(b, base + "_a" + i + "_rep", ai, wide.width()));
                rows.add(new Op.HeapRow(row, i, true));
                rows.add(new Op.HeapRow(ai, i, false));
            } else {
                Value row = b.and(base + "_pp" + i, x.bits(), replicate(b, base + "_a" + i + "_rep", ai, x.width()));
                rows.add(new Op.HeapRow(row, i, x.signed()));
            }
        }
        return rows;
    }

    /** {@code bit} repeated {@code width} times ({@code bit} itself when one wide). */
    private static Value replicate(DatapathBuilder b, String name, Value bit, int width) {
        if (width == 1) {
            return bit;
        }
        Value out = b.fresh(name, width);
        b.add(new Op.Concat(out, Collections.nCopies(width, bit), b.loc()));
        return out;
    }

    /** Bit {@code index} of {@code v} ({@code v} itself when it is one bit). */
    private static Value bit(DatapathBuilder b, String name, Value v, int index) {
        return v.width() == 1 ? v : b.bit(name, v, index);
    }
}
