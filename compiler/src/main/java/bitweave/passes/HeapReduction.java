package bitweave.passes;

import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Reduces the bits of one heap (rows of single-bit values, column c = weight 2^c, c < W) to two rows
 * with counters, adding the ops to the builder. Every counter keeps the weighted sum of the bits it
 * takes (a full adder turns three bits of weight 2^c into a sum at 2^c and a carry at 2^(c+1)), so the
 * two rows sum to the heap mod 2^W; carries and couts out of column W-1 are dropped (weight 2^W).
 *
 * <ul>
 * <li>{@link Op.Reduction#WALLACE}: each stage takes every column as far as it goes: a full adder
 *     per three bits, a half adder for a pair left over; a column passes only when it stays at two
 *     bits or fewer with the carries it receives. With 4:2 compressors, groups of four bits go to a
 *     4:2 first, its cin taken from the couts of the column below (a cout never depends on a cin, so
 *     the row does not ripple), else from a fifth bit, else zero.</li>
 * <li>{@link Op.Reduction#DADDA}: each stage lowers every column only to the next target height
 *     below the tallest column (2, 3, 4, 6, 9, 13, ... as d(j+1) = floor(1.5·d(j)); with 4:2
 *     compressors 2, 4, 8, 16, ..., since a 4:2 level halves a column as a 3:2 level takes it to 2/3),
 *     counting the carries that arrive from the column below; a half adder only where one bit too many
 *     is left. With 4:2 compressors, a column that must lose three bits or more takes a 4:2 first.</li>
 * <li>{@link Op.Reduction#CHAIN}: the rows are packed first-fit into layers (a correction bit sits in
 *     a free column of a later row, as in a hand-drawn Booth array), then layer after layer enters a
 *     carry-save pair through one row of 3:2 counters: a linear chain, one stage per added layer.</li>
 * </ul>
 */
final class HeapReduction {
    private final DatapathBuilder b;
    private final String prefix;
    private final int width;
    private final boolean use42;
    private Value zero;
    private int stages;
    private int fullAdders;
    private int halfAdders;
    private int compressors42;

    HeapReduction(DatapathBuilder b, String prefix, int width, boolean use42) {
        this.b = b;
        this.prefix = prefix;
        this.width = width;
        this.use42 = use42;
    }

    int stages() {
        return stages;
    }

    int fullAdders() {
        return fullAdders;
    }

    int halfAdders() {
        return halfAdders;
    }

    int compressors42() {
        return compressors42;
    }

    /** The constant 0 bit (made once per heap, on first use). */
    Value zero() {
        if (zero == null) {
            zero = b.constant(prefix + "_zero", 1, BigInteger.ZERO);
        }
        return zero;
    }

    static int maxHeight(List<Value[]> rows, int width) {
        int max = 0;
        for (int c = 0; c < width; c++) {
            int h = 0;
            for (Value[] row : rows) {
                h += row[c] == null ? 0 : 1;
            }
            max = Math.max(max, h);
        }
        return max;
    }

    /** The two final rows {sum, carry}, bit c at index c (null: a zero bit). */
    Value[][] reduce(Op.Reduction reduction, List<Value[]> rows) {
        if (reduction == Op.Reduction.CHAIN) {
            return chain(rows);
        }
        List<List<Value>> cols = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            List<Value> col = new ArrayList<>();
            for (Value[] row : rows) {
                if (row[c] != null) {
                    col.add(row[c]);
                }
            }
            cols.add(col);
        }
        while (tallest(cols) > 2) {
            stages++;
            if (stages > 4 * width + 64) {
                throw new IllegalStateException("bit heap " + prefix + " does not converge under " + reduction);
            }
            int target = reduction == Op.Reduction.DADDA ? daddaTarget(tallest(cols)) : 0;
            cols = stage(cols, reduction, target);
        }
        Value[][] out = new Value[2][width];
        for (int c = 0; c < width; c++) {
            List<Value> col = cols.get(c);
            out[0][c] = col.size() > 0 ? col.get(0) : null;
            out[1][c] = col.size() > 1 ? col.get(1) : null;
        }
        return out;
    }

    private static int tallest(List<List<Value>> cols) {
        return cols.stream().mapToInt(List::size).max().orElse(0);
    }

    /** The largest height of the sequence below {@code tallest} (which is above 2). */
    private int daddaTarget(int tallest) {
        int d = 2;
        while (true) {
            int next = use42 ? 2 * d : d * 3 / 2;
            if (next >= tallest) {
                return d;
            }
            d = next;
        }
    }

    /**
     * One stage over the columns, low to high. A column's bits are its regular bits (from the previous
     * stage) and the couts of the 4:2 compressors of the column below in this stage; carries go to the
     * next column of the next stage.
     */
    private List<List<Value>> stage(List<List<Value>> cols, Op.Reduction reduction, int target) {
        List<List<Value>> next = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            next.add(new ArrayList<>());
        }
        List<Value> couts = List.of();
        for (int c = 0; c < width; c++) {
            Column col = new Column(c, new ArrayDeque<>(cols.get(c)), new ArrayDeque<>(couts), next);
            if (reduction == Op.Reduction.WALLACE) {
                wallace(col, next.get(c).size());
            } else {
                dadda(col, target - next.get(c).size());
            }
            next.get(c).addAll(col.regular);
            next.get(c).addAll(col.couts);
            couts = col.newCouts;
        }
        return next;
    }

    /**
     * As far as counters go: a full adder per three bits, a half adder on a pair left over. A column of
     * at most two bits is left alone when it stays at most two with the carries arriving from below.
     */
    private void wallace(Column col, int carriesIn) {
        if (col.available() <= 2 && col.available() + carriesIn <= 2) {
            return;
        }
        while (use42 && col.regular.size() >= 4) {
            col.compressor42();
        }
        while (col.available() >= 3) {
            col.fullAdder();
        }
        if (col.available() == 2) {
            col.halfAdder();
        }
    }

    /** Lowers the column to {@code room} bits (the target less the carries already sent up into it). */
    private void dadda(Column col, int room) {
        int excess = col.available() - room;
        while (excess > 0) {
            if (use42 && excess >= 3 && col.regular.size() >= 4) {
                excess -= col.compressor42() ? 4 : 3;
            } else if (excess >= 2 && col.available() >= 3) {
                col.fullAdder();
                excess -= 2;
            } else if (col.available() >= 2) {
                col.halfAdder();
                excess -= 1;
            } else {
                return;
            }
        }
    }

    /** A full adder on three bits of column {@code col}: {sum, carry}. */
    private Value[] fullAdder(int col, int cell, Value x, Value y, Value z) {
        String n = cellName(col, "fa", cell);
        Value s = b.fresh(n + "_s", 1);
        Value co = b.fresh(n + "_c", 1);
        b.add(new Op.FullAdder(s, co, x, y, z, b.loc()));
        fullAdders++;
        return new Value[] {s, co};
    }

    /** A half adder on two bits of column {@code col}: {sum, carry}. */
    private Value[] halfAdder(int col, int cell, Value x, Value y) {
        String n = cellName(col, "ha", cell);
        Value s = b.fresh(n + "_s", 1);
        Value co = b.fresh(n + "_c", 1);
        b.add(new Op.HalfAdder(s, co, x, y, b.loc()));
        halfAdders++;
        return new Value[] {s, co};
    }

    /** e.g. {@code mul_heap_s2_c7_fa0}: stage 2, column 7, the column's first counter of this stage. */
    private String cellName(int col, String kind, int cell) {
        return prefix + "_s" + stages + "_c" + col + "_" + kind + cell;
    }

    /** One column in one stage: its inputs, and where its counters' outputs go. */
    private final class Column {
        final int index;
        final ArrayDeque<Value> regular;
        final ArrayDeque<Value> couts;
        final List<List<Value>> next;
        final List<Value> newCouts = new ArrayList<>();
        private int cells;

        Column(int index, ArrayDeque<Value> regular, ArrayDeque<Value> couts, List<List<Value>> next) {
            this.index = index;
            this.regular = regular;
            this.couts = couts;
            this.next = next;
        }

        int available() {
            return regular.size() + couts.size();
        }

        /** Regular bits first: a cout is a late arrival (it went through half a 4:2 this stage). */
        private Value take() {
            return regular.isEmpty() ? couts.poll() : regular.poll();
        }

        private void place(Value[] sumCarry) {
            next.get(index).add(sumCarry[0]);
            if (index + 1 < width) {
                next.get(index + 1).add(sumCarry[1]);
            }
        }

        void fullAdder() {
            place(HeapReduction.this.fullAdder(index, cells++, take(), take(), take()));
        }

        void halfAdder() {
            place(HeapReduction.this.halfAdder(index, cells++, take(), take()));
        }

        /**
         * A 4:2 on four regular bits and a cin: a cout of the column below if one waits (that is the
         * compressor row's carry chain, free of ripple), else a fifth regular bit, else zero. Returns
         * whether the cin was a real bit (then the column loses four bits, else three).
         */
        boolean compressor42() {
            String n = cellName(index, "cp", cells++);
            Value s = b.fresh(n + "_s", 1);
            Value co = b.fresh(n + "_c", 1);
            Value cout = b.fresh(n + "_co", 1);
            Value x0 = regular.poll();
            Value x1 = regular.poll();
            Value x2 = regular.poll();
            Value x3 = regular.poll();
            boolean real = available() > 0;
            Value cin = !couts.isEmpty() ? couts.poll() : real ? regular.poll() : zero();
            b.add(new Op.Compressor42(s, co, cout, x0, x1, x2, x3, cin, b.loc()));
            compressors42++;
            place(new Value[] {s, co});
            if (index + 1 < width) {
                newCouts.add(cout);
            }
            return real;
        }
    }

    /** CHAIN: first-fit layers, then one row of 3:2 counters per layer after the first two. */
    private Value[][] chain(List<Value[]> rows) {
        List<Value[]> layers = new ArrayList<>();
        for (Value[] row : rows) {
            Value[] home = null;
            for (Value[] layer : layers) {
                if (fits(row, layer)) {
                    home = layer;
                    break;
                }
            }
            if (home == null) {
                home = new Value[width];
                layers.add(home);
            }
            for (int c = 0; c < width; c++) {
                if (row[c] != null) {
                    home[c] = row[c];
                }
            }
        }
        Value[] sum = layers.isEmpty() ? new Value[width] : layers.get(0);
        Value[] carry = layers.size() < 2 ? new Value[width] : layers.get(1);
        for (int i = 2; i < layers.size(); i++) {
            stages++;
            Value[][] pair = carrySave(sum, carry, layers.get(i));
            sum = pair[0];
            carry = pair[1];
        }
        return new Value[][] {sum, carry};
    }

    private boolean fits(Value[] row, Value[] layer) {
        for (int c = 0; c < width; c++) {
            if (row[c] != null && layer[c] != null) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds one layer to a carry-save pair: per column, three bits go through a full adder; two bits stay
     * as they are when the new carry row still has room in this column, else a half adder; one bit passes.
     */
    private Value[][] carrySave(Value[] sum, Value[] carry, Value[] layer) {
        Value[] s = new Value[width];
        Value[] k = new Value[width];
        for (int c = 0; c < width; c++) {
            List<Value> bits = new ArrayList<>(3);
            for (Value v : new Value[] {sum[c], carry[c], layer[c]}) {
                if (v != null) {
                    bits.add(v);
                }
            }
            if (bits.size() == 3 || (bits.size() == 2 && k[c] != null)) {
                Value[] sc = bits.size() == 3
                        ? fullAdder(c, 0, bits.get(0), bits.get(1), bits.get(2))
                        : halfAdder(c, 0, bits.get(0), bits.get(1));
                s[c] = sc[0];
                if (c + 1 < width) {
                    k[c + 1] = sc[1];
                }
            } else if (bits.size() == 2) {
                s[c] = bits.get(0);
                k[c] = bits.get(1);
            } else if (bits.size() == 1) {
                s[c] = bits.get(0);
            }
        }
        return new Value[][] {s, k};
    }
}
