package bitweave.units.addertree;

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
 * A multiplier-adder tree (dot-product unit): K multipliers, an adder tree, optionally an accumulator
 * that sums successive dot products until a beat marked {@code last}. With {@code columns} N > 1 there
 * are N such trees side by side that share the streamed operand a (broadcast) and each have their own
 * weight vector (TPE OPT2's configuration K × N).
 *
 * @param columns    number of dot products per beat (1 = the plain dot-product unit)
 * @param pipeline   register stages inside the datapath (0 = purely combinational from input to the
 *                   output register)
 * @param transforms bit-weight transforms (only {@link Transform#SAME_BIT_WEIGHT_REDUCTION} applies)
 */
public record AdderTree(String name, PeSpec pe, int k, int columns, int pipeline, boolean accumulate,
                        Set<Transform> transforms, SourceLoc loc) implements ArraySpec {
    public AdderTree {
        transforms = transforms.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(transforms));
    }

    /** One column, no transform: the plain dot-product unit. */
    public AdderTree(String name, PeSpec pe, int k, int pipeline, boolean accumulate, SourceLoc loc) {
        this(name, pe, k, 1, pipeline, accumulate, Set.of(), loc);
    }

    /**
     * The deepest useful pipeline for K multipliers: one register per adder level (ceil(log2 K) levels)
     * plus one after the multipliers. The checker enforces it; the lowering pass places the stages.
     */
    public static int maxPipeline(int k) {
        return (k <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(k - 1)) + 1;
    }

    /**
     * The tree depth that bounds the pipeline: with block-format operands each column is K/block dot units of
     * one block each (their sums meet in the exact accumulator), so the trees are block wide.
     */
    public int treeWidth() {
        return pe.hasBlockOperands() ? pe.blocks().blockSize() : k;
    }

    /** Blocks per column per beat (block-format operands only). */
    public int blocksPerColumn() {
        return k / pe.blocks().blockSize();
    }

    @Override
    public AdderTree baseline() {
        return new AdderTree(name, pe.withMac(MacStructure.DEFAULT), k, columns, pipeline, accumulate, Set.of(), loc);
    }

    /** OPT2: the partial products of all K multipliers that share a bit weight are reduced together. */
    public boolean sameBitWeight() {
        return transforms.contains(Transform.SAME_BIT_WEIGHT_REDUCTION);
    }

    @Override
    public long peakMacsPerCycle() {
        return (long) k * columns;
    }

    /**
     * One {@code in} stream (a, b and, with accumulate, last) and the results on {@code out}. b holds
     * the N weight vectors one after another (element n*K + i is b_i of column n), sum one value per column.
     */
    @Override
    public TopInterface topInterface() {
        IntType flag = new IntType(1, false);
        if (pe.hasBlockOperands()) {
            return blockInterface(flag);
        }
        List<Field> in = accumulate
                ? List.of(new Field("a", pe.a(), k), new Field("b", pe.b(), k * columns), new Field("last", flag, 1))
                : List.of(new Field("a", pe.a(), k), new Field("b", pe.b(), k * columns));
        return new TopInterface(List.of(new Stream("in", true, in)),
                new Stream("out", false, List.of(new Field("sum", pe.acc(), columns))));
    }

    /**
     * With block-format operands: a's block scales and element codes, then b's (N columns one after another,
     * each in the quantizer's packing), last with accumulate; out: the N results as bit patterns of acc.
     */
    private TopInterface blockInterface(IntType flag) {
        var f = pe.blocks();
        int n = blocksPerColumn();
        List<Field> in = new java.util.ArrayList<>(f.inputFields(n, n * columns));
        if (accumulate) {
            in.add(new Field("last", flag, 1));
        }
        return new TopInterface(List.of(new Stream("in", true, in)),
                new Stream("out", false, List.of(new Field("sum", pe.acc(), columns))));
    }
}
