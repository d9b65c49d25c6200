package bitweave.units.cube;

import bitweave.golden.GoldenModel;
import bitweave.golden.MacStep;
import java.math.BigInteger;

/**
 * Golden model of {@code cube(X, Y, Z)} (dsl/INTERFACE.md). Stateless: every beat is one product C = A·B
 * of A (Z x Y) and B (Y x X). Each (z, x) column is a chain along y with the PE's fit after every step,
 * y = 0 first: {@code p = 0; for y: p = fit(p + A[z][y] * B[y][x]); C[z][x] = p}. (With wrap the
 * order does not matter; with saturate it does, and it is this one.)
 */
public final class CubeModel {
    private final CubeArray spec;
    private final MacStep step;

    public CubeModel(CubeArray spec) {
        this(spec, true);
    }

    /** {@code allowLong = false} forces the BigInteger path (tests compare both paths). */
    public CubeModel(CubeArray spec, boolean allowLong) {
        this.spec = spec;
        this.step = new MacStep(spec.pe(), 1, allowLong);
    }

    public boolean usesLongPath() {
        return step.usesLong();
    }

    /** C (Z x X) of one beat. */
    public BigInteger[][] product(BigInteger[][] a, BigInteger[][] b) {
        GoldenModel.checkMatrix("A", a, spec.z(), spec.y(), spec.pe().a());
        GoldenModel.checkMatrix("B", b, spec.y(), spec.x(), spec.pe().b());
        BigInteger[][] c = new BigInteger[spec.z()][spec.x()];
        for (int zi = 0; zi < spec.z(); zi++) {
            for (int xi = 0; xi < spec.x(); xi++) {
                BigInteger p = BigInteger.ZERO;
                for (int yi = 0; yi < spec.y(); yi++) {
                    p = step.apply(p, a[zi][yi], b[yi][xi]);
                }
                c[zi][xi] = p;
            }
        }
        return c;
    }
}
