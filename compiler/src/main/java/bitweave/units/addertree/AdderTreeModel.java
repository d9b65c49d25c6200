package bitweave.units.addertree;

import bitweave.diag.Plural;
import bitweave.golden.MacStep;
import java.math.BigInteger;

/**
 * Golden model of {@code adder_tree(K)} (dsl/INTERFACE.md). Without accumulate a result is
 * {@code fit(Σ a_i*b_i)}; with accumulate every beat of a group does {@code acc = fit(acc + Σ a_i*b_i)}
 * starting from 0, and the result is acc after the group's last beat.
 */
public final class AdderTreeModel {
    private final AdderTree spec;
    private final MacStep step;

    public AdderTreeModel(AdderTree spec) {
        this(spec, true);
    }

    /** {@code allowLong = false} forces the BigInteger path (tests compare both paths). */
    public AdderTreeModel(AdderTree spec, boolean allowLong) {
        this.spec = spec;
        this.step = new MacStep(spec.pe(), spec.k(), allowLong);
    }

    public boolean usesLongPath() {
        return step.usesLong();
    }

    /** One dot product with one fit: the whole result of a beat without accumulate. */
    public BigInteger dot(BigInteger[] a, BigInteger[] b) {
        checkVector(a, b);
        return step.apply(BigInteger.ZERO, a, b);
    }

    /** The result of one group of beats ({@code a[j]}, {@code b[j]} = beat j); one beat without accumulate. */
    public BigInteger group(BigInteger[][] a, BigInteger[][] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("a group needs the same number (>= 1) of a and b vectors");
        }
        if (!spec.accumulate() && a.length != 1) {
            throw new IllegalArgumentException("without accumulate every group is one beat, got " + a.length);
        }
        BigInteger acc = BigInteger.ZERO;
        for (int j = 0; j < a.length; j++) {
            checkVector(a[j], b[j]);
            acc = step.apply(acc, a[j], b[j]);
        }
        return acc;
    }

    private void checkVector(BigInteger[] a, BigInteger[] b) {
        if (a.length != spec.k() || b.length != spec.k()) {
            throw new IllegalArgumentException("vectors must have K = " + spec.k() + " " + Plural.unit(spec.k(), "element", "elements"));
        }
    }
}
