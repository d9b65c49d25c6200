package bitweave.units.mx;

import bitweave.golden.Problem;
import java.util.List;

/**
 * One problem of an adder tree with block-format operands: its beats (one without accumulate), each a's blocks
 * and the N columns' b blocks one column after another ({@link DotVectors} with N times as many b's).
 */
public record BlockDotGroup(List<DotVectors> beats) implements Problem {
    public BlockDotGroup {
        beats = List.copyOf(beats);
    }
}
