package bitweave.datapath;

import java.math.BigInteger;
import java.util.List;

/**
 * One operation of a datapath graph. Every operation has explicit widths (no implicit extension: an
 * {@link Extend} says signed or zero fill), drives the values in {@link #outputs()} and reads the
 * values in {@link #inputs()}. {@code loc} is the DSL declaration it comes from ({@code file:line:col},
 * printed into the Verilog as {@code // @[...]}).
 *
 * <p>The arithmetic operations work modulo 2^width on equal-width operands, so they need no
 * signedness; the passes insert the extensions that make them exact. The {@link #kind()} of an
 * operation is its name in the IR text and the name of the template that prints it.
 */
public sealed interface Op {
    List<Value> outputs();

    List<Value> inputs();

    String loc();

    /** Kebab-case operation name, e.g. {@code partial-product}. */
    String kind();

    /** A constant; {@code bits} is the unsigned bit pattern (0 <= bits < 2^width). */
    record Const(Value out, BigInteger bits, String loc) implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return List.of(); }
        public String kind() { return "const"; }
    }

    /** Widens {@code in} to the width of {@code out}, repeating its top bit when {@code signed}, else with zeros. */
    record Extend(Value out, Value in, boolean signed, String loc) implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return List.of(in); }
        public String kind() { return "extend"; }
    }

    /** Bits {@code [lo + width(out) - 1 : lo]} of {@code in}. */
    record Slice(Value out, Value in, int lo, String loc) implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return List.of(in); }
        public String kind() { return "slice"; }
    }

    /** Joins {@code parts}, the first one in the most significant bits (Verilog's {@code {a, b}}). */
    record Concat(Value out, List<Value> parts, String loc) implements Op {
        public Concat {
            parts = List.copyOf(parts);
        }
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return parts; }
        public String kind() { return "concat"; }
    }

    enum LogicKind {
        AND("&"), OR("|"), XOR("^");

        /** The Verilog operator (a public field so templates can read it). */
        public final String symbol;

        LogicKind(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Bitwise {@code and/or/xor} of two or more operands of the output's width. */
    record Logic(Value out, LogicKind op, List<Value> operands, String loc) implements Op {
        public Logic {
            operands = List.copyOf(operands);
        }
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return operands; }
        public String kind() { return "logic"; }
    }

    /** Bitwise complement. */
    record Not(Value out, Value in, String loc) implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return List.of(in); }
        public String kind() { return "not"; }
    }

    /** One bit: the {@code and/or/xor} of all bits of {@code in} (Verilog's {@code &x}, {@code |x}, {@code ^x}). */
    record Reduce(Value out, LogicKind op, Value in, String loc) implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return List.of(in); }
        public String kind() { return "reduce"; }
    }

    /** {@code sel ? whenTrue : whenFalse}; {@code sel} is one bit. */
    record Mux(Value out, Value sel, Value whenTrue, Value whenFalse, String loc) implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return List.of(sel, whenTrue, whenFalse); }
        public String kind() { return "mux"; }
    }

    /** {@code in} zero-extended, shifted left by a constant {@code amount}, kept to the output's width. */
    record ShiftLeft(Value out, Value in, int amount, String loc) implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return List.of(in); }
        public String kind() { return "shift-left"; }
    }

    /** Carry-propagate adder: {@code a + b} (or {@code a - b}) modulo 2^width, all three of one width. */
    record Add(Value out, Value a, Value b, boolean subtract, String loc) implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return List.of(a, b); }
        public String kind() { return "add"; }
    }

    /**
     * A behavioural multiplier: {@code a * b} modulo 2^width, all three of one width. The lowering
     * extends the operands (signed or zero fill) to the exact product width first, so the result is the
     * exact product; lower-multipliers may replace it by a partial-product generator and a bit heap.
     * Modulo 2^width a signed and an unsigned multiply agree, so the op carries no signedness (the
     * printer uses the signed form, which synthesis narrows back to the unextended operand widths).
     */
    record Multiply(Value out, Value a, Value b, String loc) implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return List.of(a, b); }
        public String kind() { return "multiply"; }
    }

    /**
     * Radix-4 Booth digit encoding (DOMAIN.md 2.3) of {@code in} (a two's-complement value when
     * {@code signed}, else unsigned, which is read as one bit wider with a zero sign). Digit i is
     * (-2*in[2i+1] + in[2i] + in[2i-1]) with in[-1] = 0; bit i of {@code neg}, {@code one} and
     * {@code two} says whether digit i is negative, has magnitude 1, has magnitude 2.
     */
    record BoothEncode(Value neg, Value one, Value two, Value in, boolean signed, String loc) implements Op {
        public List<Value> outputs() { return List.of(neg, one, two); }
        public List<Value> inputs() { return List.of(in); }
        public String kind() { return "booth-encode"; }

        /** Digits needed for a {@code width}-bit operand: ceil(width / 2), or ceil((width + 1) / 2) unsigned. */
        public static int digits(int width, boolean signed) {
            int bits = signed ? width : width + 1;
            return (bits + 1) / 2;
        }
    }

    /**
     * EN-T radix-4 encoding (DOMAIN.md 2.3): the magnitude m = |in| is cut into bit pairs, each pair
     * plus the carry from below gives a code 0, 1, 2, 3 meaning digit 0, +1, +2, -1 (3 carries into the
     * next pair); the sign of {@code in} then negates every non-zero digit. Outputs as for
     * {@link BoothEncode}: bit i of neg / one / two describes digit i, and Σ d_i·4^i = in.
     */
    record EntEncode(Value neg, Value one, Value two, Value in, boolean signed, String loc) implements Op {
        public List<Value> outputs() { return List.of(neg, one, two); }
        public List<Value> inputs() { return List.of(in); }
        public String kind() { return "ent-encode"; }

        /**
         * Digits for a {@code width}-bit operand: one per bit pair of the magnitude, plus one when the
         * top pair can carry out (only an unsigned operand of even width: its top pair can be 3). A
         * signed magnitude is at most 2^(width-1), whose top pair is at most 2 with no carry into it.
         */
        public static int digits(int width, boolean signed) {
            int pairs = (width + 1) / 2;
            return (!signed && width % 2 == 0) ? pairs + 1 : pairs;
        }
    }

    /**
     * Selects one radix-4 partial product from the candidates {0, ±b, ±2b}: {@code one} picks b, {@code two}
     * picks 2b (b read signed when {@code bSigned}, else unsigned), and {@code neg} complements the row.
     * The row is a two's-complement value of width(b) + 1 (signed b) or + 2 (unsigned b) whose value plus
     * {@code neg} is digit·b: the +1 of the negation is left to the consumer (a bit heap takes it as a
     * separate bit), so no adder sits in the selector.
     */
    record PartialProduct(Value out, Value neg, Value one, Value two, Value b, boolean bSigned, String loc)
            implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return List.of(neg, one, two, b); }
        public String kind() { return "partial-product"; }

        public static int rowWidth(int bWidth, boolean bSigned) {
            return bWidth + (bSigned ? 1 : 2);
        }
    }

    /** One row of a bit heap: {@code value} read signed or unsigned, weighted by 2^shift. */
    record HeapRow(Value value, int shift, boolean signed) {
    }

    enum Reduction {
        /** Wallace: every stage compresses each column as far as 3:2 (and 4:2) counters allow. */
        WALLACE,
        /** Dadda: each stage compresses only down to the next height of Dadda's sequence 2, 3, 4, 6, 9, ... */
        DADDA,
        /** A linear chain: the rows enter a carry-save accumulation one after another. */
        CHAIN;

        public String dslName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A bit heap reduced by a compressor tree to two rows: sum + carry ≡ Σ rows (mod 2^width), where
     * width is that of {@code sum} and {@code carry}. {@code reduction} and {@code use42} choose the tree;
     * compress-bit-heaps expands it into {@link FullAdder}, {@link HalfAdder} and {@link Compressor42} ops.
     */
    record BitHeap(Value sum, Value carry, List<HeapRow> rows, Reduction reduction, boolean use42, String loc)
            implements Op {
        public BitHeap {
            rows = List.copyOf(rows);
        }
        public List<Value> outputs() { return List.of(sum, carry); }
        public List<Value> inputs() { return rows.stream().map(HeapRow::value).toList(); }
        public String kind() { return "bit-heap"; }
    }

    /** A 3:2 counter: {@code {carry, sum} = a + b + c}, all one bit. */
    record FullAdder(Value sum, Value carry, Value a, Value b, Value c, String loc) implements Op {
        public List<Value> outputs() { return List.of(sum, carry); }
        public List<Value> inputs() { return List.of(a, b, c); }
        public String kind() { return "full-adder"; }
    }

    /** A 2:2 counter: {@code {carry, sum} = a + b}, all one bit. */
    record HalfAdder(Value sum, Value carry, Value a, Value b, String loc) implements Op {
        public List<Value> outputs() { return List.of(sum, carry); }
        public List<Value> inputs() { return List.of(a, b); }
        public String kind() { return "half-adder"; }
    }

    /**
     * A 4:2 compressor: x0 + x1 + x2 + x3 + cin = sum + 2·(carry + cout), all one bit; cout does not
     * depend on cin, so a row of them has no carry ripple.
     */
    record Compressor42(Value sum, Value carry, Value cout, Value x0, Value x1, Value x2, Value x3, Value cin,
                        String loc) implements Op {
        public List<Value> outputs() { return List.of(sum, carry, cout); }
        public List<Value> inputs() { return List.of(x0, x1, x2, x3, cin); }
        public String kind() { return "compressor-4-2"; }
    }

    enum FitPolicy {
        /** Keep the low bits (modulo 2^width). */
        WRAP,
        /** Clamp to [-2^(w-1), 2^(w-1)-1]. */
        SATURATE_SIGNED,
        /** Clamp to [0, 2^w - 1]. */
        SATURATE_UNSIGNED
    }

    /** Puts the exact signed value {@code in} into the output's width with a policy; width(in) > width(out). */
    record Fit(Value out, Value in, FitPolicy policy, String loc) implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return List.of(in); }
        public String kind() { return "fit"; }
    }

    /**
     * A clocked register (CIRCT's seq.compreg): on each rising {@code clk} edge it takes {@code d} when
     * {@code enable} is high (null: always), and {@code resetValue} when the synchronous {@code rst} is
     * high (null: no reset, for data a valid bit qualifies). Registers break combinational paths.
     */
    record Register(Value out, Value d, Value enable, BigInteger resetValue, String loc) implements Op {
        public List<Value> outputs() { return List.of(out); }
        public List<Value> inputs() { return enable == null ? List.of(d) : List.of(d, enable); }
        public String kind() { return "register"; }
    }
}
