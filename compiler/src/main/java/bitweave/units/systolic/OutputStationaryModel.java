package bitweave.units.systolic;

import bitweave.diag.Plural;
import bitweave.golden.MacStep;
import java.math.BigInteger;

/**
 * Golden model of an output-stationary {@code systolic(ROWS, COLS)} (dsl/INTERFACE.md): for every step k of
 * a tile and every r, c, {@code acc[r][c] = fit(acc[r][c] + A[r][k] * B[k][c])}, starting from 0. The
 * order of k matters with saturate, so steps are applied in increasing k.
 */
public final class OutputStationaryModel {
    private final SystolicArray spec;
    private final MacStep step;

    public OutputStationaryModel(SystolicArray spec) {
        this(spec, true);
    }

    /** {@code allowLong = false} forces the BigInteger path. */
    public OutputStationaryModel(SystolicArray spec, boolean allowLong) {
        this.spec = spec;
        this.step = new MacStep(spec.pe(), 1, allowLong);
    }

    public boolean usesLongPath() {
        return step.usesLong();
    }

    /** C (ROWS x COLS) of one tile: {@code a} is ROWS x K, {@code b} is K x COLS, K >= 1. */
    public BigInteger[][] tile(BigInteger[][] a, BigInteger[][] b) {
        int rows = spec.rows();
        int cols = spec.cols();
        int k = b.length;
        if (a.length != rows || k == 0) {
            throw new IllegalArgumentException("A must have " + Plural.count(rows, "row") + " and K >= 1");
        }
        BigInteger[][] acc = new BigInteger[rows][cols];
        for (int r = 0; r < rows; r++) {
            if (a[r].length != k) {
                throw new IllegalArgumentException("row " + r + " of A has " + Plural.count(a[r].length, "value") + ", K = " + k);
            }
            java.util.Arrays.fill(acc[r], BigInteger.ZERO);
        }
        for (int kk = 0; kk < k; kk++) {
            if (b[kk].length != cols) {
                throw new IllegalArgumentException("row " + kk + " of B must have " + Plural.count(cols, "value"));
            }
        }
        if (step.usesLong()) {
            return tileLong(a, b, rows, cols, k);
        }
        for (int kk = 0; kk < k; kk++) {
            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < cols; c++) {
                    acc[r][c] = step.apply(acc[r][c], a[r][kk], b[kk][c]);
                }
            }
        }
        return acc;
    }

    /**
     * The same loop on primitive longs: long co-simulations build tens of millions of MAC steps, and
     * boxing each partial sum in a BigInteger dominated their run time.
     */
    private BigInteger[][] tileLong(BigInteger[][] a, BigInteger[][] b, int rows, int cols, int k) {
        long[][] acc = new long[rows][cols];
        long[] bRow = new long[cols];
        for (int kk = 0; kk < k; kk++) {
            for (int c = 0; c < cols; c++) {
                bRow[c] = b[kk][c].longValue();
            }
            for (int r = 0; r < rows; r++) {
                long av = a[r][kk].longValue();
                long[] accRow = acc[r];
                for (int c = 0; c < cols; c++) {
                    accRow[c] = step.applyLong(accRow[c], av, bRow[c]);
                }
            }
        }
        BigInteger[][] result = new BigInteger[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                result[r][c] = BigInteger.valueOf(acc[r][c]);
            }
        }
        return result;
    }
}
