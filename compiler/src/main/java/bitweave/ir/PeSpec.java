package bitweave.ir;

/**
 * A processing element: a multiply-accumulate of operand {@code a} (the streamed / row-side operand)
 * by operand {@code b} (the column-side operand or the stationary weight) into an accumulator of
 * type {@code acc} with overflow policy {@code policy}; {@code mac} says how the multiply is built.
 *
 * <p>With block-format operands ({@code blocks} non-null) a and b are the elements as fixed-point integers,
 * acc is the bit pattern of the floating-point result ({@link BlockOperands}) and the policy is unused (the
 * result is rounded to nearest even, overflowing to Inf).
 */
public record PeSpec(String name, IntType a, IntType b, IntType acc, OverflowPolicy policy, MacStructure mac,
                     BlockOperands blocks, SourceLoc loc) {
    /** An integer PE. */
    public PeSpec(String name, IntType a, IntType b, IntType acc, OverflowPolicy policy, MacStructure mac,
                  SourceLoc loc) {
        this(name, a, b, acc, policy, mac, null, loc);
    }

    /** A PE with the default multiplier structure (behavioural). */
    public PeSpec(String name, IntType a, IntType b, IntType acc, OverflowPolicy policy, SourceLoc loc) {
        this(name, a, b, acc, policy, MacStructure.DEFAULT, null, loc);
    }

    /** A PE whose operands are in block formats: the integer view of {@link BlockOperands}. */
    public static PeSpec ofBlocks(String name, BlockOperands blocks, MacStructure mac, SourceLoc loc) {
        return new PeSpec(name, blocks.intA(), blocks.intB(), blocks.outBits(), OverflowPolicy.WRAP, mac, blocks, loc);
    }

    /** The same PE with another multiplier structure. */
    public PeSpec withMac(MacStructure newMac) {
        return new PeSpec(name, a, b, acc, policy, newMac, blocks, loc);
    }

    /**
     * Whether the PE leaves {@code acc} out, for the array to derive (only a kind whose
     * {@code UnitKind.derivesAcc()} is true takes such a PE, and its record holds the derived one).
     */
    public boolean accLeftOut() {
        return acc == null;
    }

    /** The same PE with the accumulator an array derived. */
    public PeSpec withAcc(IntType newAcc, OverflowPolicy newPolicy) {
        return new PeSpec(name, a, b, newAcc, newPolicy, mac, blocks, loc);
    }

    /** Whether a and b are block formats (MX or BFP). */
    public boolean hasBlockOperands() {
        return blocks != null;
    }
}
