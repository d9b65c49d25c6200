package bitweave.units.lut;

import bitweave.golden.Problem;
import java.math.BigInteger;

/**
 * One LUT-core tile: activations {@code a} (M x K), weight codes {@code w} (N x K, as written: the golden side
 * never sees the pre-encoding), and with accumulate_in the addend {@code c} (M x N, else null).
 */
record LutTile(BigInteger[][] a, BigInteger[][] w, BigInteger[][] c) implements Problem {
}
