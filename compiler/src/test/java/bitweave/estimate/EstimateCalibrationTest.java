package bitweave.estimate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.emit.VerilogBackend;
import bitweave.synth.SynthTarget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The estimate against what Yosys measured on the shipped examples, recorded in {@code measured.tsv} (the
 * calibration data of {@link CostModel}; each row names the Yosys version and the command that produced it), so the
 * suite checks the stated error bound (README "bitweave estimate") without running Yosys on them.
 * {@code cli.SynthEstimateTest} shows on one small design that the recorded figures are still what Yosys gives.
 */
class EstimateCalibrationTest {
    static final Path MEASURED = Path.of("compiler/src/test/resources/bitweave/estimate/measured.tsv");

    /** One recorded figure. */
    record Measured(String design, String target, String flow, String resource, long value) {
    }

    /**
     * The bound a row must keep: |estimate − measured| ≤ max(percent% of measured, cells). The absolute part keeps a
     * 2-LUT measurement (everything packed into DSPs) from asking for a 2-LUT estimate. README states the same table.
     */
    record Bound(double percent, long cells) {
        boolean holds(long estimate, long measured) {
            return Math.abs(estimate - measured) <= Math.max(percent / 100 * measured, cells);
        }
    }

    /** Bounds by "target/flow/resource", a flow or resource "*" for any. The DSP flows' flip-flops are not bounded. */
    static final Map<String, Bound> BOUNDS = new LinkedHashMap<>();

    static {
        BOUNDS.put("ice40/*/SB_MAC16", new Bound(0, 0));
        BOUNDS.put("xilinx/*/DSP48E1", new Bound(0, 0));
        BOUNDS.put("ice40/*/BRAM", new Bound(0, 0));
        BOUNDS.put("xilinx/*/BRAM", new Bound(0, 0));
        BOUNDS.put("ice40/*/SB_LUT4", new Bound(40, 50));
        BOUNDS.put("xilinx/*/LUT", new Bound(40, 400));
        BOUNDS.put("ice40/*/SB_CARRY", new Bound(80, 50));
        BOUNDS.put("xilinx/*/CARRY4", new Bound(80, 20));
        BOUNDS.put("ice40/nodsp/DFF", new Bound(50, 10));
        BOUNDS.put("ice40/dsp/DFF", new Bound(50, 10));
        BOUNDS.put("xilinx/nodsp/FF", new Bound(50, 10));
        BOUNDS.put("generic/generic/DFF", new Bound(50, 10));
        BOUNDS.put("generic/generic/GE", new Bound(30, 100));
    }

    static Bound bound(String target, String flow, String resource) {
        for (String key : List.of(target + "/" + flow + "/" + resource, target + "/*/" + resource)) {
            if (BOUNDS.containsKey(key)) {
                return BOUNDS.get(key);
            }
        }
        return null;
    }

    static List<Measured> measured() throws Exception {
        List<Measured> rows = new ArrayList<>();
        for (String line : Files.readAllLines(MEASURED)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            rows.add(new Measured(f[0], f[1], f[2], f[3], Long.parseLong(f[4])));
        }
        return rows;
    }

    static Estimate estimate(String design, String target) {
        return Estimator.estimate(VerilogBackend.lower(Frontend.load(Path.of(design), design, Map.of(), null)),
                SynthTarget.parse(target).orElseThrow());
    }

    @Test
    void theEstimateKeepsTheStatedBoundOnEveryRecordedExample() throws Exception {
        Map<String, Estimate> estimates = new LinkedHashMap<>();
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (Measured m : measured()) {
            Bound b = bound(m.target(), m.flow(), m.resource());
            if (b == null) {
                continue;   // xilinx/dsp/FF: not bounded (DSP register packing is not modelled)
            }
            Estimate e = estimates.computeIfAbsent(m.design() + " " + m.target(), k -> estimate(m.design(), m.target()));
            long est = e.column(m.flow()).resources().get(m.resource());
            checked++;
            if (!b.holds(est, m.value())) {
                violations.add(String.format("%s %s/%s %s: estimate %d, measured %d (bound ±%.0f%% or %d)", m.design(),
                        m.target(), m.flow(), m.resource(), est, m.value(), b.percent(), b.cells()));
            }
        }
        assertTrue(checked > 100, "only " + checked + " recorded figures checked");
        assertTrue(violations.isEmpty(), "outside the stated bound:\n" + String.join("\n", violations));
    }

    /** The recording covers every target and enough examples that the bound means something. */
    @Test
    void theRecordingCoversEveryTargetAndFlow() throws Exception {
        Set<String> flows = new TreeSet<>();
        Map<String, Set<String>> designs = new LinkedHashMap<>();
        for (Measured m : measured()) {
            flows.add(m.target() + "/" + m.flow());
            designs.computeIfAbsent(m.target(), k -> new TreeSet<>()).add(m.design());
        }
        assertEquals(Set.of("generic/generic", "ice40/dsp", "ice40/nodsp", "xilinx/dsp", "xilinx/nodsp"), flows);
        designs.forEach((t, d) -> assertTrue(d.size() >= 5, t + ": " + d));
    }
}
