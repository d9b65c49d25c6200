package bitweave.golden;

import static bitweave.golden.TestSupport.int8;
import static bitweave.golden.TestSupport.refFit;
import static bitweave.golden.TestSupport.seed;
import static bitweave.golden.TestSupport.seedNote;
import static bitweave.golden.TestSupport.type;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.units.addertree.AdderTree;
import bitweave.units.addertree.AdderTreeModel;
import bitweave.units.systolic.OutputStationaryModel;
import bitweave.units.systolic.SystolicArray;
import bitweave.units.systolic.WeightStationaryModel;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each unit model against a naive reference written from dsl/INTERFACE.md, plus crafted overflow cases. */
class ModelTest {
    private static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    private static BigInteger[] v(long... xs) {
        BigInteger[] out = new BigInteger[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = b(xs[i]);
        }
        return out;
    }

    // ---- naive references ----

    private static BigInteger refGroup(PeSpec pe, BigInteger[][] a, BigInteger[][] bs) {
        BigInteger acc = BigInteger.ZERO;
        for (int j = 0; j < a.length; j++) {
            BigInteger dot = BigInteger.ZERO;
            for (int i = 0; i < a[j].length; i++) {
                dot = dot.add(a[j][i].multiply(bs[j][i]));
            }
            acc = refFit(acc.add(dot), pe.acc(), pe.policy());
        }
        return acc;
    }

