package bitweave.units.systolic;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.IntType;
import bitweave.ir.MacStructure;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import java.util.List;

/** A ROWS x COLS systolic array of one PE. */
public record SystolicArray(String name, PeSpec pe, int rows, int cols, Dataflow dataflow, SourceLoc loc)
        implements ArraySpec {
    @Override
    public SystolicArray baseline() {
        return new SystolicArray(name, pe.withMac(MacStructure.DEFAULT), rows, cols, dataflow, loc);
    }

    @Override
    public long peakMacsPerCycle() {
        return (long) rows * cols;
    }

    /**
     * Output stationary: one {@code in} stream (a column of A, a row of B, last) and C row-major on
     * {@code out}. Weight stationary: a {@code w} stream (W row-major), an {@code in} stream (x), y on
     * {@code out}. dsl/INTERFACE.md describes both.
     */
    @Override
    public TopInterface topInterface() {
        IntType flag = new IntType(1, false);
        if (dataflow == Dataflow.OUTPUT_STATIONARY) {
            return new TopInterface(
                    List.of(new Stream("in", true, List.of(
                            new Field("a", pe.a(), rows),
                            new Field("b", pe.b(), cols),
                            new Field("last", flag, 1)))),
                    new Stream("out", false, List.of(new Field("c", pe.acc(), rows * cols))));
        }
        return new TopInterface(
                List.of(new Stream("w", true, List.of(new Field("data", pe.b(), rows * cols))),
                        new Stream("in", true, List.of(new Field("x", pe.a(), rows)))),
                new Stream("out", false, List.of(new Field("y", pe.acc(), cols))));
    }
}
