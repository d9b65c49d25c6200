package bitweave.synth;

import java.util.List;
import java.util.Map;

/** The outcome of {@link Equivalence#check}: a proof within a stated bound, or a counterexample. */
public sealed interface EquivResult {
    boolean proved();

    /** How a proof was found, and so what it covers. */
    enum Method {
        /** No registers: one SAT proof for every input (depth 0). */
        COMBINATIONAL,
        /** ABC's dprove on the AIGER miter: every cycle after reset, from any power-on state (depth 0). */
        INDUCTION,
        /** Yosys {@code sat -seq}: {@code depth} cycles after the reset cycle. */
        BOUNDED
    }

    /** No input sequence makes an output differ, within what {@code method} covers. */
    record Proved(Method method, int depth) implements EquivResult {
        @Override
        public boolean proved() {
            return true;
        }

        public boolean combinational() {
            return method == Method.COMBINATIONAL;
        }
    }

    /**
     * A run that tells the units apart.
     *
     * @param cycle   the first cycle in which an output differs (cycle 1 is the reset cycle; 1 for a
     *                combinational unit)
     * @param inputs  for each cycle 1..cycle, the value of every input port except the clock (port → bits,
     *                most significant first)
     * @param port    the first output port (in port order) that differs in that cycle
     * @param goldBits the reference's value of that port ('x' where the reference leaves a bit undefined)
     * @param gateBits the other unit's value
     */
    record NotEquivalent(int cycle, List<Map<String, String>> inputs, String port, String goldBits, String gateBits)
            implements EquivResult {
        @Override
        public boolean proved() {
            return false;
        }

        /** The highest and lowest bit index that differ, as "[hi:lo]" or "[i]". */
        public String differingBits() {
            int hi = -1;
            int lo = -1;
            int w = goldBits.length();
            for (int i = 0; i < w; i++) {
                char g = goldBits.charAt(w - 1 - i);
                char t = gateBits.charAt(w - 1 - i);
                if (g != 'x' && g != t) {
                    lo = lo < 0 ? i : lo;
                    hi = i;
                }
            }
            return hi == lo ? "[" + lo + "]" : "[" + hi + ":" + lo + "]";
        }
    }

    /** A value for people: 1-bit as 0/1, wider as Verilog hex (binary when some bit is undefined). */
    static String show(String bits) {
        if (bits.length() == 1) {
            return bits;
        }
        if (!bits.matches("[01]+")) {
            return bits.length() + "'b" + bits;
        }
        int digits = (bits.length() + 3) / 4;
        String hex = new java.math.BigInteger(bits, 2).toString(16);
        return bits.length() + "'h" + "0".repeat(digits - hex.length()) + hex;
    }
}
