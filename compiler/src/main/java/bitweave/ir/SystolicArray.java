package bitweave.ir;

/** A ROWS x COLS systolic array of one PE. */
public record SystolicArray(String name, PeSpec pe, int rows, int cols, Dataflow dataflow, SourceLoc loc)
        implements ArraySpec {
    @Override
    public long peakMacsPerCycle() {
        return (long) rows * cols;
    }
}
