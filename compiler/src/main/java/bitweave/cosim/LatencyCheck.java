package bitweave.cosim;

/**
 * A co-simulation's measured latency compared with the latency the compile report claims.
 *
 * @param reported  the report's latency in cycles
 * @param measured  what the run measured
 * @param mustMatch a difference fails the run (false: the user said the RTL is retimed on purpose)
 */
public record LatencyCheck(long reported, Latency measured, boolean mustMatch) {
    public boolean matches() {
        return measured.cycles() == reported;
    }
}
