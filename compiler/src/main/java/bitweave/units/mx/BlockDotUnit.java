package bitweave.units.mx;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.IntType;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import bitweave.numeric.BlockDot;
import bitweave.numeric.BlockFormat;
import java.util.List;

/**
 * {@code block_dot() of A { b B; block 32; blocks N; accumulate exact; to fp32 }}: one dot product of two
 * vectors of N blocks per beat (operands in block formats A and B, e.g. mxfp8_e4m3 x mxfp4), with the
 * accumulation the DSL declares ({@link BlockDot}).
 */
public record BlockDotUnit(String name, BlockDot rule, int blocks, SourceLoc loc) implements ArraySpec {
    public int blockSize() {
        return rule.a().blockSize();
    }

    /** Elements per operand: K = blocks * block. */
    public int k() {
        return blocks * blockSize();
    }

    @Override
    public PeSpec pe() {
        return null;
    }

    /** One element product per lane. */
    @Override
    public long peakMacsPerCycle() {
        return k();
    }

    /**
     * {@code in}: a's block scales and element codes, then b's (each in the quantizer's packing: block j's
     * scale is element j of the scale field, its codes elements j*block .. j*block+block-1); {@code out}:
     * {@code y}, the dot product as a bit pattern of the output format.
     */
    @Override
    public TopInterface topInterface() {
        BlockFormat a = rule.a();
        BlockFormat b = rule.b();
        return new TopInterface(List.of(new Stream("in", true, List.of(
                new Field("a_scale", new IntType(a.scale().bits(), false), blocks),
                new Field("a_elem", new IntType(a.element().width(), false), k()),
                new Field("b_scale", new IntType(b.scale().bits(), false), blocks),
                new Field("b_elem", new IntType(b.element().width(), false), k())))),
                new Stream("out", false, List.of(new Field("y", new IntType(rule.out().width(), false), 1))));
    }

    @Override
    public BlockDotUnit baseline() {
        return this;
    }
}
