package bitweave.cosim;

import bitweave.diag.Plural;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of one co-simulation.
 *
 * @param passed     every expected beat matched, in order, nothing extra came out, valid stayed low through
 *                   reset, and (after {@link #withLatencyCheck} with mustMatch) the latency is the reported one
 * @param vectors    number of vectors in the run (VectorSet.vectors())
 * @param cycles     on a pass: clock cycles from reset to the last expected beat; on a failure: the cycle
 *                   of the mismatch, early valid or timeout
 * @param runTime    wall time of the simulation binary
 * @param buildTime  wall time spent obtaining the model (near zero on a cache hit)
 * @param cacheHit   the model binary came from the cache
 * @param seed       the seed of the run (reproduce a failure with the same seed)
 * @param mismatch   set when an output beat differed
 * @param timeout    set when the watchdog fired
 * @param trace      the VCD file when one was requested
 * @param earlyValid set when out_valid was high during or right after reset (or before a vector's input)
 * @param latency    the smallest latency observed (empty when no vector completed)
 * @param powerUp    the register power-up state of the pass the outcome comes from: {@code zeros},
 *                   {@code ones} (the short prelude passes) or {@code random} (the main pass)
 * @param latencyCheck set by {@link #withLatencyCheck}: the measured latency against the reported one
 */
public record CosimResult(boolean passed, int vectors, long cycles, Duration runTime, Duration buildTime,
                          boolean cacheHit, long seed, Optional<Mismatch> mismatch, Optional<Timeout> timeout,
                          Optional<Path> trace, Optional<EarlyValid> earlyValid, Optional<Latency> latency,
                          String powerUp, Optional<LatencyCheck> latencyCheck) {

    /** A result from the main (random power-up) pass with only the latency value known. */
    public CosimResult(boolean passed, int vectors, long cycles, Duration runTime, Duration buildTime,
                       boolean cacheHit, long seed, Optional<Mismatch> mismatch, Optional<Timeout> timeout,
                       Optional<Path> trace, long minLatency) {
        this(passed, vectors, cycles, runTime, buildTime, cacheHit, seed, mismatch, timeout, trace, Optional.empty(),
                minLatency < 0 ? Optional.empty() : Optional.of(new Latency(minLatency, -1, -1)), "random",
                Optional.empty());
    }

    /**
     * The smallest number of cycles observed from the transfer of the input beat that completes a vector
     * to out_valid of its result, -1 when no vector completed; see {@link Latency}.
     */
    public long minLatency() {
        return latency.map(Latency::cycles).orElse(-1L);
    }

    /**
     * This result judged against the latency the compile report claims. A run that already failed stays
     * as it is (its first wrong beat is the better lead). With {@code mustMatch} a measured latency other
     * than {@code reportedCycles} makes the run fail; without it the verdict line states both.
     */
    public CosimResult withLatencyCheck(long reportedCycles, boolean mustMatch) {
        if (!passed || latency.isEmpty()) {
            return this;
        }
        LatencyCheck check = new LatencyCheck(reportedCycles, latency.get(), mustMatch);
        return new CosimResult(check.matches() || !mustMatch, vectors, cycles, runTime, buildTime, cacheHit, seed,
                mismatch, timeout, trace, earlyValid, latency, powerUp, Optional.of(check));
    }

    /** The result failed only because its latency differs from the reported one. */
    public boolean latencyMismatch() {
        return !passed && latencyCheck.isPresent() && !latencyCheck.get().matches();
    }

    /**
     * One line for the user. Pass: {@code PASS <design>: <N> vectors bit-exact (<cycles> cycles, 1.84 s)}
     * (plus {@code , latency 3 cycles (report: 2)} when the latency was checked without mustMatch);
     * mismatch: {@code FAIL <design>: vector <v>, cycle <c>, port <p>: expected 0x.. got 0x.. (seed <s>)};
     * early valid: {@code FAIL <design>: out_valid is 1 at cycle <c> ...}; latency:
     * {@code FAIL <design>: latency: expected 2 cycles (compile report), measured 3 (...)};
     * timeout: {@code FAIL <design>: timeout at cycle <c>: <description> (seed <s>)}. Failures in a prelude
     * pass name its power-up state before the seed.
     */
    public String verdictLine(String design) {
        if (passed) {
            String line = "PASS " + design + ": " + Plural.count(vectors, "vector") + " bit-exact (" + Plural.count(cycles, "cycle") + ", "
                    + seconds(runTime) + ")";
            if (latencyCheck.isPresent() && !latencyCheck.get().mustMatch()) {
                LatencyCheck c = latencyCheck.get();
                line += ", latency " + Plural.count(c.measured().cycles(), "cycle") + " (report: " + c.reported() + ")";
            }
            return line;
        }
        String seedText = powerUpText() + "(seed " + Long.toUnsignedString(seed) + ")";
        if (mismatch.isPresent()) {
            Mismatch m = mismatch.get();
            return "FAIL " + design + ": vector " + m.vector() + ", cycle " + m.cycle() + ", port " + m.port()
                    + ": expected " + m.expectedHex() + " got " + m.actualHex() + " " + seedText;
        }
        if (earlyValid.isPresent()) {
            return "FAIL " + design + ": " + earlyValid.get().description(powerUp) + " (seed "
                    + Long.toUnsignedString(seed) + ")";
        }
        if (latencyCheck.isPresent()) {
            LatencyCheck c = latencyCheck.get();
            Latency l = c.measured();
            return "FAIL " + design + ": latency: expected " + Plural.count(c.reported(), "cycle")
                    + " (compile report), measured " + l.cycles() + " (the smallest over " + Plural.count(vectors, "vector")
                    + "; first at vector " + l.vector()
                    + ", out_valid at cycle " + l.cycle() + ") " + seedText;
        }
        Timeout t = timeout.orElseThrow();
        return "FAIL " + design + ": timeout at cycle " + t.cycle() + ": " + t.description() + " " + seedText;
    }

    /** Empty for the main pass; e.g. {@code (power-up: all ones) } for a prelude pass. */
    private String powerUpText() {
        return "random".equals(powerUp) ? "" : "(power-up: all " + powerUp + ") ";
    }

    /** A duration as seconds with two decimals, e.g. {@code 1.84 s}. */
    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.2f s", d.toNanos() / 1e9);
    }
}
