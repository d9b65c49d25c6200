package bitweave.golden;

import java.math.BigInteger;
import java.util.List;

/**
 * One beat on a stream of the top module: the packed, unsigned value of each field in the order of
 * {@link bitweave.ir.Stream#fields()}, and the index of the vector (problem instance: one dot product,
 * one tile, one activation vector) it belongs to, so a mismatch can name the vector.
 */
public record Beat(String stream, List<BigInteger> fields, int vector) {
}
