package bitweave.units.mx;

import bitweave.golden.Problem;

/** One block_dot problem: both operands' block scale codes and element codes (block j's codes at j*block..). */
public record DotVectors(long[] aScales, long[] aCodes, long[] bScales, long[] bCodes) implements Problem {
}
