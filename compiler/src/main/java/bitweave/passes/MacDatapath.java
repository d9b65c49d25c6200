package bitweave.passes;

import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.IntType;
import bitweave.ir.MacStructure;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import java.util.List;

/**
 * The multiply-accumulate pieces every lowering builds into its datapath graphs, with exact widths
 * (DOMAIN.md 1): the product of two declared operand types and the accumulation into a declared
 * accumulator with its overflow policy. lower-multipliers later opens the behavioural multiply.
 */
public final class MacDatapath {
    private MacDatapath() {
    }

    /**
     * Bits that hold every product of an {@code a} by a {@code b} as a signed value: wa + wb, one more
     * when both are unsigned (the product of two unsigned values can need all wa + wb bits, plus a sign).
     */
    public static int productWidth(IntType a, IntType b) {
        return a.width() + b.width() + (a.signed() || b.signed() ? 0 : 1);
    }

    /** The exact product of {@code a} (of type {@code at}) and {@code b} as a signed {@link #productWidth} value. */
    public static Value product(DatapathBuilder g, Value a, IntType at, Value b, IntType bt, String base) {
        int p = productWidth(at, bt);  // wider than either operand, so both extends are real ops
        Value aExt = g.extend(base + "_a", a, p, at.signed());
        Value bExt = g.extend(base + "_b", b, p, bt.signed());
        Value product = g.fresh(base, p);
        g.add(new Op.Multiply(product, aExt, bExt, g.loc()));
        return product;
    }

    /**
     * The rows of the product {@code a·b} for a bit heap of {@code width} bits that also takes other
     * rows (compressed accumulation: the stored (sum, carry) pair). With a multiplier that makes partial
     * products these are its rows (lower-multipliers' own, {@link LowerMultipliers#partialProductRows}),
     * so no carry-propagate adder is made. With the behavioural multiplier the exact product enters as
     * one signed row: the synthesis tool's multiplier then keeps its own final adder, and only the
     * accumulation is carry-save (the paper's configuration is {@code multiplier booth}).
     */
    public static List<Op.HeapRow> productRows(DatapathBuilder g, Value a, IntType at, Value b, IntType bt,
                                               MacStructure.Multiplier multiplier, String base, int width) {
        if (!multiplier.makesPartialProducts()) {
            return List.of(new Op.HeapRow(product(g, a, at, b, bt, base), 0, true));
        }
        return LowerMultipliers.partialProductRows(g, multiplier, base, a, at.signed(), b, bt.signed(), width);
    }

    /** Width in which acc + product is exact: two bits over the wider (covers an unsigned accumulator). */
    public static int sumWidth(IntType acc, int addendWidth) {
        return Math.max(acc.width(), addendWidth) + 2;
    }

    /** {@code acc + addend} exact: acc read in its type's signedness, the addend signed. */
    public static Value exactSum(DatapathBuilder g, Value acc, IntType accType, Value addend, String base) {
        int s = sumWidth(accType, addend.width());
        Value accExt = g.extend(base + "_acc", acc, s, accType.signed());
        Value addendExt = g.extend(base + "_addend", addend, s, true);
        return g.add(base, accExt, addendExt);
    }

    /** Drives {@code out} (the accumulator type) from the exact signed value with the PE's policy. */
    public static void fit(DatapathBuilder g, Value out, Value exact, PeSpec pe) {
        g.add(new Op.Fit(out, exact, fitPolicy(pe), g.loc()));
    }

    /** The bit heap's reduction for the PE's DSL choice (ir names it without depending on the datapath IR). */
    public static Op.Reduction reduction(bitweave.ir.MacStructure mac) {
        return Op.Reduction.valueOf(mac.reduction().name());
    }

    public static Op.FitPolicy fitPolicy(PeSpec pe) {
        if (pe.policy() == OverflowPolicy.WRAP) {
            return Op.FitPolicy.WRAP;
        }
        return pe.acc().signed() ? Op.FitPolicy.SATURATE_SIGNED : Op.FitPolicy.SATURATE_UNSIGNED;
    }
}
