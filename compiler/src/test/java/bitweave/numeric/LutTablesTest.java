package bitweave.numeric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The LUT tensor core's table identity (DOMAIN.md 4) against the plain GEMM, over random g, b, z, K, signedness,
 * symmetrization, sign bit and pre-encoding (seeded: the seed is in every message; -Dbitweave.seed=N replays).
 */
class LutTablesTest {
    private static final long SEED = Long.getLong("bitweave.seed", 20261203L);

    @Test
    void theTableDatapathComputesThePlainGemm() {
        Random r = new Random(SEED);
        for (int trial = 0; trial < 4000; trial++) {
            int b = 1 + r.nextInt(4);
            boolean signed = r.nextInt(3) == 0;
            long z = signed ? 0 : r.nextInt(1 << b);
            int g = 1 + r.nextInt(6);
            boolean sym = r.nextBoolean();
            int signBit = r.nextBoolean() ? 0 : g - 1;
            boolean pre = sym && r.nextBoolean();
            int k = g * (1 + r.nextInt(4));
            int abits = 2 + r.nextInt(8);
            boolean unsignedA = r.nextInt(4) == 0;
            LowBitGemm gemm = new LowBitGemm(b, signed, z);
            LutTables t = new LutTables(gemm, g, sym, signBit, pre);
            long[] x = new long[k];
            long[] q = new long[k];
            for (int i = 0; i < k; i++) {
                x[i] = activation(r, abits, unsignedA);
                q[i] = r.nextInt(4) == 0 ? (r.nextBoolean() ? 0 : (1L << b) - 1) : r.nextInt(1 << b);
            }
            String what = "seed " + SEED + " trial " + trial + ": b=" + b + (signed ? " signed" : " z=" + z) + " g=" + g
                    + " K=" + k + (sym ? " symmetrized, sign bit " + signBit : "") + (pre ? ", pre-encoded" : "");
            long[] hw = pre ? t.encode(q) : q;
            assertEquals(gemm.dot(x, q), t.dot(x, hw), what);
            if (pre) {
                assertEquals(java.util.Arrays.toString(q), java.util.Arrays.toString(t.encode(hw)), "an involution: " + what);
            }
        }
    }

    private static long activation(Random r, int bits, boolean unsigned) {
        long lo = unsigned ? 0 : -(1L << (bits - 1));
        long hi = unsigned ? (1L << bits) - 1 : (1L << (bits - 1)) - 1;
        return switch (r.nextInt(5)) {
            case 0 -> lo;
            case 1 -> hi;
            default -> lo + (long) (r.nextDouble() * (hi - lo + 1));
        };
    }

    @Test
    void symmetrizedTablesStoreHalfAndTheRestAreNegations() {
        long[] x = {3, -7, 11, -128};
        for (int signBit : new int[] {0, 3}) {
            LutTables t = new LutTables(new LowBitGemm(2, false, 1), 4, true, signBit, false);
            long[] stored = t.table(x);
            assertEquals(8, stored.length);
            for (int idx = 0; idx < 16; idx++) {
                assertEquals(LutTables.entry(x, idx), t.lookup(stored, idx), "index " + idx + ", sign bit " + signBit);
                assertEquals(-LutTables.entry(x, idx), LutTables.entry(x, ~idx & 15), "odd table");
            }
        }
        assertEquals(16, new LutTables(new LowBitGemm(2, false, 1), 4, false, 3, false).table(x).length);
    }

    @Test
    void entryWidthIsExactAndReached() {
        // DOMAIN.md 4: g = 4 with int8 activations needs 11-bit entries, not 10
        LutTables t = new LutTables(new LowBitGemm(2, false, 0), 4, true, 3, false);
        assertEquals(11, t.entryWidth(-128, 127));
        assertEquals(512, LutTables.entry(new long[] {-128, -128, -128, -128}, 0), "the top of the range is reached");
        assertEquals(-512, LutTables.entry(new long[] {-128, -128, -128, -128}, 15));
        assertEquals(10, t.entryWidth(0, 127), "uint7 activations: +-508");
        assertEquals(10, LutTables.signedBits(-512, 511));
    }

    @Test
    void theBracketIsAlwaysEvenAndTheCorrectionIsDomainsConstant() {
        assertEquals(3 - 2 * 1, new LutTables(new LowBitGemm(2, false, 1), 4, true, 3, false).correction());
        assertEquals(-1, new LutTables(new LowBitGemm(4, true, 0), 4, true, 3, false).correction());
        // a worked case: x = (1, 2, 3, 4), q = (0, 1, 2, 3), z = 1 -> 1*-1 + 2*0 + 3*1 + 4*2 = 10
        LowBitGemm gemm = new LowBitGemm(2, false, 1);
        long[] x = {1, 2, 3, 4};
        long[] q = {0, 1, 2, 3};
        assertEquals(10, gemm.dot(x, q));
        assertEquals(10, new LutTables(gemm, 4, true, 3, false).dot(x, q));
        assertEquals(10, new LutTables(gemm, 2, false, 0, false).dot(x, q));
    }

    @Test
    void badParametersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new LowBitGemm(2, false, 4));
        assertThrows(IllegalArgumentException.class, () -> new LowBitGemm(2, true, 1));
        assertThrows(IllegalArgumentException.class, () -> new LutTables(new LowBitGemm(2, false, 0), 4, true, 1, false));
        assertThrows(IllegalArgumentException.class, () -> new LutTables(new LowBitGemm(2, false, 0), 4, false, 3, true));
        assertThrows(IllegalArgumentException.class, () -> new LowBitGemm(2, false, 0).weightValue(4));
        assertTrue(new LowBitGemm(3, true, 0).minWeight() == -4 && new LowBitGemm(3, true, 0).maxWeight() == 3);
    }
}
