package bitweave.units.systolic;

import bitweave.golden.Problem;
import java.math.BigInteger;

/** Output-stationary systolic problem: C = A (ROWS x K) times B (K x COLS), fit applied after every step. */
public record Tile(BigInteger[][] a, BigInteger[][] b) implements Problem {
    public int k() {
        return b.length;
    }
}
