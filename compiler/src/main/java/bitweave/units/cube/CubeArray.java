package bitweave.units.cube;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.MacStructure;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import java.util.List;

/**
 * A 3D-Cube {@code cube(X, Y, Z)} (the TPE paper's OPT1/cube shape): an X x Y x Z grid of MAC PEs. PE
 * (z, y, x) multiplies A[z][y] by B[y][x]; partial sums run along y, the reduction axis, so each (z, x)
 * column delivers one dot product of length Y per beat: one beat is a whole small GEMM C = A·B with A
 * Z x Y and B Y x X (a batch of independent small GEMMs, one per beat).
 */
public record CubeArray(String name, PeSpec pe, int x, int y, int z, SourceLoc loc) implements ArraySpec {
    @Override
    public CubeArray baseline() {
        return new CubeArray(name, pe.withMac(MacStructure.DEFAULT), x, y, z, loc);
    }

    @Override
    public long peakMacsPerCycle() {
        return (long) x * y * z;
    }

    /** Stream {@code in}: A (Z x Y, row-major) and B (Y x X, row-major); stream {@code out}: C (Z x X, row-major). */
    @Override
    public TopInterface topInterface() {
        return new TopInterface(
                List.of(new Stream("in", true, List.of(new Field("a", pe.a(), z * y), new Field("b", pe.b(), y * x)))),
                new Stream("out", false, List.of(new Field("c", pe.acc(), z * x))));
    }
}
