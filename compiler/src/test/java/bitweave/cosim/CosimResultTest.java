package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CosimResultTest {
    @Test
    void passLine() {
        CosimResult r = new CosimResult(true, 1000, 24518, Duration.ofMillis(1840), Duration.ofSeconds(3), false, 42,
                Optional.empty(), Optional.empty(), Optional.empty(), -1);
        assertEquals("PASS os4x4: 1000 vectors bit-exact (24518 cycles, 1.84 s)", r.verdictLine("os4x4"));
    }

    @Test
    void mismatchLine() {
        Mismatch m = new Mismatch(17, 391, "out_sum", "0x0000ff01", "0x0000ff02", 17, false);
        CosimResult r = new CosimResult(false, 40, 391, Duration.ofMillis(20), Duration.ZERO, true, 7,
                Optional.of(m), Optional.empty(), Optional.empty(), -1);
        assertEquals("FAIL tree: vector 17, cycle 391, port out_sum: expected 0x0000ff01 got 0x0000ff02 (seed 7)",
                r.verdictLine("tree"));
    }

    @Test
    void timeoutLineAndUnsignedSeed() {
        Timeout t = new Timeout(10305, 0, "expected output beat 0 (vector 0) never came");
        CosimResult r = new CosimResult(false, 5, 10305, Duration.ofMillis(5), Duration.ZERO, true, -1,
                Optional.empty(), Optional.of(t), Optional.empty(), -1);
        assertEquals("FAIL tree: timeout at cycle 10305: expected output beat 0 (vector 0) never came "
                + "(seed 18446744073709551615)", r.verdictLine("tree"));
    }

    private static CosimResult passWithLatency(long measured) {
        return new CosimResult(true, 300, 520, Duration.ofMillis(110), Duration.ZERO, true, 5, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new Latency(measured, 0, 8)), "random",
                Optional.empty());
    }

    @Test
    void latencyOtherThanTheReportedOneFailsWithBothNumbersAndTheVector() {
        CosimResult r = passWithLatency(3).withLatencyCheck(2, true);
        assertFalse(r.passed());
        assertTrue(r.latencyMismatch());
        assertEquals("FAIL dot: latency: expected 2 cycles (compile report), measured 3 (the smallest over 300 vectors;"
                + " first at vector 0, out_valid at cycle 8) (seed 5)", r.verdictLine("dot"));
    }

    @Test
    void latencyFailLineCountsInWords() {
        CosimResult one = new CosimResult(true, 1, 7, Duration.ofMillis(10), Duration.ZERO, true, 4, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(new Latency(2, 0, 8)), "random",
                Optional.empty()).withLatencyCheck(1, true);
        assertEquals("FAIL dot: latency: expected 1 cycle (compile report), measured 2 (the smallest over 1 vector;"
                + " first at vector 0, out_valid at cycle 8) (seed 4)", one.verdictLine("dot"));
    }

    @Test
    void reportedLatencyKeepsThePassLineAsItWas() {
        CosimResult r = passWithLatency(2).withLatencyCheck(2, true);
        assertTrue(r.passed());
        assertFalse(r.latencyMismatch());
        assertEquals("PASS dot: 300 vectors bit-exact (520 cycles, 0.11 s)", r.verdictLine("dot"));
    }

    @Test
    void allowedLatencyChangePassesAndStatesTheMeasuredLatency() {
        CosimResult r = passWithLatency(3).withLatencyCheck(2, false);
        assertTrue(r.passed());
        assertEquals("PASS dot: 300 vectors bit-exact (520 cycles, 0.11 s), latency 3 cycles (report: 2)",
                r.verdictLine("dot"));
        assertEquals("PASS dot: 300 vectors bit-exact (520 cycles, 0.11 s), latency 2 cycles (report: 2)",
                passWithLatency(2).withLatencyCheck(2, false).verdictLine("dot"));
    }

    @Test
    void aFailedRunKeepsItsOwnVerdictUnderTheLatencyCheck() {
        Mismatch m = new Mismatch(17, 391, "out_sum", "0x0000ff01", "0x0000ff02", 17, false);
        CosimResult failed = new CosimResult(false, 40, 391, Duration.ofMillis(20), Duration.ZERO, true, 7,
                Optional.of(m), Optional.empty(), Optional.empty(), -1);
        assertEquals(failed, failed.withLatencyCheck(2, true));
    }

    @Test
    void earlyValidLinesNameThePortCycleAndPowerUpState() {
        CosimResult reset = early(new EarlyValid(1, "out_valid", 0, EarlyValid.DURING_RESET), "ones");
        assertEquals("FAIL tree: out_valid is 1 at cycle 1 while rst is high (power-up: all ones); it must be 0 from"
                + " the first clock edge of reset until input arrives (dsl/INTERFACE.md): a register without reset?"
                + " (seed 9)", reset.verdictLine("tree"));
        CosimResult after = early(new EarlyValid(5, "out_valid", 0, EarlyValid.AFTER_RESET), "random");
        assertTrue(after.verdictLine("tree").startsWith("FAIL tree: out_valid is 1 at cycle 5, after reset and before"
                + " any input beat (power-up: random); it must be 0"), after.verdictLine("tree"));
        CosimResult mid = early(new EarlyValid(90, "out_valid", 7, EarlyValid.BEFORE_INPUT), "zeros");
        assertEquals("FAIL tree: out_valid is 1 at cycle 90 for vector 7 before any of its input beats transferred"
                + " (power-up: all zeros); an output beat can only follow the input of its vector (seed 9)",
                mid.verdictLine("tree"));
    }

    @Test
    void aMismatchInAPreludePassNamesItsPowerUpState() {
        Mismatch m = new Mismatch(0, 9, "out_sum", "0x00000005", "0x00000004", 0, false);
        CosimResult r = new CosimResult(false, 40, 9, Duration.ofMillis(20), Duration.ZERO, true, 7, Optional.of(m),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), "ones", Optional.empty());
        assertEquals("FAIL tree: vector 0, cycle 9, port out_sum: expected 0x00000005 got 0x00000004"
                + " (power-up: all ones) (seed 7)", r.verdictLine("tree"));
    }

    private static CosimResult early(EarlyValid e, String powerUp) {
        return new CosimResult(false, 40, e.cycle(), Duration.ofMillis(20), Duration.ZERO, true, 9, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(e), Optional.empty(), powerUp, Optional.empty());
    }

    @Test
    void secondsHaveTwoDecimals() {
        assertEquals("0.00 s", CosimResult.seconds(Duration.ZERO));
        assertEquals("12.35 s", CosimResult.seconds(Duration.ofMillis(12_345)));
    }
}
