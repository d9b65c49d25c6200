package bitweave.cosim;

/**
 * The harness stopped because nothing transferred for too long (or the cycle limit was reached).
 *
 * @param cycle       the cycle at which it gave up
 * @param vector      the vector of the expected beat that never came (or of the input beat left waiting)
 * @param description which beat was awaited, how many inputs were accepted, which ready stayed low
 */
public record Timeout(long cycle, int vector, String description) {
}
