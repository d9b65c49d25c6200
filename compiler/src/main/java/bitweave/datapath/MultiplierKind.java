package bitweave.datapath;

import java.util.Locale;

/**
 * How a PE's multiplier is built (issue 6 §2). {@link #BEHAVIORAL} keeps the {@link Op.Multiply} atom
 * (Verilog {@code *}); the others are opened by the lower-multipliers pass into partial-product rows
 * that enter a {@link Op.BitHeap}, reduced to two rows and fused by one carry-propagate adder.
 */
public enum MultiplierKind {
    /** The {@code *} operator, as before issue 6: synthesis picks the multiplier. */
    BEHAVIORAL,
    /** One row per bit of a: b AND a[i] at weight 2^i (a negated top row when a is signed). */
    AND_ARRAY,
    /** Radix-4 Booth digits of a (DOMAIN.md 2.3) select 0, ±b, ±2b per row at weight 4^i. */
    BOOTH,
    /** EN-T radix-4 sign-magnitude digits of a (DOMAIN.md 2.3) select 0, ±b, ±2b per row at weight 4^i. */
    ENT;

    /** The spelling used in the DSL and in the IR text (lower case). */
    public String dslName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
