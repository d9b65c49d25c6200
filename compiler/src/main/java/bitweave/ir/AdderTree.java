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
    /**
     * The deepest useful pipeline for K multipliers: one register per adder level (ceil(log2 K) levels)
     * plus one after the multipliers. The checker enforces it; the lowering pass places the stages.
     */
    public static int maxPipeline(int k) {
        return (k <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(k - 1)) + 1;
    }

    @Override
    public long peakMacsPerCycle() {
        return k;
    }
}
