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
public record Quantizer(String name, FloatFormat input, BlockQuantizer rule, List<Integer> order, SourceLoc loc)
        implements ArraySpec {
    /**
     * @param order the channel order ({@code reorder}): position j of the beat's row takes input channel
     *              order[j]; its size is the number of channels per beat, a multiple of the block size
     */
    public Quantizer {
        order = List.copyOf(order);
        if (order.isEmpty() || order.size() % rule.format().blockSize() != 0) {
            throw new IllegalArgumentException("channels " + order.size() + " for blocks of " + rule.format().blockSize());
        }
    }

    /** One block per beat, channels in input order. */
    public Quantizer(String name, FloatFormat input, BlockQuantizer rule, SourceLoc loc) {
        this(name, input, rule, identity(rule.format().blockSize()), loc);
    }

    public static List<Integer> identity(int channels) {
        return java.util.stream.IntStream.range(0, channels).boxed().toList();
    }

    /** Values per beat: {@link #blocks} blocks side by side. */
    public int channels() {
        return order.size();
    }

    public int blocks() {
        return order.size() / blockSize();
    }

    /** Whether the channels are reordered before blocking. */
    public boolean reordered() {
        return !order.equals(identity(order.size()));
    }

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
     * {@code in}: field {@code x}, the row's channels as bit patterns of IN (element i at bits [i*W +: W]);
     * {@code out}: field {@code scale} (one scale code per block), then field {@code elem} (the element codes,
     * in the reordered channel order: block b holds positions b*K .. b*K+K-1).
     */
    @Override
    public TopInterface topInterface() {
        return new TopInterface(List.of(new Stream("in", true,
                List.of(new Field("x", new IntType(input.width(), false), channels())))),
                new Stream("out", false, List.of(
                        new Field("scale", new IntType(format().scale().bits(), false), blocks()),
                        new Field("elem", new IntType(format().element().width(), false), channels()))));
    }

    /** There is no other way to build it yet. */
    @Override
    public Quantizer baseline() {
        return this;
    }
}
