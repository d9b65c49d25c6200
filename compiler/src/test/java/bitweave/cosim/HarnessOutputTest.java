package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing of the harness's BW- lines (the exact forms printed by testbenches/harness.cpp). */
class HarnessOutputTest {
    @Test
    void parsesMismatchLine() {
        HarnessOutput out = new HarnessOutput(s -> { });
        out.accept("BW-START vectors=2 inputs=3 expected=2 seed=3");
        out.accept("BW-MISMATCH vector=1 cycle=8 port=out_sum expected=0x00003f82 actual=0x00003f81 beat=1 extra=0");
        out.accept("MISMATCH at vector 1 (output beat 1), cycle 8, port out_sum: expected 0x00003f82 got 0x00003f81");
        assertEquals(new Mismatch(1, 8, "out_sum", "0x00003f82", "0x00003f81", 1, false), out.mismatch().orElseThrow());
        assertTrue(out.timeout().isEmpty());
        assertTrue(out.pass().isEmpty());
    }

    @Test
    void timeoutMessageRunsToTheEndOfTheLine() {
        HarnessOutput out = new HarnessOutput(s -> { });
        out.accept("BW-TIMEOUT cycle=312 vector=0 beat=0 msg=expected output beat 0 (vector 0) never came; x=y");
        assertEquals(new Timeout(312, 0, "expected output beat 0 (vector 0) never came; x=y"), out.timeout().orElseThrow());
    }

    @Test
    void progressGoesToTheSink() {
        List<String> seen = new ArrayList<>();
        HarnessOutput out = new HarnessOutput(seen::add);
        out.accept("BW-PROGRESS vectors=50 total=100 cycle=1234");
        out.accept("BW-PASS vectors=100 cycles=2400 inputs=250 outputs=100");
        assertEquals(List.of("co-sim: 50/100 vectors (cycle 1234)"), seen);
        assertEquals("2400", out.pass().orElseThrow().get("cycles"));
    }

    @Test
    void earlyValidBelongsToThePassOfTheLastPowerUpLine() {
        HarnessOutput out = new HarnessOutput(s -> { });
        assertEquals("random", out.powerUp());
        out.accept("BW-START top=tree2 vectors=3 inputs=6 expected=3 seed=1");
        out.accept("BW-POWERUP init=ones pass=1 passes=3 vectors=3");
        out.accept("BW-EARLY-VALID cycle=1 port=out_valid vector=0 when=reset");
        assertEquals(new EarlyValid(1, "out_valid", 0, EarlyValid.DURING_RESET), out.earlyValid().orElseThrow());
        assertEquals("ones", out.powerUp());
        assertTrue(out.mismatch().isEmpty());
    }

    @Test
    void passLineCarriesTheFastestVector() {
        HarnessOutput out = new HarnessOutput(s -> { });
        out.accept("BW-POWERUP init=random pass=3 passes=3 vectors=100");
        out.accept("BW-PASS vectors=100 cycles=2400 inputs=250 outputs=100 min_latency=2 min_latency_vector=0"
                + " min_latency_cycle=8");
        assertEquals(new Latency(2, 0, 8), out.latency().orElseThrow());
        assertEquals("random", out.powerUp());
    }

    @Test
    void parseSplitsTokensAndKeepsTheirOrder() {
        Map<String, String> m = HarnessOutput.parse("BW-X a=1 b=0x2f msg=x y=z");
        assertEquals(List.of("a", "b", "msg"), new ArrayList<>(m.keySet()));
        assertEquals("0x2f", m.get("b"));
        assertEquals("x y=z", m.get("msg"));
    }
}
