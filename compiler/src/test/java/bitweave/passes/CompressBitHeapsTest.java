package bitweave.passes;

import static bitweave.golden.TestSupport.seed;
import static bitweave.golden.TestSupport.seedNote;
import static bitweave.passes.DatapathChecks.LOC;
import static bitweave.passes.DatapathChecks.count;
import static bitweave.passes.DatapathChecks.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.DatapathSimulator;
import bitweave.datapath.DatapathText;
import bitweave.datapath.Op;
import bitweave.datapath.OpSemantics;
import bitweave.datapath.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * compress-bit-heaps turns a heap of signed rows, unsigned rows and single bits at any shifts into
 * bit-level counters whose two output rows sum to the heap mod 2^W, under every reduction.
 */
class CompressBitHeapsTest {
    record RowSpec(int width, int shift, boolean signed) {
    }

    record Config(Op.Reduction reduction, boolean use42) {
        @Override
        public String toString() {
            return reduction.dslName() + (use42 ? "+4:2" : "");
        }
    }

    static List<Config> configs() {
        List<Config> out = new ArrayList<>();
        for (Op.Reduction r : Op.Reduction.values()) {
            out.add(new Config(r, false));
            out.add(new Config(r, true));
        }
        return out;
    }

    /** Inputs r0, r1, ... one per row, and the heap driving the output ports sum and carry. */
    static Datapath heap(int width, List<RowSpec> specs, Config c) {
        DatapathBuilder b = new DatapathBuilder(LOC);
        List<Op.HeapRow> rows = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            RowSpec s = specs.get(i);
            rows.add(new Op.HeapRow(b.input("r" + i, s.width()), s.shift(), s.signed()));
        }
        Value sum = b.output("h_sum", width);
        Value carry = b.output("h_carry", width);
        b.add(new Op.BitHeap(sum, carry, rows, c.reduction(), c.use42(), LOC));
        return b.build();
    }

    private static BigInteger heapValue(List<RowSpec> specs, Map<String, BigInteger> in, int width) {
        BigInteger total = BigInteger.ZERO;
        for (int i = 0; i < specs.size(); i++) {
            RowSpec s = specs.get(i);
            BigInteger v = in.get("r" + i);
            total = total.add((s.signed() ? OpSemantics.signed(v, s.width()) : v).shiftLeft(s.shift()));
        }
        return OpSemantics.wrap(total, width);
    }

    /** Compresses, checks the structure, and returns the compressed graph. */
    private static Datapath compress(Datapath g, String what) {
        verify(g, "test graph");
        Datapath out = new CompressBitHeaps().run(g);
        verify(out, "compress-bit-heaps");
        assertEquals(0, count(out, Op.BitHeap.class), what + ": a bit heap is left");
        assertEquals(0, count(out, Op.Extend.class), what + ": sign extension instead of the constant correction");
        long constants = out.ops().stream().filter(op -> op instanceof Op.Const k && k.out().width() > 1).count();
        assertTrue(constants <= 1, what + ": more than one heap constant");
        Map<String, Op> drivers = new HashMap<>();
        out.ops().forEach(op -> op.outputs().forEach(v -> drivers.put(v.name(), op)));
        for (Value port : out.outputs()) {
            // exactly two rows: each port is a concatenation of single bits, one per column
            Op driver = drivers.get(port.name());
            assertTrue(driver instanceof Op.Concat, what + ": " + port + " is driven by " + driver.kind());
            Op.Concat concat = (Op.Concat) driver;
            assertEquals(port.width(), concat.parts().size(), what);
            assertTrue(concat.parts().stream().allMatch(v -> v.width() == 1), what);
        }
        return out;
    }

    private static void checkVectors(int width, List<RowSpec> specs, Config c, List<Map<String, BigInteger>> vectors,
                                     String note) {
        String what = c + " W=" + width + " " + specs + note;
        DatapathSimulator sim = new DatapathSimulator(compress(heap(width, specs, c), what));
        for (Map<String, BigInteger> in : vectors) {
            Map<String, BigInteger> out = sim.step(in, false);
            BigInteger got = OpSemantics.wrap(out.get("h_sum").add(out.get("h_carry")), width);
            assertEquals(heapValue(specs, in, width), got, what + " inputs " + in);
        }
    }

    private static List<Map<String, BigInteger>> randomVectors(List<RowSpec> specs, Random r, int n) {
        List<Map<String, BigInteger>> out = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Map<String, BigInteger> in = new HashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                int w = specs.get(i).width();
                // some all-ones and sign-bit-only rows, the rest random
                int pick = r.nextInt(6);
                in.put("r" + i, pick == 0 ? BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE)
                        : pick == 1 ? BigInteger.ONE.shiftLeft(w - 1) : new BigInteger(w, r));
            }
            out.add(in);
        }
        return out;
    }

    @Test
    void signedRowsUnsignedRowsAndSingleBitsAtDifferentShifts() {
        long seed = seed();
        List<RowSpec> specs = List.of(new RowSpec(5, 0, true), new RowSpec(4, 3, true), new RowSpec(6, 2, false),
                new RowSpec(1, 5, true), new RowSpec(1, 0, false), new RowSpec(1, 13, false),
                new RowSpec(7, 10, true), new RowSpec(3, 12, false), new RowSpec(9, 1, true), new RowSpec(2, 4, false));
        for (Config c : configs()) {
            checkVectors(14, specs, c, randomVectors(specs, new Random(seed), 1500), seedNote(seed));
        }
    }

    @Test
    void everyInputOfASmallSignedHeap() {
        List<RowSpec> specs = List.of(new RowSpec(2, 0, true), new RowSpec(3, 1, true), new RowSpec(2, 2, true),
                new RowSpec(1, 0, true), new RowSpec(1, 3, false), new RowSpec(2, 1, false));
        for (int width = 1; width <= 6; width++) {
            int w = width;
            List<RowSpec> inside = specs.stream().filter(s -> s.shift() < w).toList();
            for (Config c : configs()) {
                checkVectors(w, inside, c, allInputs(inside), "");
            }
        }
    }

    /** Every combination of the rows' bits. */
    private static List<Map<String, BigInteger>> allInputs(List<RowSpec> specs) {
        int total = specs.stream().mapToInt(RowSpec::width).sum();
        List<Map<String, BigInteger>> all = new ArrayList<>();
        for (int bits = 0; bits < (1 << total); bits++) {
            Map<String, BigInteger> in = new HashMap<>();
            int at = 0;
            for (int i = 0; i < specs.size(); i++) {
                int w = specs.get(i).width();
                in.put("r" + i, BigInteger.valueOf((bits >> at) & ((1 << w) - 1)));
                at += w;
            }
            all.add(in);
        }
        return all;
    }

    @Test
    void randomHeaps() {
        long seed = seed();
        Random r = new Random(seed);
        for (int n = 0; n < 150; n++) {
            int width = 1 + r.nextInt(24);
            List<RowSpec> specs = new ArrayList<>();
            int rows = 1 + r.nextInt(12);
            for (int i = 0; i < rows; i++) {
                int w = r.nextInt(4) == 0 ? 1 : 1 + r.nextInt(12);
                specs.add(new RowSpec(w, r.nextInt(width), r.nextBoolean()));
            }
            List<Map<String, BigInteger>> vectors = randomVectors(specs, r, 25);
            for (Config c : configs()) {
                checkVectors(width, specs, c, vectors, " heap " + n + seedNote(seed));
            }
        }
    }

    @Test
    void tallHeapsConvergeUnderEveryReduction() {
        long seed = seed();
        Random r = new Random(seed);
        // 40 signed rows on the same columns: height 41 with the constant
        List<RowSpec> specs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            specs.add(new RowSpec(10, r.nextInt(3), true));
        }
        for (Config c : configs()) {
            checkVectors(16, specs, c, randomVectors(specs, r, 40), seedNote(seed));
        }
    }

    @Test
    void sameHeapSameOpsAndReadableNames() {
        List<RowSpec> specs = List.of(new RowSpec(9, 0, true), new RowSpec(9, 2, true), new RowSpec(9, 4, true),
                new RowSpec(9, 6, true), new RowSpec(1, 0, false), new RowSpec(1, 2, false));
        for (Config c : configs()) {
            String one = DatapathText.print(new CompressBitHeaps().run(heap(16, specs, c)));
            String two = DatapathText.print(new CompressBitHeaps().run(heap(16, specs, c)));
            assertEquals(one, two, c.toString());
            assertTrue(one.contains("h_k:16 = const"), c + ": the folded constant\n" + one);
            assertTrue(one.matches("(?s).*\\n  h_s1_c(\\d+)_(fa|ha|cp)0_s:1, h_s1_c\\1_\\2" + "0_c:1.*"), c + ": counter names\n" + one);
        }
    }
}
