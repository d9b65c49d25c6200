package bitweave.ir;

import java.util.Locale;

/**
 * A bit-weight transform of the TPE paper (DOMAIN.md 2.2), selected in an array body with
 * {@code transform NAME}. A transform changes where compression and carry propagation happen, never
 * the arithmetic: the golden model of a transformed array is that of the untransformed one.
 */
public enum Transform {
    /** OPT1: the accumulator is a (sum, carry) pair; one carry-propagate adder per output, at the edge. */
    COMPRESSED_ACCUMULATION("OPT1"),
    /** OPT2: partial products of all K multipliers with one bit weight are reduced together. */
    SAME_BIT_WEIGHT_REDUCTION("OPT2");

    /** The paper's name for it. */
    public final String paperName;

    Transform(String paperName) {
        this.paperName = paperName;
    }

    public String dslName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
