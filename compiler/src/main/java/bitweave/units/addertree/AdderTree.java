package bitweave.units.addertree;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.IntType;
import bitweave.ir.MacStructure;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import java.util.List;

/**
 * A multiplier-adder tree (dot-product unit): K multipliers, an adder tree, optionally an accumulator
 * that sums successive dot products until a beat marked {@code last}.
 *
 * @param pipeline register stages inside the datapath (0 = purely combinational from input to the
 *                 output register)
 */
public record AdderTree(String name, PeSpec pe, int k, int pipeline, boolean accumulate, SourceLoc loc)
        implements ArraySpec {
    /**
     * The deepest useful pipeline for K multipliers: one register per adder level (ceil(log2 K) levels)
     * plus one after the multipliers. The checker enforces it; the lowering pass places the stages.
     */
    public static int maxPipeline(int k) {
        return (k <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(k - 1)) + 1;
    }

    @Override
    public AdderTree baseline() {
        return new AdderTree(name, pe.withMac(MacStructure.DEFAULT), k, pipeline, accumulate, loc);
    }

    @Override
    public long peakMacsPerCycle() {
        return k;
    }

    /** One {@code in} stream (a, b and, with accumulate, last) and the result on {@code out}. */
    @Override
    public TopInterface topInterface() {
        IntType flag = new IntType(1, false);
        List<Field> in = accumulate
                ? List.of(new Field("a", pe.a(), k), new Field("b", pe.b(), k), new Field("last", flag, 1))
                : List.of(new Field("a", pe.a(), k), new Field("b", pe.b(), k));
        return new TopInterface(List.of(new Stream("in", true, in)),
                new Stream("out", false, List.of(new Field("sum", pe.acc(), 1))));
    }
}
