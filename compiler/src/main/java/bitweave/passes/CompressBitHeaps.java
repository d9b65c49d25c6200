package bitweave.passes;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * compress-bit-heaps: expands every {@link Op.BitHeap} into bit-level ops: single-bit slices of its
 * rows, a few inverters, one constant, a tree of {@link Op.FullAdder} / {@link Op.HalfAdder} /
 * {@link Op.Compressor42} chosen by the heap's reduction (see {@link HeapReduction}), and two
 * {@link Op.Concat}s that drive the heap's own {@code sum} and {@code carry} values, so the readers of
 * the heap (a carry-propagate adder, or registers under OPT1) are unchanged.
 *
 * <p>Signed rows use the constant-correction trick (FloPoCo's bit heap, DESIGN.md) instead of sign
 * extension. A w-bit signed row y at shift s is Σ_{j<w-1} y[j]·2^(s+j) - y[w-1]·2^(s+w-1), and
 * -y[w-1] = (1 - y[w-1]) - 1, so the row throws its low w-1 bits as they are, its top bit inverted, and
 * the constant -2^(s+w-1). The constants of all rows are added into ONE heap constant, kept mod 2^W,
 * whose set bits enter the heap as constant ones. Bits at weights >= 2^W are dropped (mod 2^W).
 *
 * <p>The output is deterministic: the same graph gives the same ops and names. Names tell where a
 * value sits: {@code <heap>_s2_c7_fa0_s} is the sum of the first full adder of column 7 in stage 2.
 */
public final class CompressBitHeaps implements DatapathPass {
    private final Consumer<HeapReport> reports;

    public CompressBitHeaps() {
        this(report -> { });
    }

    /** {@code reports} receives one {@link HeapReport} per heap expanded (for benches and tests). */
    public CompressBitHeaps(Consumer<HeapReport> reports) {
        this.reports = reports;
    }

    @Override
    public String name() {
        return "compress-bit-heaps";
    }

    @Override
    public Datapath run(Datapath graph) {
        DatapathBuilder b = DatapathBuilder.from(graph, "");
        for (Op op : graph.ops()) {
            if (op instanceof Op.BitHeap heap) {
                b.at(heap.loc());
                expand(b, heap);
            } else {
                b.add(op);
            }
        }
        return b.build();
    }

    /** The prefix of every value made for {@code heap}: its sum's name without a trailing {@code _sum}. */
    static String prefix(Op.BitHeap heap) {
        String name = heap.sum().name();
        return name.endsWith("_sum") && name.length() > 4 ? name.substring(0, name.length() - 4) : name;
    }

    private void expand(DatapathBuilder b, Op.BitHeap heap) {
        String prefix = prefix(heap);
        int width = heap.sum().width();
        List<Value[]> rows = new ArrayList<>();
        BigInteger constant = BigInteger.ZERO;
        for (int r = 0; r < heap.rows().size(); r++) {
            Op.HeapRow row = heap.rows().get(r);
            Value[] bits = new Value[width];
            int w = row.value().width();
            for (int j = 0; j < w && row.shift() + j < width; j++) {
                Value bit = bit(b, prefix + "_r" + r + "_b" + j, row.value(), j);
                if (row.signed() && j == w - 1) {
                    bit = b.not(prefix + "_r" + r + "_b" + j + "_n", bit);
                }
                bits[row.shift() + j] = bit;
            }
            if (row.signed()) {
                // the row's sign weight, whether or not it lies inside the heap (if not, it is 0 mod 2^W)
                constant = constant.subtract(BigInteger.ONE.shiftLeft(row.shift() + w - 1));
            }
            rows.add(bits);
        }
        BigInteger folded = constant.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
        if (folded.signum() != 0) {
            Value k = b.constant(prefix + "_k", width, folded);
            Value[] bits = new Value[width];
            for (int c = 0; c < width; c++) {
                if (folded.testBit(c)) {
                    bits[c] = bit(b, prefix + "_k_b" + c, k, c);
                }
            }
            rows.add(bits);
        }

        HeapReduction reduction = new HeapReduction(b, prefix, width, heap.use42());
        Value[][] result = reduction.reduce(heap.reduction(), rows);
        b.add(new Op.Concat(heap.sum(), msbFirst(reduction, result[0]), b.loc()));
        b.add(new Op.Concat(heap.carry(), msbFirst(reduction, result[1]), b.loc()));
        reports.accept(new HeapReport(heap.sum().name(), heap.reduction(), heap.use42(), width,
                HeapReduction.maxHeight(rows, width), reduction.stages(), reduction.fullAdders(),
                reduction.halfAdders(), reduction.compressors42()));
    }

    /** Bit {@code index} of {@code v} ({@code v} itself when it is one bit). */
    private static Value bit(DatapathBuilder b, String name, Value v, int index) {
        return v.width() == 1 ? v : b.bit(name, v, index);
    }

    private static List<Value> msbFirst(HeapReduction reduction, Value[] bits) {
        List<Value> parts = new ArrayList<>(bits.length);
        for (int c = bits.length - 1; c >= 0; c--) {
            parts.add(bits[c] != null ? bits[c] : reduction.zero());
        }
        return parts;
    }
}
