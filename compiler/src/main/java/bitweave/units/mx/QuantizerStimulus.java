package bitweave.units.mx;

import bitweave.numeric.ElementFormat;
import bitweave.numeric.Encoding;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.FpValue;
import bitweave.numeric.IntElementFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Co-simulation blocks for a quantizer, built from the formats' definitions (golden side). The corner blocks
 * aim at each place the conversion can go wrong: element ties and ties +-1 ulp, saturation, a block maximum
 * just below a power of two (0x42FFFFFF), zero and signed-zero blocks, subnormal inputs and subnormal block
 * maxima, the smallest and the largest scales, NaN/Inf lanes and the two's-complement minimum. Random blocks
 * are normal, log-uniform or carry outliers.
 */
final class QuantizerStimulus {
    /** Corner blocks draw their free lanes from this fixed seed, so the list is the same every run. */
    private static final long CORNER_SEED = 0x5EEDL;

    private final Quantizer q;
    private final FloatFormat in;
    private final ElementFormat element;
    private final int k;

    QuantizerStimulus(Quantizer q) {
        this.q = q;
        this.in = q.input();
        this.element = q.format().element();
        this.k = q.blockSize();
    }

    // ---- input codes ----

    private long signBit() {
        return 1L << (in.width() - 1);
    }

    private long mantissaMask() {
        return (1L << in.mantissaBits()) - 1;
    }

    private long code(boolean negative, long exponentField, long mantissa) {
        return (negative ? signBit() : 0) | (exponentField << in.mantissaBits()) | (mantissa & mantissaMask());
    }

    private long allOnesExponent() {
        return (1L << in.exponentBits()) - 1;
    }

    /** The input code of an exact value (rounded to nearest even if it is not representable). */
    private long of(FpValue v) {
        return in.encode(v, Encoding.IEEE);
    }

    /** The next code away from zero (one input ulp up in magnitude), or the code itself at the top. */
    private long ulpUp(long c) {
        long mag = c & ~signBit();
        return mag >= in.maxFiniteCode() ? c : c + 1;
    }

    /** The next code toward zero, or the code itself at zero. */
    private long ulpDown(long c) {
        return (c & ~signBit()) == 0 ? c : c - 1;
    }

    /** The largest positive element code, codes 0..this being increasing magnitudes. */
    private long topElementCode() {
        return element instanceof IntElementFormat i ? i.maxMagnitude() : ((FloatFormat) element).maxFiniteCode();
    }

    // ---- corners ----

    List<InputBlock> corners() {
        Random r = new Random(CORNER_SEED);
        List<InputBlock> out = new ArrayList<>();
        out.add(filled(0));
        out.add(filled(signBit()));
        out.add(block(i -> i % 2 == 0 ? 0 : signBit()));
        for (int x0 : scaleExponents()) {
            out.add(tieBlock(x0, r, 0));
            out.add(tieBlock(x0, r, 1));
            out.add(tieBlock(x0, r, -1));
            out.add(nearTopBlock(x0, r, false));
            out.add(nearTopBlock(x0, r, true));
        }
        for (long e : List.of(1L, in.bias() - 3L, (long) in.bias(), in.bias() + 6L, allOnesExponent() - 1)) {
            // the block maximum just below a power of two (fp32 0x42FFFFFF is e = 133)
            long top = code(false, e, mantissaMask());
            out.add(block(i -> i == 0 ? top : randomBelow(e, r)));
            out.add(block(i -> i == k - 1 ? top | signBit() : randomBelow(e, r)));
        }
        if (in.width() == 32) {
            out.add(block(i -> i == 0 ? 0x42FFFFFFL : randomBelow(133, r)));
        }
        // subnormal inputs: a block of them, a subnormal maximum, subnormals under the smallest normal
        out.add(block(i -> code(r.nextBoolean(), 0, r.nextLong())));
        out.add(block(i -> code(r.nextBoolean(), 0, i == 0 ? mantissaMask() : 1L << r.nextInt(in.mantissaBits()))));
        out.add(block(i -> i == 0 ? code(false, 1, 0) : code(r.nextBoolean(), 0, r.nextLong())));
        out.add(block(i -> i == 0 ? code(true, 2, r.nextLong()) : code(r.nextBoolean(), r.nextInt(2), r.nextLong())));
        out.add(filled(1));
        // the largest values: every lane at the input's largest finite, of either sign
        out.add(block(i -> in.maxFiniteCode() | (i % 3 == 0 ? signBit() : 0)));
        out.add(block(i -> code(r.nextBoolean(), allOnesExponent() - 1, r.nextLong())));
        // NaN / Inf lanes among finite ones, and whole blocks of them
        long qnan = in.nanCode();
        long snan = code(false, allOnesExponent(), 1);
        long inf = code(false, allOnesExponent(), 0);
        long[] specials = {qnan, snan, qnan | signBit(), inf, inf | signBit()};
        for (long s : specials) {
            int lane = r.nextInt(k);
            out.add(block(i -> i == lane ? s : randomNormal(in.bias(), r)));
        }
        out.add(filled(qnan));
        out.add(filled(inf | signBit()));
        return out;
    }

    /**
     * Scale exponents the tie blocks use: 0, and the smallest and largest at which every element value and
     * tie of the block is an input normal (so the block means what it says).
     */
    private List<Integer> scaleExponents() {
        int smallestTie = element instanceof FloatFormat f ? f.minQuantumExponent() - 1
                : -((IntElementFormat) element).fractionBits() - 1;
        int lo = (1 - in.bias()) - smallestTie;
        int hi = in.emax() - element.emax() - 1;
        Set<Integer> xs = new LinkedHashSet<>();
        for (int x : new int[] {0, lo, hi, (lo + hi) / 2}) {
            if (x >= lo && x <= hi) {
                xs.add(x);
            }
        }
        return new ArrayList<>(xs);
    }

