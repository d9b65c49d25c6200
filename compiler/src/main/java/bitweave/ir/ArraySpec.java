package bitweave.ir;

/**
 * An array of PEs. New array kinds (3D-Cube, 2D-Matrix, LUT cores, MX units) join as new records here;
 * every switch over this sealed interface then fails to compile until it handles them.
 */
public sealed interface ArraySpec permits SystolicArray, AdderTree {
    /** The array's name in the DSL ({@code array top = ...}). */
    String name();

    PeSpec pe();

    SourceLoc loc();

    /** Multiplies performed per cycle when the array is busy. */
    long peakMacsPerCycle();
}
