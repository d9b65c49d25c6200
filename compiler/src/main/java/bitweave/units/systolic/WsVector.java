package bitweave.units.systolic;

import bitweave.golden.Problem;
import java.math.BigInteger;

/**
 * Weight-stationary systolic problem: one activation vector x (ROWS values), optionally preceded by a
 * load of a new weight matrix {@code load} (ROWS x COLS; null = keep the current weights).
 */
public record WsVector(BigInteger[][] load, BigInteger[] x) implements Problem {
}
