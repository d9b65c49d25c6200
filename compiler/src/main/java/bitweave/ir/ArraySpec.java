package bitweave.ir;

/**
 * An array of PEs: the checked form of one {@code array} declaration. Each unit kind has its own record
 * in its package under {@code bitweave.units}; {@code bitweave.units.UnitKinds} lists the kinds and finds
 * the kind of a record, so no phase needs to know the records.
 */
public interface ArraySpec {
    /** The array's name in the DSL ({@code array top = ...}). */
    String name();

    /** The PE every cell instantiates; null for a kind without one (see {@code UnitKind#ofNamesPe}). */
    PeSpec pe();

    SourceLoc loc();

    /** Multiplies performed per cycle when the array is busy. */
    long peakMacsPerCycle();

    /** The top module's port contract for this array (dsl/INTERFACE.md); see {@link TopInterface}. */
    TopInterface topInterface();

    /**
     * The same shape, arithmetic and interface built the plain way: the PE's default multiplier
     * structure and no transform. {@code bitweave equiv F.bw} proves a design against it.
     */
    ArraySpec baseline();
}
