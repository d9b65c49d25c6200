package bitweave.golden;

import bitweave.ir.PeSpec;
import java.math.BigInteger;

/**
 * The one arithmetic step every unit is made of: {@code fit(acc + Σ_{i<n} a_i * b_i)} with the sum exact
 * and one fit at the end (dsl/INTERFACE.md). It picks the {@code long} path when {@link IntArith#longSafe}
 * proves no intermediate value can overflow for {@code maxTerms} products, else BigInteger.
 */
public final class MacStep {
    private final PeSpec pe;
    private final boolean useLong;

    public MacStep(PeSpec pe, int maxTerms, boolean allowLong) {
        this.pe = pe;
        this.useLong = allowLong && IntArith.longSafe(pe.a(), pe.b(), pe.acc(), maxTerms);
    }

    public boolean usesLong() {
        return useLong;
    }

    /** fit(acc + Σ a[i] * b[i]) over all i of a (a and b have the same length). */
    public BigInteger apply(BigInteger acc, BigInteger[] a, BigInteger[] b) {
        if (useLong) {
            long sum = acc.longValue();
            for (int i = 0; i < a.length; i++) {
                sum += a[i].longValue() * b[i].longValue();
            }
            return BigInteger.valueOf(IntArith.fitLong(sum, pe.acc(), pe.policy()));
        }
        BigInteger sum = acc;
        for (int i = 0; i < a.length; i++) {
            sum = sum.add(a[i].multiply(b[i]));
        }
        return IntArith.fit(sum, pe.acc(), pe.policy());
    }

    /** fit(acc + a * b) on the long path; only valid when {@link #usesLong()} (the bound proves no overflow). */
    public long applyLong(long acc, long a, long b) {
        return IntArith.fitLong(acc + a * b, pe.acc(), pe.policy());
    }

    /** fit(acc + a * b). */
    public BigInteger apply(BigInteger acc, BigInteger a, BigInteger b) {
        if (useLong) {
            long sum = acc.longValue() + a.longValue() * b.longValue();
            return BigInteger.valueOf(IntArith.fitLong(sum, pe.acc(), pe.policy()));
        }
        return IntArith.fit(acc.add(a.multiply(b)), pe.acc(), pe.policy());
    }
}
