package bitweave.units.systolic;

import bitweave.diag.Plural;
import bitweave.golden.MacStep;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Golden model of a weight-stationary {@code systolic(ROWS, COLS)} (dsl/INTERFACE.md). Stateful: the weight
 * matrix W is all zeros after construction or {@link #reset()}, and {@link #loadWeights} replaces it for
 * every later activation. For each column c the partial sum flows down from row 0:
 * {@code p = 0; for r: p = fit(p + x_r * W[r][c])}.
 */
public final class WeightStationaryModel {
    private final SystolicArray spec;
    private final MacStep step;
    private final BigInteger[][] weights;

    public WeightStationaryModel(SystolicArray spec) {
        this(spec, true);
    }

    /** {@code allowLong = false} forces the BigInteger path. */
    public WeightStationaryModel(SystolicArray spec, boolean allowLong) {
        this.spec = spec;
        this.step = new MacStep(spec.pe(), 1, allowLong);
        this.weights = new BigInteger[spec.rows()][spec.cols()];
        reset();
    }

    public boolean usesLongPath() {
        return step.usesLong();
    }

    /** Back to the reset state: W = 0. */
    public void reset() {
        for (BigInteger[] row : weights) {
            Arrays.fill(row, BigInteger.ZERO);
        }
    }

    /** Replaces W (ROWS x COLS); the values are copied. */
    public void loadWeights(BigInteger[][] w) {
        if (w.length != spec.rows()) {
            throw new IllegalArgumentException("W must have " + Plural.count(spec.rows(), "row"));
        }
        for (int r = 0; r < w.length; r++) {
            if (w[r].length != spec.cols()) {
                throw new IllegalArgumentException("row " + r + " of W must have " + Plural.count(spec.cols(), "value"));
            }
            weights[r] = w[r].clone();
        }
    }

    /** y (COLS values) for activation vector x (ROWS values) with the current weights. */
    public BigInteger[] apply(BigInteger[] x) {
        if (x.length != spec.rows()) {
            throw new IllegalArgumentException("x must have " + Plural.count(spec.rows(), "value"));
        }
        BigInteger[] y = new BigInteger[spec.cols()];
        for (int c = 0; c < spec.cols(); c++) {
            BigInteger p = BigInteger.ZERO;
            for (int r = 0; r < spec.rows(); r++) {
                p = step.apply(p, x[r], weights[r][c]);
            }
            y[c] = p;
        }
        return y;
    }
}
