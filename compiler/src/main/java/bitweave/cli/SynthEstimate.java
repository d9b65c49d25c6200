package bitweave.cli;

import bitweave.emit.VerilogBackend;
import bitweave.estimate.Estimate;
import bitweave.estimate.Estimator;
import bitweave.ir.Design;
import bitweave.synth.Synthesis;
import java.io.PrintStream;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import bitweave.wrap.AxisWrap;

/**
 * What {@code bitweave synth} adds below its table: {@code bitweave estimate}'s figures for the same design and
 * target beside the measured ones, with the error in percent (issue 9, item 5). Returns the estimate for the JSON.
 */
final class SynthEstimate {
    private SynthEstimate() {
    }

    static Estimate besideFpga(PrintStream o, Design design, Optional<AxisWrap> wrap, Synthesis.FpgaResult r) {
        Estimate e = Estimator.estimate(VerilogBackend.lower(design, wrap), r.target());
        Map<String, Map<String, Long>> measured = new LinkedHashMap<>();
        r.columns().forEach(c -> measured.put(c.flow().name(), c.resources().resources()));
        EstimateTable.printBeside(o, e, measured);
        return e;
    }

    static Estimate besideGeneric(PrintStream o, Design design, Optional<AxisWrap> wrap, Synthesis.Result r) {
        Estimate e = Estimator.estimate(VerilogBackend.lower(design, wrap), r.target());
        Map<String, Long> figures = new LinkedHashMap<>();
        figures.put("DFF", r.figures().dff());
        figures.put("GE", r.figures().ge().setScale(0, RoundingMode.HALF_UP).longValueExact());
        EstimateTable.printBeside(o, e, Map.of("generic", figures));
        return e;
    }
}
