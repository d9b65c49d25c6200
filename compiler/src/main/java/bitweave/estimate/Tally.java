package bitweave.estimate;

import java.util.Map;
import java.util.TreeMap;

/**
 * What the estimator counts in the IR (one module's ops, or a whole design's, instances multiplied out): the
 * quantities the per-target cost formulas of {@link CostModel} read. Widths are the bits synthesis keeps: an
 * operand's significant bits (a sign- or zero-extension adds none) and a result's bits something reads
 * ({@link DatapathCounter}).
 */
final class Tally {
    /** A behavioural multiplier's operand widths, the wider one first (what a DSP block or a LUT array gets). */
    record Shape(int wide, int narrow) implements Comparable<Shape> {
        static Shape of(int a, int b) {
            return new Shape(Math.max(a, b), Math.min(a, b));
        }

        @Override
        public int compareTo(Shape o) {
            return wide != o.wide ? Integer.compare(wide, o.wide) : Integer.compare(narrow, o.narrow);
        }

        @Override
        public String toString() {
            return wide + "x" + narrow;
        }
    }

    long registerBits;
    /** Register bits with a synchronous reset (a subset of registerBits). */
    long resetBits;
    /** Register bits with an enable (a subset of registerBits). */
    long enableBits;
    /** Carry-propagate adders: how many, and their bits summed. */
    long adders;
    long adderBits;
    /** Adders summing a multiplier's product (a multiply-accumulate), bits summed. */
    long macAdderBits;
    /** Behavioural {@code multiply} ops left after lower-multipliers, by operand shape. */
    final Map<Shape, Long> multipliers = new TreeMap<>();
    /** The compressor trees compress-bit-heaps made (and any written by hand). */
    long fullAdders;
    long halfAdders;
    long compressors42;
    /** 2:1 multiplexer bits (a table lookup is a tree of these), and those with a constant side. */
    long muxBits;
    long constMuxBits;
    /** Two-input gates of bitwise and/or/xor, and of reductions. */
    long gateBits;
    /** Radix-4 digits encoded (Booth or EN-T), and partial-product bits selected from {0, ±b, ±2b}. */
    long encodedDigits;
    long partialProductBits;
    /** Output bits of saturating fits (a comparison and a clamp mux each). */
    long saturateBits;

    /** Adds {@code times} copies of {@code other} (a submodule instantiated that often). */
    void add(Tally other, long times) {
        registerBits += times * other.registerBits;
        resetBits += times * other.resetBits;
        enableBits += times * other.enableBits;
        adders += times * other.adders;
        adderBits += times * other.adderBits;
        macAdderBits += times * other.macAdderBits;
        other.multipliers.forEach((s, n) -> multipliers.merge(s, times * n, Long::sum));
        fullAdders += times * other.fullAdders;
        halfAdders += times * other.halfAdders;
        compressors42 += times * other.compressors42;
        muxBits += times * other.muxBits;
        constMuxBits += times * other.constMuxBits;
        gateBits += times * other.gateBits;
        encodedDigits += times * other.encodedDigits;
        partialProductBits += times * other.partialProductBits;
        saturateBits += times * other.saturateBits;
    }

    void addMultiplier(int a, int b) {
        multipliers.merge(Shape.of(a, b), 1L, Long::sum);
    }

    long multiplierCount() {
        return multipliers.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The counts as name → value, for the JSON and for tests that name what they check. */
    Map<String, Long> asMap() {
        Map<String, Long> m = new java.util.LinkedHashMap<>();
        m.put("registerBits", registerBits);
        m.put("resetBits", resetBits);
        m.put("enableBits", enableBits);
        m.put("adders", adders);
        m.put("adderBits", adderBits);
        m.put("macAdderBits", macAdderBits);
        m.put("multipliers", multiplierCount());
        m.put("fullAdders", fullAdders);
        m.put("halfAdders", halfAdders);
        m.put("compressors42", compressors42);
        m.put("muxBits", muxBits);
        m.put("constMuxBits", constMuxBits);
        m.put("gateBits", gateBits);
        m.put("encodedDigits", encodedDigits);
        m.put("partialProductBits", partialProductBits);
        m.put("saturateBits", saturateBits);
        return m;
    }
}
