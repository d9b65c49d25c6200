package bitweave.units.addertree;

import bitweave.diag.Plural;
import bitweave.golden.MacStep;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * Golden model of {@code adder_tree(K)} with N = {@code columns} dot products per beat
 * (dsl/INTERFACE.md). Column n multiplies the shared a by its own weight vector, elements
 * {@code b[n*K .. n*K+K-1]}. Without accumulate a result is {@code fit(Σ a_i*b_{n*K+i})}; with accumulate
 * every beat of a group does {@code acc_n = fit(acc_n + Σ a_i*b_{n*K+i})} starting from 0, and the
 * results are the N accumulators after the group's last beat.
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

    /** One dot product with one fit: the whole result of a beat without accumulate (one column only). */
    public BigInteger dot(BigInteger[] a, BigInteger[] b) {
        return single(new BigInteger[][] {a}, new BigInteger[][] {b});
    }

    /** The result of one group of beats of a one-column tree ({@code a[j]}, {@code b[j]} = beat j). */
    public BigInteger group(BigInteger[][] a, BigInteger[][] b) {
        return single(a, b);
    }

    private BigInteger single(BigInteger[][] a, BigInteger[][] b) {
        if (spec.columns() != 1) {
            throw new IllegalArgumentException("the tree has " + spec.columns() + " columns: use columns(a, b)");
        }
        return columns(a, b)[0];
    }

    /**
     * The N results of one group of beats ({@code a[j]}: K values, {@code b[j]}: N*K values of beat j);
     * one beat without accumulate.
     */
    public BigInteger[] columns(BigInteger[][] a, BigInteger[][] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("a group needs the same number (>= 1) of a and b vectors");
        }
        if (!spec.accumulate() && a.length != 1) {
            throw new IllegalArgumentException("without accumulate every group is one beat, got " + a.length);
        }
        int k = spec.k();
        BigInteger[] acc = new BigInteger[spec.columns()];
        Arrays.fill(acc, BigInteger.ZERO);
        for (int j = 0; j < a.length; j++) {
            checkVector(a[j], b[j]);
            for (int n = 0; n < acc.length; n++) {
                acc[n] = step.apply(acc[n], a[j], Arrays.copyOfRange(b[j], n * k, n * k + k));
            }
        }
        return acc;
    }

    private void checkVector(BigInteger[] a, BigInteger[] b) {
        int nb = spec.k() * spec.columns();
        if (a.length != spec.k() || b.length != nb) {
            throw new IllegalArgumentException("a must have K = " + spec.k() + " "
                    + Plural.unit(spec.k(), "element", "elements") + " and b N*K = " + nb + " "
                    + Plural.unit(nb, "element", "elements"));
        }
    }
}
