package bitweave.numeric;

/**
 * The arithmetic a LUT tensor core must compute (DOMAIN.md 4), written as the plain integer GEMM and nothing
 * else: O[m][n] = Σ_k A[m][k]·(W[n][k] − z) for unsigned b-bit weight codes with zero point z, or
 * Σ_k A[m][k]·W[n][k] for signed (two's-complement) b-bit codes. This is the golden model's definition; the
 * table datapath ({@link LutTables}) is a different computation of the same numbers, which tests and
 * co-simulation hold to this one.
 *
 * @param weightBits b, 1..8
 * @param signedWeights whether a code is a two's-complement b-bit integer (then the zero point is 0)
 * @param zeroPoint    z for unsigned codes, 0..2^b − 1
 */
public record LowBitGemm(int weightBits, boolean signedWeights, long zeroPoint) {
    public LowBitGemm {
        if (weightBits < 1 || weightBits > 8) {
            throw new IllegalArgumentException("weight bits " + weightBits + " outside 1..8");
        }
        if (signedWeights ? zeroPoint != 0 : zeroPoint < 0 || zeroPoint > (1L << weightBits) - 1) {
            throw new IllegalArgumentException("zero point " + zeroPoint + " for " + weightBits + "-bit "
                    + (signedWeights ? "signed" : "unsigned") + " weights");
        }
    }

    /** The weight a code stands for: code − z (unsigned), or the code as a two's-complement integer. */
    public long weightValue(long code) {
        if (code < 0 || code >= 1L << weightBits) {
            throw new IllegalArgumentException("weight code " + code + " is not a " + weightBits + "-bit code");
        }
        if (signedWeights) {
            return code >= 1L << (weightBits - 1) ? code - (1L << weightBits) : code;
        }
        return code - zeroPoint;
    }

    /** The smallest and the largest weight value. */
    public long minWeight() {
        return signedWeights ? -(1L << (weightBits - 1)) : -zeroPoint;
    }

    public long maxWeight() {
        return signedWeights ? (1L << (weightBits - 1)) - 1 : (1L << weightBits) - 1 - zeroPoint;
    }

    /** One output: the dot product of activation row {@code a} with weight row {@code w} (codes), exact. */
    public long dot(long[] a, long[] w) {
        if (a.length != w.length) {
            throw new IllegalArgumentException(a.length + " activations but " + w.length + " weights");
        }
        long sum = 0;
        for (int k = 0; k < a.length; k++) {
            sum += a[k] * weightValue(w[k]);
        }
        return sum;
    }

    /** O = A·Wᵀ (A: M x K activations, W: N x K codes), exact, row-major M x N. */
    public long[][] gemm(long[][] a, long[][] w) {
        long[][] o = new long[a.length][w.length];
        for (int m = 0; m < a.length; m++) {
            for (int n = 0; n < w.length; n++) {
                o[m][n] = dot(a[m], w[n]);
            }
        }
        return o;
    }
}
