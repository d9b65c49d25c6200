package bitweave.units.mx;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.IntType;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import bitweave.numeric.BlockFormat;
import bitweave.numeric.BlockQuantizer;
import bitweave.numeric.FloatFormat;
import java.util.List;

/**
 * {@code quantizer() of IN { to FORMAT ... }}: one block of {@code blockSize} IN values per beat (FP32, BF16,
 * FP16 or any IEEE-style split) to an MX or BFP block, its scale code and its element codes. What it computes
 * is {@code rule}: the golden library's {@link BlockQuantizer} (dsl/LANGUAGE.md 4.1); the lowering reads the
 * same parameters and builds the hardware from them.
 */
public record Quantizer(String name, FloatFormat input, BlockQuantizer rule, SourceLoc loc) implements ArraySpec {
    public BlockFormat format() {
        return rule.format();
    }

    public int blockSize() {
        return rule.format().blockSize();
    }

    /** A quantizer instantiates no PE. */
    @Override
    public PeSpec pe() {
        return null;
    }

    /** No multiplies. */
    @Override
    public long peakMacsPerCycle() {
        return 0;
    }

    /**
     * {@code in}: field {@code x}, the block's values as bit patterns of IN (element i at bits [i*W +: W]);
     * {@code out}: field {@code scale} (one scale code), then field {@code elem} (the element codes).
     */
    @Override
    public TopInterface topInterface() {
        return new TopInterface(List.of(new Stream("in", true,
                List.of(new Field("x", new IntType(input.width(), false), blockSize())))),
                new Stream("out", false, List.of(
                        new Field("scale", new IntType(format().scale().bits(), false), 1),
                        new Field("elem", new IntType(format().element().width(), false), blockSize()))));
    }

    /** There is no other way to build it yet. */
    @Override
    public Quantizer baseline() {
        return this;
    }
}
