package bitweave.estimate;

import bitweave.rtl.RtlDesign;
import bitweave.synth.SynthTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry point of the estimate phase: the RTL IR after the pass pipeline in, target resources out, without
 * running any tool. Counts the ops of every datapath module at the widths synthesis keeps
 * ({@link DatapathCounter}), multiplies them by instance counts through the array level
 * ({@link HierarchyCounter}) and prices the totals with the target's formulas ({@link CostModel}).
 */
public final class Estimator {
    private Estimator() {
    }

    public static Estimate estimate(RtlDesign rtl, SynthTarget target) {
        Tally tally;
        try {
            tally = HierarchyCounter.count(rtl);
        } catch (IllegalArgumentException e) {
            // an array-level expression the evaluator does not know: a compiler bug, not a user error
            throw new IllegalStateException("estimate: cannot evaluate the array level of " + rtl.topModule()
                    + ": " + e.getMessage(), e);
        }
        List<Estimate.Column> columns = new ArrayList<>();
        if (target.fpga()) {
            for (SynthTarget.FpgaFlow flow : target.fpgaFlows(rtl.topModule())) {
                boolean dsp = flow.name().equals("dsp");
                columns.add(new Estimate.Column(flow.name(), flow.label(), CostModel.resources(target, dsp, tally)));
            }
        } else {
            columns.add(new Estimate.Column("generic", "estimate", CostModel.resources(target, false, tally)));
        }
        Map<String, Long> shapes = new LinkedHashMap<>();
        tally.multipliers.forEach((s, n) -> shapes.put(s.toString(), n));
        return new Estimate(target, rtl.topModule(), columns, tally.asMap(), shapes);
    }
}
