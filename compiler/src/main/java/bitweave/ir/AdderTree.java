package bitweave.ir;

/**
 * A multiplier-adder tree (dot-product unit): K multipliers, an adder tree, optionally an accumulator
 * that sums successive dot products until a beat marked {@code last}.
 *
 * @param pipeline register stages inside the datapath (0 = purely combinational from input to the
 *                 output register)
 */
public record AdderTree(String name, PeSpec pe, int k, int pipeline, boolean accumulate, SourceLoc loc)
        implements ArraySpec {
    @Override
    public long peakMacsPerCycle() {
        return k;
    }
}
