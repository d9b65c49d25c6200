package bitweave.units.matrix;

import bitweave.golden.Problem;
import java.math.BigInteger;

/**
 * One 2D-Matrix group: beat j multiplies {@code a[j]} (M x K) by {@code b[j]} (K x N); the group's result
 * is the accumulated C (M x N), delivered at its last beat.
 */
public record MatrixGroup(BigInteger[][][] a, BigInteger[][][] b) implements Problem {
    public int beats() {
        return a.length;
    }
}
