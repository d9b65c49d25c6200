package bitweave.numeric;

/**
 * How a LUT tensor core computes {@link LowBitGemm}'s dot products with tables instead of multipliers (DOMAIN.md
 * 4): the exact integer identity the lowering builds and the tests check against the plain GEMM. It is not the
 * golden model (that is {@link LowBitGemm}); it fixes the table contents, their width and the weight
 * re-encoding, so that the hardware and this model cannot disagree on them.
 *
 * <p>K is split into groups of g. For a group's activations x_0..x_{g−1} the table entry of a g-bit index is
 * T[idx] = Σ_k (bit k of idx ? +x_k : −x_k). A b-bit weight code q = Σ_i 2^i·q_i is taken bit plane by bit
 * plane: the plane-i index of a group has bit k = q_i of its element k, P_i = Σ over groups of T[index], and with
 * s = 2q − 1 per bit, Σ_j x_j·(q_j − z) = (Σ_{i<b} c_i·P_i + C·S) / 2, S = Σ_j x_j: c_i = 2^i and C = 2^b − 1 − 2z
 * for unsigned codes; two's-complement codes have c_{b−1} = −2^{b−1} and C = −1. The bracket is always even.
 *
 * <p>With symmetrization T is odd (T[~idx] = −T[idx]), so only the 2^(g−1) entries whose sign-select bit (bit
 * {@code signBit} of the index) is 0 are stored, addressed by the other g − 1 bits in order; an index whose
 * select bit is 1 reads the entry at the complement of its other bits, negated. That complement is done by the
 * hardware, or, with pre-encoded weights, offline: {@link #encode} XORs every code of a group with the code of
 * the group's sign-select element (an involution), so that the hardware uses the other bits directly.
 *
 * @param group      g, 1..8 consecutive K elements per table
 * @param symmetrize whether only half the table is stored
 * @param signBit    which index bit selects negation (0 or g − 1); unused without symmetrization
 * @param preEncoded whether the weight codes arrive re-encoded ({@link #encode})
 */
public record LutTables(LowBitGemm gemm, int group, boolean symmetrize, int signBit, boolean preEncoded) {
    public LutTables {
        if (group < 1 || group > 8) {
            throw new IllegalArgumentException("group " + group + " outside 1..8");
        }
        if (signBit != 0 && signBit != group - 1) {
            throw new IllegalArgumentException("sign bit " + signBit + " is neither end of a " + group + "-bit index");
        }
        if (preEncoded && !symmetrize) {
            throw new IllegalArgumentException("pre-encoded weights need symmetrized tables");
        }
    }

    /** Entries stored per table: 2^(g−1) symmetrized, else 2^g. */
    public int storedEntries() {
        return 1 << (symmetrize ? group - 1 : group);
    }

    /** T[idx] for the g activations {@code x} of one group. */
    public static long entry(long[] x, int idx) {
        long t = 0;
        for (int k = 0; k < x.length; k++) {
            t += (idx >> k & 1) != 0 ? x[k] : -x[k];
        }
        return t;
    }

    /** The stored table of one group: entry e is T of the index with the select bit 0 and the others e. */
    public long[] table(long[] x) {
        long[] out = new long[storedEntries()];
        for (int e = 0; e < out.length; e++) {
            out[e] = entry(x, symmetrize ? insertBit(e, 0) : e);
        }
        return out;
    }

    /** The value for an index as the PE sees it (encoded when {@link #preEncoded}): a mux and a negation. */
    public long lookup(long[] stored, int idx) {
        if (!symmetrize) {
            return stored[idx];
        }
        boolean negate = (idx >> signBit & 1) != 0;
        int rest = removeBit(idx);
        if (negate && !preEncoded) {
            rest = ~rest & ((1 << (group - 1)) - 1);  // the hardware complements the other bits
        }
        return negate ? -stored[rest] : stored[rest];
    }

    /**
     * The documented pre-processing for pre-encoded weights: in each group of g codes, every code except the
     * sign-select element's is XORed with that element's code (bit by bit, so in every plane). Its own inverse.
     */
    public long[] encode(long[] codes) {
        long[] out = codes.clone();
        for (int base = 0; base + group <= codes.length; base += group) {
            long select = codes[base + signBit];
            for (int k = 0; k < group; k++) {
                if (k != signBit) {
                    out[base + k] = codes[base + k] ^ select;
                }
            }
        }
        return out;
    }

    /** The plane-i index of the group starting at {@code base}: bit k is bit i of code base + k. */
    public int planeIndex(long[] codes, int base, int plane) {
        int idx = 0;
        for (int k = 0; k < group; k++) {
            idx |= (int) (codes[base + k] >> plane & 1) << k;
        }
        return idx;
    }

    /**
     * The dot product as the LUT datapath computes it: tables per group, planes most significant first
     * (acc = 2·acc ± P_i), the bracket with C·S, halved. {@code codes} are what the hardware receives (encoded
     * when {@link #preEncoded}). Throws if the bracket is odd (the identity would be broken).
     */
    public long dot(long[] x, long[] codes) {
        if (x.length != codes.length || x.length % group != 0) {
            throw new IllegalArgumentException("K = " + x.length + " is not a whole number of groups of " + group);
        }
        int groups = x.length / group;
        long[][] tables = new long[groups][];
        long s = 0;
        for (int j = 0; j < groups; j++) {
            tables[j] = table(java.util.Arrays.copyOfRange(x, j * group, (j + 1) * group));
        }
        for (long v : x) {
            s += v;
        }
        long acc = 0;
        int b = gemm.weightBits();
        for (int plane = b - 1; plane >= 0; plane--) {
            long p = 0;
            for (int j = 0; j < groups; j++) {
                p += lookup(tables[j], planeIndex(codes, j * group, plane));
            }
            boolean negative = gemm.signedWeights() && plane == b - 1;
            acc = 2 * acc + (negative ? -p : p);
        }
        long bracket = acc + correction() * s;
        if ((bracket & 1) != 0) {
            throw new IllegalStateException("odd bracket " + bracket);
        }
        return bracket / 2;
    }

    /** C: 2^b − 1 − 2z for unsigned codes, −1 for two's-complement ones. */
    public long correction() {
        return gemm.signedWeights() ? -1 : (1L << gemm.weightBits()) - 1 - 2 * gemm.zeroPoint();
    }

    /**
     * Bits of a signed table entry for activations in [lo, hi]: the entries range over ±g·max(|lo|, |hi|), and
     * both ends are reached (g = 4 with int8: ±512, 11 bits).
     */
    public int entryWidth(long lo, long hi) {
        return signedBits(-group * Math.max(Math.abs(lo), Math.abs(hi)), group * Math.max(Math.abs(lo), Math.abs(hi)));
    }

    /** Bits of the smallest two's-complement type holding every value of [lo, hi]. */
    public static int signedBits(long lo, long hi) {
        int w = 1;
        while (lo < -(1L << (w - 1)) || hi > (1L << (w - 1)) - 1) {
            w++;
        }
        return w;
    }

    /** The index with bit {@link #signBit} = {@code bit} inserted into the g − 1 other bits {@code rest}. */
    /**
     * The full index of stored entry {@code rest}: {@code bit} inserted at the sign-select position (0 for the
     * stored half; the lowering addresses its table entries the same way).
     */
    public int insertBit(int rest, int bit) {
        int low = rest & ((1 << signBit) - 1);
        return (rest >> signBit << (signBit + 1)) | bit << signBit | low;
    }

    private int removeBit(int idx) {
        int low = idx & ((1 << signBit) - 1);
        return (idx >> (signBit + 1) << signBit) | low;
    }
}
