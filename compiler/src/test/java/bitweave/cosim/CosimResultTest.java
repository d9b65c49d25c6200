package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void secondsHaveTwoDecimals() {
        assertEquals("0.00 s", CosimResult.seconds(Duration.ZERO));
        assertEquals("12.35 s", CosimResult.seconds(Duration.ofMillis(12_345)));
    }
}
