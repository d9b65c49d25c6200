package bitweave.ir;

import bitweave.numeric.BlockFormat;
import bitweave.numeric.FixedPointElement;
import bitweave.numeric.FloatFormat;

/**
 * The operands of a PE in block formats (OCP MX or classic BFP, e.g. {@code a : mxfp8_e4m3}, {@code b : mxfp4},
 * {@code acc : fp32}): each block of {@link #blockSize} elements shares a scale. The PE's integer operand types
 * are then the elements as fixed-point integers ({@link FixedPointElement}), which is what the array's integer
 * datapath (multipliers, trees, bit-weight transforms) multiplies; the scales, the specials and the rounding
 * into {@code out} are handled around it by the array's lowering.
 */
public record BlockOperands(BlockFormat a, BlockFormat b, FloatFormat out) {
    public BlockOperands {
        if (a.blockSize() != b.blockSize()) {
            throw new IllegalArgumentException("block sizes differ: " + a.blockSize() + " and " + b.blockSize());
        }
    }

    /**
     * Whether both elements are two's-complement integers (mxint8, bfp_eXmY): then the codes are the
     * fixed-point integers, and the PE's integer multiplier (Booth, OPT2, ...) multiplies them. Other elements are
     * multiplied from their codes (significands, then the alignment shift by the exponents).
     */
    public boolean integerElements() {
        return isTwosComplement(a.element()) && isTwosComplement(b.element());
    }

    private static boolean isTwosComplement(bitweave.numeric.ElementFormat e) {
        return e instanceof bitweave.numeric.IntElementFormat i && !i.signMagnitude();
    }

    public int blockSize() {
        return a.blockSize();
    }

    public FixedPointElement fixedA() {
        return new FixedPointElement(a.element());
    }

    public FixedPointElement fixedB() {
        return new FixedPointElement(b.element());
    }

    /** The PE's integer view of a: the fixed-point element, signed. */
    public IntType intA() {
        return new IntType(fixedA().width(), true);
    }

    public IntType intB() {
        return new IntType(fixedB().width(), true);
    }

    /**
     * The input fields of an array over these blocks: a's scale codes and element codes, then b's (each vector's
     * blocks in the quantizer's packing, vector after vector).
     *
     * @param aBlocks blocks of a per beat (all of a's vectors)
     * @param bBlocks blocks of b per beat
     */
    public java.util.List<Field> inputFields(int aBlocks, int bBlocks) {
        int k = blockSize();
        return java.util.List.of(
                new Field("a_scale", new IntType(a.scale().bits(), false), aBlocks),
                new Field("a_elem", new IntType(a.element().width(), false), aBlocks * k),
                new Field("b_scale", new IntType(b.scale().bits(), false), bBlocks),
                new Field("b_elem", new IntType(b.element().width(), false), bBlocks * k));
    }

    /** The result as a bit pattern of {@code out}. */
    public IntType outBits() {
        return new IntType(out.width(), false);
    }
}
