package bitweave.ir;

/**
 * A processing element: a multiply-accumulate of operand {@code a} (the streamed / row-side operand)
 * by operand {@code b} (the column-side operand or the stationary weight) into an accumulator of
 * type {@code acc} with overflow policy {@code policy}; {@code mac} says how the multiply is built.
 */
public record PeSpec(String name, IntType a, IntType b, IntType acc, OverflowPolicy policy, MacStructure mac,
                     SourceLoc loc) {
    /** The same PE with another multiplier structure. */
    public PeSpec withMac(MacStructure newMac) {
        return new PeSpec(name, a, b, acc, policy, newMac, loc);
    }

    /** A PE with the default multiplier structure (behavioural). */
    public PeSpec(String name, IntType a, IntType b, IntType acc, OverflowPolicy policy, SourceLoc loc) {
        this(name, a, b, acc, policy, MacStructure.DEFAULT, loc);
    }
}
