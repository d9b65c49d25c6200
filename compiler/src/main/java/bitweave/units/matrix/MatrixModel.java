package bitweave.units.matrix;

import bitweave.golden.GoldenModel;
import bitweave.golden.MacStep;
import java.math.BigInteger;

/**
 * Golden model of {@code matrix(M, N, K)} (dsl/INTERFACE.md). A group of beats starts from C = 0; every
 * beat j adds its exact M x N x K product with one fit per element and beat:
 * {@code C[m][n] = fit(C[m][n] + Σ_k A_j[m][k] * B_j[k][n])}. The result is C after the last beat.
 */
public final class MatrixModel {
    private final MatrixArray spec;
    private final MacStep step;

    public MatrixModel(MatrixArray spec) {
        this(spec, true);
    }

    /** {@code allowLong = false} forces the BigInteger path (tests compare both paths). */
    public MatrixModel(MatrixArray spec, boolean allowLong) {
        this.spec = spec;
        this.step = new MacStep(spec.pe(), spec.k(), allowLong);
    }

    public boolean usesLongPath() {
        return step.usesLong();
    }

    /** C (M x N) of one group: {@code a[j]}, {@code b[j]} are the matrices of beat j. */
    public BigInteger[][] group(BigInteger[][][] a, BigInteger[][][] b) {
        if (a.length == 0 || a.length != b.length) {
            throw new IllegalArgumentException("a group needs the same number (>= 1) of A and B matrices");
        }
        int m = spec.m();
        int n = spec.n();
        int k = spec.k();
        BigInteger[][] c = new BigInteger[m][n];
        for (BigInteger[] row : c) {
            java.util.Arrays.fill(row, BigInteger.ZERO);
        }
        for (int j = 0; j < a.length; j++) {
            GoldenModel.checkMatrix("A of beat " + j, a[j], m, k, spec.pe().a());
            GoldenModel.checkMatrix("B of beat " + j, b[j], k, n, spec.pe().b());
            for (int ni = 0; ni < n; ni++) {
                BigInteger[] column = new BigInteger[k];
                for (int ki = 0; ki < k; ki++) {
                    column[ki] = b[j][ki][ni];
                }
                for (int mi = 0; mi < m; mi++) {
                    c[mi][ni] = step.apply(c[mi][ni], a[j][mi], column);
                }
            }
        }
        return c;
    }
}
