package bitweave.golden;

import java.math.BigInteger;

/**
 * One problem instance of a unit: what one co-simulation "vector" is. Plain numbers only (no ports); the
 * arrays are used as given and not copied, so do not change them after handing them over. Records with
 * array components compare by identity.
 */
public sealed interface Problem permits Problem.DotGroup, Problem.Tile, Problem.WsVector {

    /**
     * Adder tree: one group of dot products. {@code a[j]} and {@code b[j]} are the K-element vectors of
     * in-beat j. Without accumulate a group has exactly one beat.
     */
    record DotGroup(BigInteger[][] a, BigInteger[][] b) implements Problem {
        public int beats() {
            return a.length;
        }
    }

    /** Output-stationary systolic: C = A (ROWS x K) times B (K x COLS), fit applied after every step. */
    record Tile(BigInteger[][] a, BigInteger[][] b) implements Problem {
        public int k() {
            return b.length;
        }
    }

    /**
     * Weight-stationary systolic: one activation vector x (ROWS values), optionally preceded by a load of a
     * new weight matrix {@code load} (ROWS x COLS; null = keep the current weights).
     */
    record WsVector(BigInteger[][] load, BigInteger[] x) implements Problem {
    }
}
