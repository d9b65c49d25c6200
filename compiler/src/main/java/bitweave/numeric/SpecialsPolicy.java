package bitweave.numeric;

/** What a NaN or infinite input does to its block. */
public enum SpecialsPolicy {
    /** The whole block is NaN: scale code all ones, every element code 0 (microxcaling, TOSA). */
    BLOCK("block"),
    /**
     * Only its lane: the scale comes from the finite inputs, NaN gives the element NaN and infinity the element
     * infinity (E5M2) or NaN (E4M3, which has no infinity). Needs an element format with NaN.
     */
    LANE("lane");

    private final String dslName;

    SpecialsPolicy(String dslName) {
        this.dslName = dslName;
    }

    public String dslName() {
        return dslName;
    }
}
