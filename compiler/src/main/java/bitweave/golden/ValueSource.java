package bitweave.golden;

import bitweave.ir.IntType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Operand values of one type for stimulus: the corner values (min, max, 0, -1 when signed, 1) and seeded
 * random values that are biased toward the extremes some of the time, because overflow and sign bugs live
 * there while uniform values rarely hit them.
 */
public final class ValueSource {
    /** Probability that a random value is taken from the extremes instead of uniformly. */
    private static final double EXTREME_BIAS = 0.25;

    private final IntType type;
    private final Random random;
    private final List<BigInteger> corners;
    private final List<BigInteger> extremes;

    ValueSource(IntType type, Random random) {
        this.type = type;
        this.random = random;
        this.corners = inRange(List.of(type.min(), type.max(), BigInteger.ZERO, BigInteger.ONE.negate(),
                BigInteger.ONE));
        this.extremes = inRange(List.of(type.min(), type.max(), type.min().add(BigInteger.ONE),
                type.max().subtract(BigInteger.ONE), BigInteger.ZERO, BigInteger.ONE.negate(), BigInteger.ONE));
    }

    public IntType type() {
        return type;
    }

    /** min, max, 0, -1 (signed only), 1, each once, in that order (those that exist in the type). */
    public List<BigInteger> corners() {
        return corners;
    }

    public BigInteger next() {
        if (random.nextDouble() < EXTREME_BIAS) {
            return extremes.get(random.nextInt(extremes.size()));
        }
        // Uniform over [min, max]: width random bits, shifted down by 2^(w-1) for signed types.
        return new BigInteger(type.width(), random).add(type.min());
    }

    public BigInteger[] vector(int n) {
        BigInteger[] v = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            v[i] = next();
        }
        return v;
    }

    public BigInteger[][] matrix(int rows, int cols) {
        BigInteger[][] m = new BigInteger[rows][];
        for (int r = 0; r < rows; r++) {
            m[r] = vector(cols);
        }
        return m;
    }

    private List<BigInteger> inRange(List<BigInteger> candidates) {
        List<BigInteger> out = new ArrayList<>();
        for (BigInteger v : candidates) {
            if (IntArith.fits(v, type) && !out.contains(v)) {
                out.add(v);
            }
        }
        return out;
    }
}
