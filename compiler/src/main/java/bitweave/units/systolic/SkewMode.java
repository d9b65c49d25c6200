package bitweave.units.systolic;

/**
 * {@code skew internal | host} of a systolic array (dsl/LANGUAGE.md, dsl/INTERFACE.md): who delays operand
 * lane i by i cycles so the operands of one step meet in the right PE.
 */
public enum SkewMode {
    /** The default: the array's input skew lines delay lane i by i cycles. */
    INTERNAL,
    /**
     * The host drives lane i already delayed by i cycles (as the TPE repository's testbenches do); the
     * array has no data skew lines.
     */
    HOST;

    public String dslName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
