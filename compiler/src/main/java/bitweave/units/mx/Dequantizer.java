package bitweave.units.mx;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.IntType;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import bitweave.numeric.BlockDequantizer;
import bitweave.numeric.BlockFormat;
import bitweave.numeric.FloatFormat;
import java.util.List;

/**
 * {@code dequantizer() of FORMAT { to fp32; block 32 }}: one MX or BFP block per beat (its scale code and its
 * element codes) to {@code blockSize} values of {@code output}, each element times 2^scale rounded to nearest
 * even, with the output's subnormals, overflow to Inf and NaN propagation ({@link BlockDequantizer}).
 */
public record Dequantizer(String name, BlockFormat format, FloatFormat output, SourceLoc loc) implements ArraySpec {
    public BlockDequantizer rule() {
        return new BlockDequantizer(format, output);
    }

    public int blockSize() {
        return format.blockSize();
    }

    @Override
    public PeSpec pe() {
        return null;
    }

    @Override
    public long peakMacsPerCycle() {
        return 0;
    }

    /** {@code in}: {@code scale} then {@code elem} (the quantizer's out stream); {@code out}: {@code y}, the values. */
    @Override
    public TopInterface topInterface() {
        return new TopInterface(List.of(new Stream("in", true, List.of(
                new Field("scale", new IntType(format.scale().bits(), false), 1),
                new Field("elem", new IntType(format.element().width(), false), blockSize())))),
                new Stream("out", false, List.of(new Field("y", new IntType(output.width(), false), blockSize()))));
    }

    @Override
    public Dequantizer baseline() {
        return this;
    }
}
