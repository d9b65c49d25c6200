package bitweave.units.cube;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.MacStructure;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import bitweave.ir.Transform;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A 3D-Cube {@code cube(X, Y, Z)} (the TPE paper's OPT1/cube shape): an X x Y x Z grid of MAC PEs. PE
 * (z, y, x) multiplies A[z][y] by B[y][x]; partial sums run along y, the reduction axis, so each (z, x)
 * column delivers one dot product of length Y per beat: one beat is a whole small GEMM C = A·B with A
 * Z x Y and B Y x X (a batch of independent small GEMMs, one per beat).
 *
 * <p>{@code transforms} (only {@link Transform#COMPRESSED_ACCUMULATION} applies) change the hardware,
 * never the arithmetic; {@code rawPairs} (with compressed accumulation only) leaves each column's
 * (sum, carry) pair unfused, so {@code out_c} becomes the two ports out_c_sum and out_c_carry;
 * {@code edgePipeline} is the register stages of the column's edge adder (latency 1 + that many).
 */
public record CubeArray(String name, PeSpec pe, int x, int y, int z, Set<Transform> transforms, boolean rawPairs,
                        int edgePipeline, SourceLoc loc) implements ArraySpec {
    public CubeArray {
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
    public CubeArray(String name, PeSpec pe, int x, int y, int z, Set<Transform> transforms, boolean rawPairs,
                     SourceLoc loc) {
        this(name, pe, x, y, z, transforms, rawPairs, 0, loc);
    }

    /** A cube without transforms. */
    public CubeArray(String name, PeSpec pe, int x, int y, int z, SourceLoc loc) {
        this(name, pe, x, y, z, Set.of(), false, loc);
    }

    /** Whether each column's partial sum flows as a carry-save pair (OPT1). */
    public boolean compressedAccumulation() {
        return transforms.contains(Transform.COMPRESSED_ACCUMULATION);
    }

    @Override
    public CubeArray baseline() {
        return new CubeArray(name, pe.withMac(MacStructure.DEFAULT), x, y, z, loc);
    }

    @Override
    public long peakMacsPerCycle() {
        return (long) x * y * z;
    }

    /**
     * Stream {@code in}: A (Z x Y, row-major) and B (Y x X, row-major); stream {@code out}: C (Z x X,
     * row-major), as carry-save pairs with raw pairs.
     */
    @Override
    public TopInterface topInterface() {
        return new TopInterface(
                List.of(new Stream("in", true, List.of(new Field("a", pe.a(), z * y), new Field("b", pe.b(), y * x)))),
                new Stream("out", false, List.of(new Field("c", pe.acc(), z * x, rawPairs))));
    }
}
