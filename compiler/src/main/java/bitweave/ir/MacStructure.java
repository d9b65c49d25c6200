package bitweave.ir;

import java.util.Locale;

/**
 * How a PE's multiply is built (LANGUAGE.md 5.1): the multiplier (a behavioural {@code *}, or a
 * partial-product generator) and the reduction of its partial products. It never changes what the PE
 * computes, only the hardware; the golden model ignores it.
 *
 * @param fourTwo use 4:2 compressors where a column of the bit heap holds four or more bits
 */
public record MacStructure(Multiplier multiplier, Reduction reduction, boolean fourTwo) {
    public static final MacStructure DEFAULT = new MacStructure(Multiplier.BEHAVIORAL, Reduction.WALLACE, false);

    public enum Multiplier {
        /** {@code a * b} in the Verilog; the synthesis tool builds the multiplier. */
        BEHAVIORAL,
        /** one partial product per bit of a (b AND a[i]), the top one negative for a signed a. */
        AND_ARRAY,
        /** radix-4 Booth digits of a, one partial product {0, ±b, ±2b} per digit. */
        BOOTH,
        /** EN-T radix-4 digits of a (sign-magnitude), one partial product per digit. */
        ENT;

        public String dslName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean makesPartialProducts() {
            return this != BEHAVIORAL;
        }
    }

    /** The order of the partial-product reduction (the datapath's bit-heap op has the same three). */
    public enum Reduction {
        WALLACE, DADDA, CHAIN;

        public String dslName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }


    /** The DSL spelling, e.g. {@code booth, dadda} or {@code behavioral}. */
    public String describe() {
        if (!multiplier.makesPartialProducts()) {
            return multiplier.dslName();
        }
        return multiplier.dslName() + ", " + reduction.dslName() + (fourTwo ? " four_two" : "");
    }
}
