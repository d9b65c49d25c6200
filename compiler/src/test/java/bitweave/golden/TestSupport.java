package bitweave.golden;

import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.units.addertree.AdderTree;
import bitweave.units.cube.CubeArray;
import bitweave.units.matrix.MatrixArray;
import bitweave.units.systolic.Dataflow;
import bitweave.units.systolic.SystolicArray;
import java.math.BigInteger;
import java.util.Random;

/** Seeds, spec builders and an independent BigInteger reference for the golden-model tests. */
public final class TestSupport {
    /** Fixed default so runs are reproducible; override with -Dbitweave.seed=N. */
    public static final long DEFAULT_SEED = 20250611L;

    private TestSupport() {
    }

    public static long seed() {
        String s = System.getProperty("bitweave.seed");
        return s == null || s.isBlank() ? DEFAULT_SEED : Long.parseLong(s.trim());
    }

    public static String seedNote(long seed) {
        return " [seed " + seed + "; rerun with -Dbitweave.seed=" + seed + "]";
    }

    public static IntType type(int width, boolean signed) {
        return new IntType(width, signed);
    }

    public static PeSpec pe(IntType a, IntType b, IntType acc, OverflowPolicy p) {
        return new PeSpec("mac", a, b, acc, p, SourceLoc.NONE);
    }

    public static PeSpec int8(IntType acc, OverflowPolicy p) {
        return pe(type(8, true), type(8, true), acc, p);
    }

    public static SystolicArray os(PeSpec pe, int rows, int cols) {
        return new SystolicArray("top", pe, rows, cols, Dataflow.OUTPUT_STATIONARY, SourceLoc.NONE);
    }

    public static SystolicArray ws(PeSpec pe, int rows, int cols) {
        return new SystolicArray("top", pe, rows, cols, Dataflow.WEIGHT_STATIONARY, SourceLoc.NONE);
    }

    public static AdderTree tree(PeSpec pe, int k, boolean accumulate) {
        return new AdderTree("top", pe, k, 0, accumulate, SourceLoc.NONE);
    }

    public static CubeArray cube(PeSpec pe, int x, int y, int z) {
        return new CubeArray("top", pe, x, y, z, SourceLoc.NONE);
    }

    public static MatrixArray matrix(PeSpec pe, int m, int n, int k) {
        return new MatrixArray("top", pe, m, n, k, 1, SourceLoc.NONE);
    }

    /** A random type, widths biased to the edges 1, 2, 63, 64 some of the time. */
    public static IntType randomType(Random r, int maxWidth) {
        int[] edges = {1, 2, 63, 64};
        int w = r.nextInt(4) == 0 ? edges[r.nextInt(edges.length)] : 1 + r.nextInt(64);
        return type(Math.min(w, maxWidth), r.nextBoolean());
    }

    public static PeSpec randomPe(Random r) {
        return pe(randomType(r, 64), randomType(r, 64), randomType(r, 64),
                r.nextBoolean() ? OverflowPolicy.WRAP : OverflowPolicy.SATURATE);
    }

    /** Uniform over the type, or one of its extremes a quarter of the time. */
    public static BigInteger value(Random r, IntType t) {
        if (r.nextInt(4) == 0) {
            return r.nextBoolean() ? t.min() : t.max();
        }
        return new BigInteger(t.width(), r).add(t.min());
    }

    public static BigInteger[] vector(Random r, IntType t, int n) {
        BigInteger[] v = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            v[i] = value(r, t);
        }
        return v;
    }

    public static BigInteger[][] matrix(Random r, IntType t, int rows, int cols) {
        BigInteger[][] m = new BigInteger[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = vector(r, t, cols);
        }
        return m;
    }

    /**
     * Reference fit, written differently from IntArith on purpose: wrap finds the representative of v mod 2^W
     * inside [min, max] with mod/compare; saturate clamps with compare.
     */
    public static BigInteger refFit(BigInteger v, IntType t, OverflowPolicy p) {
        if (p == OverflowPolicy.SATURATE) {
            return v.compareTo(t.min()) < 0 ? t.min() : v.compareTo(t.max()) > 0 ? t.max() : v;
        }
        BigInteger modulus = BigInteger.TWO.pow(t.width());
        BigInteger x = v.mod(modulus);
        return x.compareTo(t.max()) > 0 ? x.subtract(modulus) : x;
    }
}
