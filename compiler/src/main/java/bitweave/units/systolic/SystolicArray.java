package bitweave.units.systolic;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.IntType;
import bitweave.ir.LaneSkew;
import bitweave.ir.MacStructure;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import bitweave.ir.Transform;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A ROWS x COLS systolic array of one PE; {@code transforms} are the bit-weight transforms applied to it
 * (only {@link Transform#COMPRESSED_ACCUMULATION} applies to this shape). They change the hardware,
 * never the arithmetic. {@code rawPairs} (with compressed accumulation only, {@code transform
 * compressed_accumulation raw_pairs}) leaves the results as unfused (sum, carry) pairs: the out field is
 * then carry-save, carried by two ports (dsl/INTERFACE.md); otherwise the interface is unchanged.
 * {@code edgePipeline} is the register stages of the edge adder that fuses the pairs ({@code
 * edge_pipeline N}): the latency grows by that many cycles, the ports stay.
 */
public record SystolicArray(String name, PeSpec pe, int rows, int cols, Dataflow dataflow, Set<Transform> transforms,
                            OutputMode output, SkewMode skew, SourceLoc loc, boolean rawPairs, int edgePipeline)
        implements ArraySpec {
    public SystolicArray {
        if (edgePipeline != 0 && (rawPairs || !transforms.contains(Transform.COMPRESSED_ACCUMULATION))) {
            throw new IllegalArgumentException("an edge pipeline needs compressed accumulation with an edge adder");
        }
        // an EnumSet keeps the declaration order, so describe() and reports are deterministic
        transforms = Collections.unmodifiableSet(transforms.isEmpty()
                ? EnumSet.noneOf(Transform.class) : EnumSet.copyOf(transforms));
        if (rawPairs && !transforms.contains(Transform.COMPRESSED_ACCUMULATION)) {
            throw new IllegalArgumentException("raw pairs need compressed accumulation");
        }
    }

    /** No edge pipeline. */
    public SystolicArray(String name, PeSpec pe, int rows, int cols, Dataflow dataflow, Set<Transform> transforms,
                         OutputMode output, SkewMode skew, SourceLoc loc, boolean rawPairs) {
        this(name, pe, rows, cols, dataflow, transforms, output, skew, loc, rawPairs, 0);
    }

    /** Pairs fused at the edge (no {@code raw_pairs}). */
    public SystolicArray(String name, PeSpec pe, int rows, int cols, Dataflow dataflow, Set<Transform> transforms,
                         OutputMode output, SkewMode skew, SourceLoc loc) {
        this(name, pe, rows, cols, dataflow, transforms, output, skew, loc, false);
    }

    /** Held output, array skew (the defaults). */
    public SystolicArray(String name, PeSpec pe, int rows, int cols, Dataflow dataflow, Set<Transform> transforms,
                         SourceLoc loc) {
        this(name, pe, rows, cols, dataflow, transforms, OutputMode.HELD, SkewMode.INTERNAL, loc);
    }

    /** An array without transforms, held output, array skew. */
    public SystolicArray(String name, PeSpec pe, int rows, int cols, Dataflow dataflow, SourceLoc loc) {
        this(name, pe, rows, cols, dataflow, Set.of(), loc);
    }

    /** The same array with {@code output} and {@code skew}. */
    public SystolicArray withModes(OutputMode output, SkewMode skew) {
        return new SystolicArray(name, pe, rows, cols, dataflow, transforms, output, skew, loc, rawPairs, edgePipeline);
    }

    /** Whether the PE keeps its accumulator (OS) or outgoing partial sum (WS) as a carry-save pair (OPT1). */
    public boolean compressedAccumulation() {
        return transforms.contains(Transform.COMPRESSED_ACCUMULATION);
    }

    @Override
    public SystolicArray baseline() {
        // the output and skew modes are part of the interface's timing, so the baseline keeps them
        return new SystolicArray(name, pe.withMac(MacStructure.DEFAULT), rows, cols, dataflow, Set.of(), output, skew,
                loc);
    }

    @Override
    public long peakMacsPerCycle() {
        // a block-format PE multiplies a whole block pair per step
        return (long) rows * cols * (pe.hasBlockOperands() ? pe.blocks().blockSize() : 1);
    }

    /**
     * Output stationary: one {@code in} stream (a column of A, a row of B, last) and C row-major on
     * {@code out}. Weight stationary: a {@code w} stream (W row-major), an {@code in} stream (x), y on
     * {@code out}. dsl/INTERFACE.md describes both. With block-format operands (output stationary only): a's
     * scales and elements (row r's block of this step), b's (column c's), last; C row-major as bit patterns of acc.
     */
    @Override
    public TopInterface topInterface() {
        IntType flag = new IntType(1, false);
        if (pe.hasBlockOperands()) {
            // one block of A's row r and of B's column c per step (output stationary only, checked)
            List<Field> in = new ArrayList<>(pe.blocks().inputFields(rows, cols));
            in.add(new Field("last", flag, 1));
            return new TopInterface(List.of(new Stream("in", true, in)),
                    new Stream("out", false, List.of(new Field("c", pe.acc(), rows * cols))));
        }
        if (dataflow == Dataflow.OUTPUT_STATIONARY) {
            // skew host: lane i of a and b follows its beat by i clock cycles (the array shifts every cycle)
            List<LaneSkew> skews = skew == SkewMode.HOST
                    ? List.of(new LaneSkew("in", "a", null), new LaneSkew("in", "b", null)) : List.of();
            return new TopInterface(
                    List.of(new Stream("in", true, List.of(
                            new Field("a", pe.a(), rows),
                            new Field("b", pe.b(), cols),
                            new Field("last", flag, 1)))),
                    new Stream("out", false, List.of(new Field("c", pe.acc(), rows * cols, rawPairs))), skews);
        }
        // WS advances only in cycles with in_ready high (the global stall), so its lanes count those
        List<LaneSkew> skews = new ArrayList<>();
        if (skew == SkewMode.HOST) {
            skews.add(new LaneSkew("in", "x", "in"));
        }
        if (output == OutputMode.DIRECT) {
            skews.add(new LaneSkew("out", "y", "in"));
        }
        return new TopInterface(
                List.of(new Stream("w", true, List.of(new Field("data", pe.b(), rows * cols))),
                        new Stream("in", true, List.of(new Field("x", pe.a(), rows)))),
                new Stream("out", false, List.of(new Field("y", pe.acc(), cols, rawPairs))), skews);
    }
}
