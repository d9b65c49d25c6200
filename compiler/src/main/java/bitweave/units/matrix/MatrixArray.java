package bitweave.units.matrix;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.IntType;
import bitweave.ir.MacStructure;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import bitweave.ir.Transform;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A 2D-Matrix {@code matrix(M, N, K)} (FlexFlow / tensor-core style): an M x N grid of K-wide
 * dot-product units. One beat is one M x N x K product step, A (M x K) broadcast along the rows of the
 * grid and B (K x N) along its columns; the steps of a group are accumulated until a beat marked last.
 *
 * @param pipeline   register stages inside each dot unit (0 = the only register is the out register), as
 *                   in the adder tree
 * @param transforms bit-weight transforms: {@link Transform#SAME_BIT_WEIGHT_REDUCTION} inside each dot unit,
 *                   {@link Transform#COMPRESSED_ACCUMULATION} in each unit's accumulator (either or both)
 * @param edgePipeline with compressed accumulation, the register stages of each unit's fusing adder
 */
public record MatrixArray(String name, PeSpec pe, int m, int n, int k, int pipeline, Set<Transform> transforms,
                          int edgePipeline, SourceLoc loc) implements ArraySpec {
    public MatrixArray {
        transforms = transforms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(transforms));
        if (edgePipeline != 0 && !transforms.contains(Transform.COMPRESSED_ACCUMULATION)) {
            throw new IllegalArgumentException("an edge pipeline needs compressed accumulation");
        }
    }

    /** No edge pipeline. */
    public MatrixArray(String name, PeSpec pe, int m, int n, int k, int pipeline, Set<Transform> transforms,
                       SourceLoc loc) {
        this(name, pe, m, n, k, pipeline, transforms, 0, loc);
    }

    /** No transform. */
    public MatrixArray(String name, PeSpec pe, int m, int n, int k, int pipeline, SourceLoc loc) {
        this(name, pe, m, n, k, pipeline, Set.of(), loc);
    }

    @Override
    public MatrixArray baseline() {
        return new MatrixArray(name, pe.withMac(MacStructure.DEFAULT), m, n, k, pipeline, Set.of(), loc);
    }

    /** OPT2: in each dot unit the partial products of its K multipliers that share a bit weight are reduced together. */
    public boolean sameBitWeight() {
        return transforms.contains(Transform.SAME_BIT_WEIGHT_REDUCTION);
    }

    /** OPT1: each unit keeps its accumulator as a carry-save pair; one adder fuses it at the group's end. */
    public boolean compressedAccumulation() {
        return transforms.contains(Transform.COMPRESSED_ACCUMULATION);
    }

    /** One register per adder level (ceil(log2 K) levels) plus one after the multipliers, as the adder tree. */
    public static int maxPipeline(int k) {
        return (k <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(k - 1)) + 1;
    }

    @Override
    public long peakMacsPerCycle() {
        return (long) m * n * k;
    }

    /** Stream {@code in}: A (M x K), B (K x N), both row-major, and last; stream {@code out}: C (M x N). */
    @Override
    public TopInterface topInterface() {
        IntType flag = new IntType(1, false);
        if (pe.hasBlockOperands()) {
            return blockInterface(flag);
        }
        return new TopInterface(
                List.of(new Stream("in", true, List.of(new Field("a", pe.a(), m * k), new Field("b", pe.b(), k * n),
                        new Field("last", flag, 1)))),
                new Stream("out", false, List.of(new Field("c", pe.acc(), m * n))));
    }

    /**
     * With block-format operands (K/block blocks per dot unit): A's rows and B's columns as blocks, each
     * scales then codes (row r's blocks, then row r+1's; column n's, then n+1's: B is given column by column,
     * as the quantizer packs vectors), and last; out: C (M x N, row-major) as bit patterns of acc.
     */
    private TopInterface blockInterface(IntType flag) {
        var f = pe.blocks();
        int blocks = k / f.blockSize();
        List<Field> in = new java.util.ArrayList<>(f.inputFields(m * blocks, n * blocks));
        in.add(new Field("last", flag, 1));
        return new TopInterface(List.of(new Stream("in", true, in)),
                new Stream("out", false, List.of(new Field("c", pe.acc(), m * n))));
    }
}
