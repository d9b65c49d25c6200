package bitweave.estimate;

import bitweave.rtl.ArrayItem;
import bitweave.rtl.AxisWrapBody;
import bitweave.rtl.DatapathBody;
import bitweave.rtl.DelayBody;
import bitweave.rtl.ParamExpression;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlParam;
import bitweave.rtl.StructuralBody;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole design's {@link Tally}: the top module's, with every instance's tally added as often as the
 * array level makes it. The array level is walked as Verilog elaborates it: generate loops run over their
 * bounds, branches take the side their condition picks, localparams and instance parameters are evaluated
 * ({@link ParamExpression}) with the values in scope (a module's parameter defaults from {@link RtlParam},
 * overridden by the instance's connections, then localparams and genvars), so a skew line of depth r in a
 * loop over ROWS counts 0 + 1 + ... + ROWS-1 stages.
 */
final class HierarchyCounter {
    private final RtlDesign design;
    /** Datapath modules do not depend on parameters: one tally each is enough. */
    private final Map<String, Tally> datapathTallies = new HashMap<>();

    private HierarchyCounter(RtlDesign design) {
        this.design = design;
    }

    static Tally count(RtlDesign design) {
        HierarchyCounter c = new HierarchyCounter(design);
        Map<String, Long> params = new LinkedHashMap<>();
        design.top().params().forEach(p -> params.put(p.name(), p.value()));
        return c.module(design.top(), params);
    }

    private Tally module(RtlModule m, Map<String, Long> params) {
        if (m.body() instanceof DatapathBody d) {
            return datapathTallies.computeIfAbsent(m.name(), n -> DatapathCounter.count(d.graph()));
        }
        if (m.body() instanceof DelayBody) {
            return delayLine(params);
        }
        if (m.body() instanceof AxisWrapBody w) {
            return axisWrapper(w);
        }
        Tally t = new Tally();
        items(((StructuralBody) m.body()).items(), new HashMap<>(params), t);
        return t;
    }

    /** A delay line: DEPTH stages of W register bits with an enable, reset unless RESET = 0 (templates/verilog.stg). */
    private static Tally delayLine(Map<String, Long> params) {
        Tally t = new Tally();
        long bits = params.get("W") * params.get("DEPTH");
        t.registerBits = bits;
        t.resetBits = params.getOrDefault("RESET", 1L) != 0 ? bits : 0;
        t.enableBits = bits;
        return t;
    }

    /**
     * The AXI4-Stream wrapper (templates/verilog.stg, axis_wrap): per channel of several transfers a reset counter
     * with its incrementer, a slave's register of the earlier transfers (enable, no reset), the master's
     * transfers-to-one tdata multiplexer; then the unit it wraps, at its compiled parameters.
     */
    private Tally axisWrapper(AxisWrapBody w) {
        Tally t = new Tally();
        List<AxisWrapBody.Channel> channels = new java.util.ArrayList<>();
        w.slaves().forEach(s -> channels.add(s.c()));
        channels.add(w.master().c());
        for (AxisWrapBody.Channel c : channels) {
            if (!c.serial()) {
                continue;
            }
            t.registerBits += c.countWidth();
            t.resetBits += c.countWidth();
            t.enableBits += c.countWidth();
            t.adders++;
            t.adderBits += c.countWidth();
        }
        for (AxisWrapBody.Slave s : w.slaves()) {
            long held = (long) (s.c().transfers() - 1) * s.c().tdataWidth();
            t.registerBits += held;
            t.enableBits += held;
        }
        AxisWrapBody.Channel m = w.master().c();
        t.muxBits += (long) (m.transfers() - 1) * m.tdataWidth();
        RtlModule unit = design.module(w.unit().module());
        Map<String, Long> params = new LinkedHashMap<>();
        unit.params().forEach(p -> params.put(p.name(), p.value()));
        t.add(module(unit, params), 1);
        return t;
    }

    private static boolean enableTiedHigh(ArrayItem.Instance inst) {
        return inst.ports().stream().anyMatch(c -> c.name().equals("en") && c.expr().equals("1'b1"));
    }

    private void items(List<ArrayItem> items, Map<String, Long> scope, Tally into) {
        for (ArrayItem item : items) {
            if (item instanceof ArrayItem.LocalParam lp) {
                scope.put(lp.name(), ParamExpression.eval(lp.expr(), scope));
            } else if (item instanceof ArrayItem.Generate g) {
                items(g.body(), scope, into);
            } else if (item instanceof ArrayItem.Loop loop) {
                long from = ParamExpression.eval(loop.from(), scope);
                long bound = ParamExpression.eval(loop.bound(), scope);
                for (long i = from; i < bound; i++) {
                    Map<String, Long> inner = new HashMap<>(scope);   // a loop body's localparams are its own
                    inner.put(loop.genvar(), i);
                    items(loop.body(), inner, into);
                }
            } else if (item instanceof ArrayItem.Branch b) {
                boolean taken = ParamExpression.eval(b.cond(), scope) != 0;
                items(taken ? b.then() : b.otherwise(), new HashMap<>(scope), into);
            } else if (item instanceof ArrayItem.Instance inst) {
                RtlModule sub = design.module(inst.module());
                Map<String, Long> params = new LinkedHashMap<>();
                sub.params().forEach(p -> params.put(p.name(), p.value()));
                for (ArrayItem.Connection c : inst.params()) {
                    params.put(c.name(), ParamExpression.eval(c.expr(), scope));
                }
                Tally t = module(sub, params);
                if (sub.body() instanceof DelayBody && enableTiedHigh(inst)) {
                    t.enableBits = 0;   // en = 1'b1 (a skew line): synthesis drops the enable
                }
                into.add(t, 1);
            }
            // comments, wires and assigns are wiring
        }
    }
}
