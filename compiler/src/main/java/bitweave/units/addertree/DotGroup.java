package bitweave.units.addertree;

import bitweave.golden.Problem;
import java.math.BigInteger;

/**
 * Adder-tree problem: one group of dot products. {@code a[j]} and {@code b[j]} are the K-element vectors
 * of in-beat j. Without accumulate a group has exactly one beat.
 */
public record DotGroup(BigInteger[][] a, BigInteger[][] b) implements Problem {
    public int beats() {
        return a.length;
    }
}
