package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.TopInterface;
import bitweave.units.addertree.AdderTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortCheckTest {
    private static final TopInterface TREE = TopInterface.of(new AdderTree("top",
            new PeSpec("mac", new IntType(4, false), new IntType(4, true), new IntType(10, true), OverflowPolicy.SATURATE,
                    SourceLoc.NONE), 8, 1, true, SourceLoc.NONE));

    @Test
    void expectedPortsFollowTheInterface() {
        Map<String, PortCheck.RtlPort> want = PortCheck.expected(TREE);
        assertEquals(List.of("clk", "rst", "in_valid", "in_ready", "in_a", "in_b", "in_last", "out_valid", "out_ready", "out_sum"),
                List.copyOf(want.keySet()));
        assertEquals(new PortCheck.RtlPort("input", 32), want.get("in_a"));
        assertEquals(new PortCheck.RtlPort("output", 1), want.get("in_ready"));
        assertEquals(new PortCheck.RtlPort("input", 1), want.get("out_ready"));
        assertEquals(new PortCheck.RtlPort("output", 10), want.get("out_sum"));
    }

    @Test
    void differencesAreListed() {
        Map<String, PortCheck.RtlPort> want = PortCheck.expected(TREE);
        Map<String, PortCheck.RtlPort> got = new LinkedHashMap<>(want);
        assertTrue(PortCheck.compare(want, got).isEmpty());
        got.remove("out_sum");
        got.put("in_b", new PortCheck.RtlPort("input", 31));
        got.put("in_ready", new PortCheck.RtlPort("input", 1));
        got.put("debug_sel", new PortCheck.RtlPort("input", 2));
        got.put("debug_out", new PortCheck.RtlPort("output", 8));
        assertEquals(List.of(
                "in_ready: expected output of 1 bits, found input of 1 bits",
                "in_b: expected input of 32 bits, found input of 31 bits",
                "missing output out_sum [10 bits]",
                "unexpected input debug_sel (the harness would leave it undriven)"), PortCheck.compare(want, got));
    }
}
