package bitweave.units.addertree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.Transform;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The golden model of an N-column tree is N independent one-column trees: column n reads elements
 * n*K..n*K+K-1 of b, and keeps its own accumulator. Seeded; the seed is in every message.
 */
class AdderTreeColumnsModelTest {
    private static final PeSpec PE = new PeSpec("mac", new IntType(8, true), new IntType(5, false),
            new IntType(12, true), OverflowPolicy.SATURATE, SourceLoc.NONE);

    @Test
    void eachColumnIsItsOwnDotProductUnit() {
        long seed = 77;
        Random rnd = new Random(seed);
        for (int trial = 0; trial < 200; trial++) {
            int k = 1 + rnd.nextInt(6);
            int n = 1 + rnd.nextInt(4);
            boolean accumulate = rnd.nextBoolean();
            AdderTree wide = new AdderTree("top", PE, k, n, 0, accumulate, Set.of(), SourceLoc.NONE);
            AdderTree one = new AdderTree("top", PE, k, 0, accumulate, SourceLoc.NONE);
            int beats = accumulate ? 1 + rnd.nextInt(5) : 1;
            BigInteger[][] a = new BigInteger[beats][k];
            BigInteger[][] b = new BigInteger[beats][k * n];
            for (int j = 0; j < beats; j++) {
                for (int i = 0; i < k; i++) {
                    a[j][i] = BigInteger.valueOf(rnd.nextInt(256) - 128);
                }
                for (int i = 0; i < k * n; i++) {
                    b[j][i] = BigInteger.valueOf(rnd.nextInt(32));
                }
            }
            BigInteger[] got = new AdderTreeModel(wide).columns(a, b);
            BigInteger[] bigPath = new AdderTreeModel(wide, false).columns(a, b);
            BigInteger[] expected = new BigInteger[n];
            for (int c = 0; c < n; c++) {
                BigInteger[][] bc = new BigInteger[beats][];
                for (int j = 0; j < beats; j++) {
                    bc[j] = Arrays.copyOfRange(b[j], c * k, c * k + k);
                }
                expected[c] = new AdderTreeModel(one).group(a, bc);
            }
            assertArrayEquals(expected, got, "seed " + seed + " trial " + trial);
            assertArrayEquals(expected, bigPath, "seed " + seed + " trial " + trial + " (BigInteger path)");
        }
    }

    @Test
    void theTransformDoesNotChangeTheModel() {
        AdderTree plain = new AdderTree("top", PE, 2, 2, 1, false, Set.of(), SourceLoc.NONE);
        AdderTree opt2 = new AdderTree("top", PE, 2, 2, 1, false, Set.of(Transform.SAME_BIT_WEIGHT_REDUCTION),
                SourceLoc.NONE);
        BigInteger[][] a = {{BigInteger.valueOf(-128), BigInteger.valueOf(127)}};
        BigInteger[][] b = {{BigInteger.valueOf(31), BigInteger.valueOf(31), BigInteger.ONE, BigInteger.TWO}};
        // column 0: -128*31 + 127*31 = -31; column 1: -128 + 254 = 126
        assertArrayEquals(new BigInteger[] {BigInteger.valueOf(-31), BigInteger.valueOf(126)},
                new AdderTreeModel(opt2).columns(a, b));
        assertArrayEquals(new AdderTreeModel(plain).columns(a, b), new AdderTreeModel(opt2).columns(a, b));
        assertEquals(4L, opt2.peakMacsPerCycle());
    }

    @Test
    void aMultiColumnTreeHasNoSingleResult() {
        AdderTree wide = new AdderTree("top", PE, 1, 2, 0, false, Set.of(), SourceLoc.NONE);
        assertThrows(IllegalArgumentException.class, () -> new AdderTreeModel(wide)
                .dot(new BigInteger[] {BigInteger.ONE}, new BigInteger[] {BigInteger.ONE, BigInteger.ONE}));
        assertThrows(IllegalArgumentException.class, () -> new AdderTreeModel(wide)
                .columns(new BigInteger[][] {{BigInteger.ONE}}, new BigInteger[][] {{BigInteger.ONE}}));
    }
}
