package bitweave.emit;

import bitweave.datapath.Value;
import java.math.BigInteger;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;

/**
 * The text of every operand a datapath op reads, with a record of which bits of each value the printed
 * Verilog reads. Every selection goes through here, so the record is exact by construction: the
 * printer wraps a declaration in {@code lint_off UNUSED} exactly when some of its bits are never read.
 * Also prints sized literals (every literal in the generated Verilog has a width).
 */
final class VerilogBits {
    private final Map<String, BitSet> read = new HashMap<>();

    /** The whole value. */
    String all(Value v) {
        mark(v, 0, v.width());
        return v.name();
    }

    /** Bit {@code i}; a one-bit value is printed bare (a scalar wire has no bit select). */
    String bit(Value v, int i) {
        return range(v, i, 1);
    }

    /** Bits {@code [lo + width - 1 : lo]}, printed as the bare name when that is the whole value. */
    String range(Value v, int lo, int width) {
        if (lo < 0 || width < 1 || lo + width > v.width()) {
            throw new IllegalArgumentException("bits [" + (lo + width - 1) + ":" + lo + "] outside " + v);
        }
        mark(v, lo, width);
        if (lo == 0 && width == v.width()) {
            return v.name();
        }
        if (width == 1) {
            return v.name() + "[" + lo + "]";
        }
        return v.name() + "[" + (lo + width - 1) + ":" + lo + "]";
    }

    /** Whether every bit of {@code v} is read by some printed expression. */
    boolean fullyRead(Value v) {
        BitSet bits = read.get(v.name());
        return bits != null && bits.cardinality() == v.width();
    }

    private void mark(Value v, int lo, int width) {
        read.computeIfAbsent(v.name(), k -> new BitSet()).set(lo, lo + width);
    }

    /** A sized hexadecimal literal, e.g. {@code 8'h3f}. */
    static String literal(int width, BigInteger bits) {
        if (bits.signum() < 0 || bits.bitLength() > width) {
            throw new IllegalArgumentException(bits + " does not fit " + width + " bits");
        }
        return width + "'h" + bits.toString(16);
    }

    static String zeros(int width) {
        return literal(width, BigInteger.ZERO);
    }

    /** The bit range of a declaration, {@code [W-1:0] } with its trailing space, or empty for one bit. */
    static String declRange(int width) {
        return width == 1 ? "" : "[" + (width - 1) + ":0] ";
    }
}
