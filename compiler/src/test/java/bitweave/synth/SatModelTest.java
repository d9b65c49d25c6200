package bitweave.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading ports from RTLIL and a counterexample from a recorded {@code sat} log (Yosys 0.23): a 2-wide int4
 * adder tree accumulating in int8, wrapping (gold) against saturating (gate), 4 cycles after reset.
 */
class SatModelTest {
    private static final Path DIR = Path.of("compiler/src/test/resources/synth");

    @Test
    void portsComeInPortOrderWithTheirWidths() throws Exception {
        List<Port> ports = Port.ofRtlil(Files.readString(DIR.resolve("tree_wrap_gold.il")));
        assertEquals(List.of("clk", "rst", "in_valid", "in_ready", "in_a", "in_b", "in_last", "out_valid", "out_ready",
                "out_sum"), ports.stream().map(Port::name).toList());
        assertEquals(new Port("in_a", "input", 8, 5), ports.get(4));
        assertEquals(new Port("in_ready", "output", 1, 4), ports.get(3));
    }

    @Test
    void theCounterexampleNamesTheFirstDifferingOutputAndTheInputsUpToIt() throws Exception {
        List<Port> ports = Port.ofRtlil(Files.readString(DIR.resolve("tree_wrap_gold.il")));
        SatModel model = SatModel.parse(Files.readString(DIR.resolve("tree_wrap_vs_saturate_prove.log")));
        EquivResult.NotEquivalent n = model.counterexample(ports);
        // Recorded: products 8 + 64 in cycle 2, 49 + 16 in cycle 3 (in_last): 137 wraps to -119, saturates to 127.
        assertEquals(5, n.cycle());
        assertEquals("out_sum", n.port());
        assertEquals("10001001", n.goldBits());
        assertEquals("01111111", n.gateBits());
        assertEquals("[7:1]", n.differingBits());
        assertEquals(5, n.inputs().size());
        assertEquals(List.of("rst", "in_valid", "in_a", "in_b", "in_last", "out_ready"), List.copyOf(n.inputs().get(0).keySet()));
        assertEquals("1", n.inputs().get(0).get("rst"));
        assertEquals("10001110", n.inputs().get(1).get("in_a"));
        assertEquals("1", n.inputs().get(2).get("in_last"));
        assertEquals("8'h89", EquivResult.show(n.goldBits()));
        assertEquals("4'bx01x", EquivResult.show("x01x"));
    }

    @Test
    void aModelWithoutATriggerIsRefused() {
        SatModel model = SatModel.parse("     1 \\trigger     0     0     0\n");
        assertThrows(SynthLog.Unexpected.class, () -> model.counterexample(List.of()));
    }
}
