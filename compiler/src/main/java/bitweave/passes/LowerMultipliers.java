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
        List<Op.HeapRow> rows = switch (kind) {
            case AND_ARRAY, BOOTH, ENT -> rowsOf(b, encode(b, kind, base, a.bits(), a.signed()), base, x.bits(),
                    x.signed(), width);
            case BEHAVIORAL -> throw new IllegalStateException("behavioral multiplies are not lowered");
        };
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
        if (kind == Multiplier.BEHAVIORAL) {
            throw new IllegalArgumentException("a behavioral multiplier makes no partial products");
        }
        return rowsOf(b, encode(b, kind, base, a, aSigned), base, x, xSigned, width);
    }

    /**
     * The heap rows of every digit below {@code width}, each at its weight: Σ d_i·x·2^shift(i) = a·x.
     * Rows or bits at weights >= 2^width are left out (multiples of 2^width).
     */
    private static List<Op.HeapRow> rowsOf(DatapathBuilder b, Digits d, String base, Value x, boolean xSigned,
                                           int width) {
        List<Op.HeapRow> rows = new ArrayList<>();
        for (int i = 0; i < d.count() && d.shift(i) < width; i++) {
            DigitRow r = digitRow(b, d, i, base, x, xSigned);
            rows.add(new Op.HeapRow(r.row(), d.shift(i), r.signed()));
            if (r.extra() != null) {
                rows.add(new Op.HeapRow(r.extra(), d.shift(i), false));
            }
        }
        return rows;
    }

    /**
     * The encoded operand a of a multiply a·x: a = Σ_i d_i·2^shift(i). Radix-4 (Booth, EN-T): digits
     * d_i in {0, ±1, ±2} described by bit i of {@code neg}, {@code one}, {@code two}, at weight 4^i. AND
     * array: the bits of a ({@code bits}), at weight 2^i, the top one negative when a is signed.
     * The encoding depends on a only, so several multiplies by the same a can share it (TPE OPT2).
     */
    public record Digits(Multiplier kind, int count, Value neg, Value one, Value two, Value bits, boolean aSigned) {
        /** Weight of digit i as a shift: 2·i for radix 4, i for the AND array. */
        public int shift(int i) {
            return kind == Multiplier.AND_ARRAY ? i : 2 * i;
        }

        /** Digits of a {@code width}-bit a. */
        public static int count(Multiplier kind, int width, boolean signed) {
            return switch (kind) {
                case BOOTH -> Op.BoothEncode.digits(width, signed);
                case ENT -> Op.EntEncode.digits(width, signed);
                case AND_ARRAY -> width;
                case BEHAVIORAL -> throw new IllegalArgumentException("a behavioral multiplier has no digits");
            };
        }
    }

    /**
     * One digit's share of a·x: {@code row} (read signed when {@code signed}) plus the optional one-bit
     * {@code extra} (null: none) equals d_i·x exactly.
     */
    public record DigitRow(Value row, boolean signed, Value extra) {
    }

    /** Encodes a (the encoder ops of a radix-4 multiplier; nothing for the AND array). */
    public static Digits encode(DatapathBuilder b, Multiplier kind, String base, Value a, boolean aSigned) {
        int digits = Digits.count(kind, a.width(), aSigned);
        if (kind == Multiplier.AND_ARRAY) {
            return new Digits(kind, digits, null, null, null, a, aSigned);
        }
        Value neg = b.fresh(base + "_neg", digits);
        Value one = b.fresh(base + "_one", digits);
        Value two = b.fresh(base + "_two", digits);
        if (kind == Multiplier.BOOTH) {
            b.add(new Op.BoothEncode(neg, one, two, a, aSigned, b.loc()));
        } else {
            b.add(new Op.EntEncode(neg, one, two, a, aSigned, b.loc()));
        }
        return new Digits(kind, digits, neg, one, two, null, aSigned);
    }

    /**
     * Digit i's row of a·x, unshifted.
     *
     * <p>Radix-4: the selector gives row_i with row_i + neg_i = d_i·x (a negative digit complements
     * |d_i|·x, and ~y = -y - 1), so the row is signed and the neg bit, the +1 completing the two's
     * complement, is the extra bit.
     *
     * <p>AND array: row i is x AND a[i], read as x is read. For a signed a the top term is negative; a
     * heap has no negative rows, so it takes -t = ~t + 1 with t = a[top]·x: the row (~x) AND a[top], read
     * signed (x zero-extended by one bit first when unsigned, so ~x is a signed value), is ~t when
     * a[top] = 1 and 0 otherwise; the extra bit a[top] supplies the +1 exactly when it is needed.
     */
    public static DigitRow digitRow(DatapathBuilder b, Digits d, int i, String base, Value x, boolean xSigned) {
        if (d.kind() != Multiplier.AND_ARRAY) {
            Value negI = bit(b, base + "_neg" + i, d.neg(), i);
            Value oneI = bit(b, base + "_one" + i, d.one(), i);
            Value twoI = bit(b, base + "_two" + i, d.two(), i);
            Value row = b.fresh(base + "_pp" + i, Op.PartialProduct.rowWidth(x.width(), xSigned));
            b.add(new Op.PartialProduct(row, negI, oneI, twoI, x, xSigned, b.loc()));
            return new DigitRow(row, true, negI);
        }
        Value ai = bit(b, base + "_a" + i, d.bits(), i);
        if (i == d.count() - 1 && d.aSigned()) {
            Value wide = b.extend(base + "_b_wide", x, x.width() + (xSigned ? 0 : 1), false);
            Value inverted = b.not(base + "_b_inv", wide);
            Value row = b.and(base + "_pp" + i, inverted, replicate(b, base + "_a" + i + "_rep", ai, wide.width()));
            return new DigitRow(row, true, ai);
        }
        Value row = b.and(base + "_pp" + i, x, replicate(b, base + "_a" + i + "_rep", ai, x.width()));
        return new DigitRow(row, xSigned, null);
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
