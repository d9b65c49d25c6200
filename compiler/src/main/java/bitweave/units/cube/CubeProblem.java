package bitweave.units.cube;

import bitweave.golden.Problem;
import java.math.BigInteger;

/** One cube beat: A (Z x Y, {@code a[z][y]}) and B (Y x X, {@code b[y][x]}); its result is C = A·B (Z x X). */
public record CubeProblem(BigInteger[][] a, BigInteger[][] b) implements Problem {
}
