package bitweave.cosim;

import bitweave.diag.Plural;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of one co-simulation.
 *
 * @param passed    every expected beat matched, in order, and nothing extra came out
 * @param vectors   number of vectors in the run (VectorSet.vectors())
 * @param cycles    on a pass: clock cycles from reset to the last expected beat; on a failure: the cycle
 *                  of the mismatch or timeout
 * @param runTime   wall time of the simulation binary
 * @param buildTime wall time spent obtaining the model (near zero on a cache hit)
 * @param cacheHit  the model binary came from the cache
 * @param seed      the seed of the run (reproduce a failure with the same seed)
 * @param mismatch  set when an output beat differed
 * @param timeout   set when the watchdog fired
 * @param trace     the VCD file when one was requested
 * @param minLatency the smallest number of cycles observed from the transfer of the input beat that
 *                  completes a vector to out_valid of its result (-1 when no vector completed): with
 *                  no back-pressure in its way this is the unit's latency, so callers compare it with
 *                  the latency the compiler reports
 */
public record CosimResult(boolean passed, int vectors, long cycles, Duration runTime, Duration buildTime,
                          boolean cacheHit, long seed, Optional<Mismatch> mismatch, Optional<Timeout> timeout,
                          Optional<Path> trace, long minLatency) {

    /**
     * One line for the user. Pass: {@code PASS <design>: <N> vectors bit-exact (<cycles> cycles, 1.84 s)};
     * mismatch: {@code FAIL <design>: vector <v>, cycle <c>, port <p>: expected 0x.. got 0x.. (seed <s>)};
     * timeout: {@code FAIL <design>: timeout at cycle <c>: <description> (seed <s>)}.
     */
    public String verdictLine(String design) {
        if (passed) {
            return "PASS " + design + ": " + Plural.count(vectors, "vector") + " bit-exact (" + Plural.count(cycles, "cycle") + ", "
                    + seconds(runTime) + ")";
        }
        String seedText = "(seed " + Long.toUnsignedString(seed) + ")";
        if (mismatch.isPresent()) {
            Mismatch m = mismatch.get();
            return "FAIL " + design + ": vector " + m.vector() + ", cycle " + m.cycle() + ", port " + m.port()
                    + ": expected " + m.expectedHex() + " got " + m.actualHex() + " " + seedText;
        }
        Timeout t = timeout.orElseThrow();
        return "FAIL " + design + ": timeout at cycle " + t.cycle() + ": " + t.description() + " " + seedText;
    }

    /** A duration as seconds with two decimals, e.g. {@code 1.84 s}. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