    /**
     * A block whose lane 0 is 2^(emax + x0), which gives scale 2^x0 under every rule, and whose other lanes
     * are the midpoints of neighbouring element values times 2^x0, moved by {@code ulps} input ulps.
     */
    private InputBlock tieBlock(int x0, Random r, int ulps) {
        long top = topElementCode();
        return block(i -> {
            if (i == 0) {
                return of(FpValue.of(1, element.emax() + x0));
            }
            long c = (long) (r.nextDouble() * top); // codes c and c + 1 are neighbours, c + 1 <= top
            FpValue lo = element.decode(c);
            FpValue hi = element.decode(c + 1);
            FpValue mid = midpoint(lo, hi).scaledBy(x0);
            long code = of(mid);
            code = ulps > 0 ? ulpUp(code) : ulps < 0 ? ulpDown(code) : code;
            return r.nextBoolean() ? code | signBit() : code;
        });
    }

    /**
     * Lane 0 just below the next power of two above the element's range at scale 2^x0: its top significant
     * bits all ones, so rounding carries into overflow (and a two's-complement element reaches its minimum
     * when negative and allowed).
     */
    private InputBlock nearTopBlock(int x0, Random r, boolean negative) {
        long e = (long) element.emax() + x0 + in.bias();
        long low = r.nextInt(4) == 0 ? 0 : r.nextLong();
        long m = mantissaMask() & ~(mantissaMask() >>> (element.mantissaBits() + 1)) | (low & (mantissaMask()
                >>> (element.mantissaBits() + 1)));
        long lane0 = code(negative, e, m);
        return block(i -> i == 0 ? lane0 : randomBelow(e, r));
    }

    private static FpValue midpoint(FpValue a, FpValue b) {
        // (a + b) / 2 exactly: bring both to the smaller exponent, add, halve by lowering the exponent
        int exp = Math.min(a.exponent(), b.exponent());
        java.math.BigInteger sum = a.significand().shiftLeft(a.exponent() - exp)
                .add(b.significand().shiftLeft(b.exponent() - exp));
        return FpValue.finite(false, sum, exp - 1);
    }

    // ---- random blocks ----

    InputBlock random(Random r) {
        int kind = r.nextInt(3);
        long center = 1 + r.nextInt((int) allOnesExponent() - 1);
        InputBlock b = switch (kind) {
            case 0 -> block(i -> randomNormal(center, r));
            case 1 -> block(i -> code(r.nextBoolean(), r.nextInt((int) allOnesExponent()), r.nextLong()));
            default -> {
                long base = Math.max(1, center - 20);
                int outliers = 1 + r.nextInt(2);
                yield block(i -> i < outliers ? code(r.nextBoolean(), Math.min(allOnesExponent() - 1,
                        base + 8 + r.nextInt(13)), r.nextLong()) : randomNormal(base, r));
            }
        };
        if (r.nextInt(20) == 0) { // now and then a zero, a NaN or an infinity in a random lane
            long[] odd = {0, signBit(), in.nanCode(), code(r.nextBoolean(), allOnesExponent(), 0)};
            b.codes()[r.nextInt(k)] = odd[r.nextInt(odd.length)];
        }
        return b;
    }

    /** A normal value with exponent field at most {@code e} and at least e - 12 (and 1). */
    private long randomNormal(long e, Random r) {
        long field = Math.max(1, Math.min(allOnesExponent() - 1, e - r.nextInt(13)));
        return code(r.nextBoolean(), field, r.nextLong());
    }

    /** A value below 2^(e - bias): exponent field e - 1 down to e - 12 (subnormal at the bottom). */
    private long randomBelow(long e, Random r) {
        long field = Math.max(0, e - 1 - r.nextInt(12));
        return code(r.nextBoolean(), field, r.nextLong());
    }

    // ---- rows of channels: blocks side by side ----

    /** The corner blocks, laid side by side in rows of the quantizer's channels (cycling to fill the last). */
    List<InputBlock> cornerRows() {
        List<InputBlock> blocks = corners();
        int nb = q.blocks();
        if (nb == 1 && !q.reordered()) {
            return blocks;
        }
        List<InputBlock> rows = new ArrayList<>();
        for (int at = 0; at < blocks.size(); at += nb) {
            long[] row = new long[q.channels()];
            for (int b = 0; b < nb; b++) {
                System.arraycopy(blocks.get((at + b) % blocks.size()).codes(), 0, row, b * k, k);
            }
            rows.add(new InputBlock(unorder(row)));
        }
        return rows;
    }

    /** A random row: random blocks side by side, each block's channels where the reordering gathers them. */
    InputBlock randomRow(Random r) {
        long[] row = new long[q.channels()];
        for (int b = 0; b < q.blocks(); b++) {
            System.arraycopy(random(r).codes(), 0, row, b * k, k);
        }
        return new InputBlock(unorder(row));
    }

    /**
     * The input row whose reordering is {@code ordered}: a corner meant for one block must reach that block
     * after the channel permutation, so channel order[j] gets position j's value.
     */
    private long[] unorder(long[] ordered) {
        long[] row = new long[ordered.length];
        for (int j = 0; j < ordered.length; j++) {
            row[q.order().get(j)] = ordered[j];
        }
        return row;
    }

    // ---- shapes ----

    private interface Lane {
        long code(int i);
    }

    private InputBlock block(Lane lane) {
        long[] codes = new long[k];
        for (int i = 0; i < k; i++) {
            codes[i] = lane.code(i);
        }
        return new InputBlock(codes);
    }

    private InputBlock filled(long c) {
        return block(i -> c);
    }
}
