package bitweave.units.mx;

import bitweave.golden.Problem;

/** One quantizer problem: a block of input values as bit patterns of the input format. */
public record InputBlock(long[] codes) implements Problem {
}
