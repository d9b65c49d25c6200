package bitweave.units.systolic;

/** The dataflow of a systolic array: which operand stays in the PE. */
public enum Dataflow {
    /** Each PE keeps one output C[r][c]; A streams left to right, B top to bottom. */
    OUTPUT_STATIONARY,
    /** Each PE keeps one weight W[r][c]; activations stream left to right, partial sums flow down. */
    WEIGHT_STATIONARY;

    public String dslName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