    private static BigInteger[][] refTile(PeSpec pe, BigInteger[][] a, BigInteger[][] bm, boolean fitEachStep) {
        int rows = a.length;
        int cols = bm[0].length;
        BigInteger[][] c = new BigInteger[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                BigInteger acc = BigInteger.ZERO;
                for (int k = 0; k < bm.length; k++) {
                    acc = acc.add(a[r][k].multiply(bm[k][col]));
                    if (fitEachStep) {
                        acc = refFit(acc, pe.acc(), pe.policy());
                    }
                }
                c[r][col] = acc;
            }
        }
        return c;
    }

    private static BigInteger[] refWs(PeSpec pe, BigInteger[][] w, BigInteger[] x) {
        BigInteger[] y = new BigInteger[w[0].length];
        for (int c = 0; c < y.length; c++) {
            BigInteger p = BigInteger.ZERO;
            for (int r = 0; r < x.length; r++) {
                p = refFit(p.add(x[r].multiply(w[r][c])), pe.acc(), pe.policy());
            }
            y[c] = p;
        }
        return y;
    }

    // ---- adder tree ----

    @Test
    void adderTreeMatchesReferenceOnRandomShapes() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < 400; i++) {
            PeSpec pe = TestSupport.randomPe(r);
            boolean accumulate = r.nextBoolean();
            AdderTree t = TestSupport.tree(pe, 1 + r.nextInt(12), accumulate);
            int beats = accumulate ? 1 + r.nextInt(6) : 1;
            BigInteger[][] a = TestSupport.matrix(r, pe.a(), beats, t.k());
            BigInteger[][] bs = TestSupport.matrix(r, pe.b(), beats, t.k());
            BigInteger expected = refGroup(pe, a, bs);
            String what = t + seedNote(seed);
            assertEquals(expected, new AdderTreeModel(t).group(a, bs), what);
            assertEquals(expected, new AdderTreeModel(t, false).group(a, bs), "BigInteger path " + what);
            if (!accumulate) {
                assertEquals(expected, new AdderTreeModel(t).dot(a[0], bs[0]), what);
            }
        }
    }

    @Test
    void adderTreeFitsOnceWithoutAccumulateAndPerBeatWithIt() {
        // int16 saturate: 3*127*127 - 128*127 = 32131 fits, but the running sum passes 32767 after the
        // third product. One fit at the end gives 32131; fitting each product's partial sum would give
        // 32767 - 16256 = 16511.
        PeSpec pe = int8(type(16, true), OverflowPolicy.SATURATE);
        AdderTree plain = TestSupport.tree(pe, 4, false);
        assertEquals(b(32131), new AdderTreeModel(plain).dot(v(127, 127, 127, -128), v(127, 127, 127, 127)));
        // Per-beat fit with accumulate: 16129, 32258, then 32258 + 16129 saturates to 32767, then -16256.
        AdderTree acc = TestSupport.tree(pe, 1, true);
        BigInteger[][] a = {v(127), v(127), v(127), v(-128)};
        BigInteger[][] bs = {v(127), v(127), v(127), v(127)};
        assertEquals(b(32767 - 16256), new AdderTreeModel(acc).group(a, bs));
        // wrap: 4 * 16129 = 64516 -> 64516 - 65536 = -1020
        AdderTree wrap = TestSupport.tree(int8(type(16, true), OverflowPolicy.WRAP), 4, false);
        assertEquals(b(-1020), new AdderTreeModel(wrap).dot(v(127, 127, 127, 127), v(127, 127, 127, 127)));
    }

    @Test
    void adderTreeRejectsBadShapes() {
        AdderTree t = TestSupport.tree(int8(type(32, true), OverflowPolicy.WRAP), 2, false);
        assertThrows(IllegalArgumentException.class, () -> new AdderTreeModel(t).dot(v(1), v(1)));
        assertThrows(IllegalArgumentException.class,
                () -> new AdderTreeModel(t).group(new BigInteger[][] {v(1, 2), v(1, 2)},
                        new BigInteger[][] {v(1, 2), v(1, 2)}));
    }

    // ---- output stationary ----

    @Test
    void outputStationaryWithWideAccumulatorIsExactMatmul() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            // |a*b| < 2^32, K <= 16: an int64 accumulator never overflows, so C is the exact product.
            PeSpec pe = TestSupport.pe(TestSupport.randomType(r, 16), TestSupport.randomType(r, 16), type(64, true),
                    r.nextBoolean() ? OverflowPolicy.WRAP : OverflowPolicy.SATURATE);
            SystolicArray s = TestSupport.os(pe, 1 + r.nextInt(5), 1 + r.nextInt(5));
            int k = 1 + r.nextInt(16);
            BigInteger[][] a = TestSupport.matrix(r, pe.a(), s.rows(), k);
            BigInteger[][] bm = TestSupport.matrix(r, pe.b(), k, s.cols());
            assertArrayEquals(refTile(pe, a, bm, false), new OutputStationaryModel(s).tile(a, bm), seedNote(seed));
        }
    }

    @Test
    void outputStationaryMatchesReferenceOnRandomTypes() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < 200; i++) {
            PeSpec pe = TestSupport.randomPe(r);
            SystolicArray s = TestSupport.os(pe, 1 + r.nextInt(4), 1 + r.nextInt(4));
            int k = 1 + r.nextInt(10);
            BigInteger[][] a = TestSupport.matrix(r, pe.a(), s.rows(), k);
            BigInteger[][] bm = TestSupport.matrix(r, pe.b(), k, s.cols());
            BigInteger[][] expected = refTile(pe, a, bm, true);
            assertArrayEquals(expected, new OutputStationaryModel(s).tile(a, bm), pe + seedNote(seed));
            assertArrayEquals(expected, new OutputStationaryModel(s, false).tile(a, bm), pe + seedNote(seed));
        }
    }

    @Test
    void outputStationarySaturatesAfterEveryStep() {
        // int16 saturate, 1x1: steps 16129, 32258, 32767 (clamped), then -16256 -> 16511.
        // Clamping only at the end would give 16129*3 - 16256 = 32131.
        SystolicArray s = TestSupport.os(int8(type(16, true), OverflowPolicy.SATURATE), 1, 1);
        BigInteger[][] a = {v(127, 127, 127, -128)};
        BigInteger[][] bm = {v(127), v(127), v(127), v(127)};
        assertEquals(b(16511), new OutputStationaryModel(s).tile(a, bm)[0][0]);
        SystolicArray w = TestSupport.os(int8(type(16, true), OverflowPolicy.WRAP), 1, 1);
        assertEquals(b(32131), new OutputStationaryModel(w).tile(a, bm)[0][0]); // wrap: order free, fits at the end
        BigInteger[][] down = {v(-128, -128, -128)};
        assertEquals(b(-32768), new OutputStationaryModel(s).tile(down, new BigInteger[][] {v(127), v(127), v(127)})[0][0]);
    }

    // ---- weight stationary ----

    @Test
    void weightStationaryMatchesReferenceAndKeepsWeights() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < 100; i++) {
            PeSpec pe = TestSupport.randomPe(r);
            SystolicArray s = TestSupport.ws(pe, 1 + r.nextInt(5), 1 + r.nextInt(5));
            WeightStationaryModel model = new WeightStationaryModel(s);
            WeightStationaryModel big = new WeightStationaryModel(s, false);
            BigInteger[][] w = new BigInteger[s.rows()][s.cols()];
            for (BigInteger[] row : w) {
                java.util.Arrays.fill(row, BigInteger.ZERO);
            }
            for (int step = 0; step < 8; step++) {
                if (step > 0 && r.nextInt(3) == 0) {
                    w = TestSupport.matrix(r, pe.b(), s.rows(), s.cols());
                    model.loadWeights(w);
                    big.loadWeights(w);
                }
                BigInteger[] x = TestSupport.vector(r, pe.a(), s.rows());
                BigInteger[] expected = refWs(pe, w, x);
                assertArrayEquals(expected, model.apply(x), pe + " step " + step + seedNote(seed));
                assertArrayEquals(expected, big.apply(x), pe + " step " + step + seedNote(seed));
            }
        }
    }

    @Test
    void weightStationarySaturatesDownTheColumnFromRowZero() {
        // int15 saturate (max 16383): p = 16129, 32258 -> 16383, then + (-128*127) = 127.
        // Adding from the last row up would give -16256, -127, 16002.
        SystolicArray s = TestSupport.ws(int8(type(15, true), OverflowPolicy.SATURATE), 3, 1);
        WeightStationaryModel m = new WeightStationaryModel(s);
        BigInteger[] x = v(127, 127, -128);
        assertArrayEquals(v(0), m.apply(x), "W is zero after reset");
        m.loadWeights(new BigInteger[][] {v(127), v(127), v(127)});
        assertArrayEquals(v(127), m.apply(x));
        m.reset();
        assertArrayEquals(v(0), m.apply(x));
    }

    // ---- long path ----

    @Test
    void longPathIsUsedWhenSafeAndAgreesWithBigInteger() {
        PeSpec small = int8(type(32, true), OverflowPolicy.WRAP);
        assertTrue(new OutputStationaryModel(TestSupport.os(small, 2, 2)).usesLongPath());
        assertTrue(new AdderTreeModel(TestSupport.tree(small, 64, true)).usesLongPath());
        assertFalse(new AdderTreeModel(TestSupport.tree(small, 64, true), false).usesLongPath());
        PeSpec wide = TestSupport.pe(type(64, true), type(64, true), type(64, true), OverflowPolicy.SATURATE);
        assertFalse(new WeightStationaryModel(TestSupport.ws(wide, 2, 2)).usesLongPath());

        long seed = seed();
        Random r = new Random(seed);
        int longCases = 0;
        for (int i = 0; i < 300; i++) {
            IntType a = TestSupport.randomType(r, 31);
            IntType bt = TestSupport.randomType(r, 31);
            IntType acc = TestSupport.randomType(r, 63);
            PeSpec pe = TestSupport.pe(a, bt, acc, r.nextBoolean() ? OverflowPolicy.WRAP : OverflowPolicy.SATURATE);
            AdderTree t = TestSupport.tree(pe, 1 + r.nextInt(4), true);
            AdderTreeModel fast = new AdderTreeModel(t);
            longCases += fast.usesLongPath() ? 1 : 0;
            List<BigInteger[]> as = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                as.add(TestSupport.vector(r, a, t.k()));
            }
            BigInteger[][] am = as.toArray(new BigInteger[0][]);
            BigInteger[][] bm = TestSupport.matrix(r, bt, am.length, t.k());
            assertEquals(new AdderTreeModel(t, false).group(am, bm), fast.group(am, bm), pe + seedNote(seed));
        }
        assertTrue(longCases > 50, "the long path must actually be exercised" + seedNote(seed));
    }
}
