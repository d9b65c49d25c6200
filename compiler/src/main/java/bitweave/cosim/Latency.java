package bitweave.cosim;

/**
 * The smallest latency a run observed and where: cycles from the clock edge at which the input beat
 * that completes a vector transferred to the first cycle with out_valid high for its result. Stalls
 * and back-pressure only ever add cycles, and every run includes vectors with nothing in flight, so
 * the minimum over a run is the unit's latency as dsl/INTERFACE.md defines it.
 *
 * @param cycles the smallest latency seen
 * @param vector the first vector that came out with it (-1 when unknown)
 * @param cycle  the cycle its out_valid was first high (-1 when unknown)
 */
public record Latency(long cycles, int vector, long cycle) {
}
