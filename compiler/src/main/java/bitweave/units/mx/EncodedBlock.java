package bitweave.units.mx;

import bitweave.golden.Problem;

/** One dequantizer problem: a block's scale code and element codes. */
public record EncodedBlock(long scale, long[] codes) implements Problem {
}
