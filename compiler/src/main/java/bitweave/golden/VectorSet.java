package bitweave.golden;

import bitweave.ir.TopInterface;
import java.util.List;

/**
 * Stimulus and expected response for one co-simulation: input beats in the order the harness offers
 * them (all input streams interleaved), and the expected output beats in order.
 *
 * @param vectors number of problem instances (what --vectors counts)
 */
public record VectorSet(TopInterface iface, List<Beat> inputs, List<Beat> expected, int vectors) {
}
