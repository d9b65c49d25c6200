package bitweave.golden;

import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Integer helpers of the golden model, straight from dsl/INTERFACE.md: {@code fit} into an accumulator
 * type, and packing of elements into the unsigned value of a port field.
 *
 * <p>There are two paths for {@code fit}: the BigInteger one is the definition; the {@code long} one is
 * an optimisation that callers may use only when {@link #longSafe} says every value involved fits in a
 * {@code long} (tests check the two agree).
 */
public final class IntArith {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private IntArith() {
    }

    /** True when min(t) <= v <= max(t). */
    public static boolean fits(BigInteger v, IntType t) {
        return v.compareTo(t.min()) >= 0 && v.compareTo(t.max()) <= 0;
    }

    /**
     * Puts the exact integer {@code v} into type {@code t}: {@code WRAP} keeps v mod 2^W and reads it in
     * t's signedness; {@code SATURATE} clamps to [min(t), max(t)].
     */
    public static BigInteger fit(BigInteger v, IntType t, OverflowPolicy p) {
        if (p == OverflowPolicy.SATURATE) {
            if (v.compareTo(t.min()) < 0) {
                return t.min();
            }
            return v.compareTo(t.max()) > 0 ? t.max() : v;
        }
        return fromBits(toBits(v, t.width()), t);
    }

    /** The W low bits of v's two's complement, as a non-negative number (v mod 2^W). */
    public static BigInteger toBits(BigInteger v, int width) {
        if (v.signum() >= 0 && v.bitLength() <= width) {
            return v;   // already a W-bit pattern: no mask to build (this is the common case)
        }
        return v.and(BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE));
    }

    /** Reads a W-bit pattern (0 <= bits < 2^W) as a value of t: subtracts 2^W when signed and the top bit is set. */
    public static BigInteger fromBits(BigInteger bits, IntType t) {
        if (t.signed() && bits.testBit(t.width() - 1)) {
            return bits.subtract(BigInteger.ONE.shiftLeft(t.width()));
        }
        return bits;
    }

    /** True when every value of t is a {@code long} (all types except uint64). */
    public static boolean typeFitsLong(IntType t) {
        return t.signed() || t.width() < 64;
    }

    /** True when the exact integer v lies in the range of {@code long}. */
    public static boolean inLongRange(BigInteger v) {
        return v.compareTo(LONG_MIN) >= 0 && v.compareTo(LONG_MAX) <= 0;
    }

    /**
     * Whether {@code fit(acc + Σ_{i<terms} a_i*b_i)} can be computed in {@code long} without overflow for any
     * operands of types a, b and any acc of type acc: |acc| + terms * max|a| * max|b| must stay below 2^63
     * and the acc type's values must be longs.
     */
    public static boolean longSafe(IntType a, IntType b, IntType acc, long terms) {
        if (!typeFitsLong(acc)) {
            return false;
        }
        BigInteger bound = maxAbs(acc).add(maxAbs(a).multiply(maxAbs(b)).multiply(BigInteger.valueOf(terms)));
        return bound.compareTo(LONG_MAX) <= 0;
    }

    /** max(|min(t)|, |max(t)|). */
    public static BigInteger maxAbs(IntType t) {
        return t.min().abs().max(t.max());
    }

    /**
     * The {@code long} path of {@link #fit}: v must be exact (no overflow happened computing it) and t must
     * satisfy {@link #typeFitsLong}.
     */
    public static long fitLong(long v, IntType t, OverflowPolicy p) {
        int w = t.width();
        if (p == OverflowPolicy.SATURATE) {
            long min = t.signed() ? (w == 64 ? Long.MIN_VALUE : -(1L << (w - 1))) : 0L;
            long max = t.signed() ? (w == 64 ? Long.MAX_VALUE : (1L << (w - 1)) - 1) : (1L << w) - 1;
            return Math.max(min, Math.min(max, v));
        }
        if (w == 64) {
            return v; // signed 64: every long already is its own wrap
        }
        if (t.signed()) {
            int shift = 64 - w;
            return (v << shift) >> shift; // sign-extend bit w-1
        }
        return v & ((1L << w) - 1);
    }

    /**
     * Packs elements of type t into one unsigned field value: element i at bits [i*W +: W], two's complement
     * for signed types. Every element must fit t.
     */
    public static BigInteger pack(List<BigInteger> elements, IntType t) {
        // Bits are placed into a little-endian word array and converted once: repeated shiftLeft/or
        // costs O(n^2) and made packing a 32x32 array's output beats slower than the model itself.
        int w = t.width();
        long[] words = new long[(elements.size() * w + 63) / 64 + 1];
        for (int i = 0; i < elements.size(); i++) {
            BigInteger e = elements.get(i);
            if (!fits(e, t)) {
                throw new IllegalArgumentException("element " + i + " = " + e + " does not fit " + t);
            }
            BigInteger bits = toBits(e, w);
            long base = (long) i * w;
            for (int chunk = 0; chunk < w; chunk += 32) {
                long part = bits.shiftRight(chunk).longValue() & 0xFFFF_FFFFL;
                long pos = base + chunk;
                int word = (int) (pos >>> 6);
                int off = (int) (pos & 63);
                words[word] |= part << off;
                if (off > 32) {
                    words[word + 1] |= part >>> (64 - off);
                }
            }
        }
        byte[] bytes = new byte[words.length * 8 + 1];   // leading zero byte keeps the value non-negative
        for (int i = 0; i < words.length; i++) {
            for (int k = 0; k < 8; k++) {
                bytes[bytes.length - 1 - (i * 8 + k)] = (byte) (words[i] >>> (8 * k));
            }
        }
        return new BigInteger(bytes);
    }

    /** Inverse of {@link #pack}: the {@code count} elements of type t held in {@code packed}. */
    public static List<BigInteger> unpack(BigInteger packed, IntType t, int count) {
        if (packed.signum() < 0 || packed.bitLength() > t.width() * count) {
            throw new IllegalArgumentException("packed value does not fit " + count + " x " + t);
        }
        List<BigInteger> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(fromBits(toBits(packed.shiftRight(i * t.width()), t.width()), t));
        }
        return out;
    }
}
