package bitweave.passes;

import bitweave.ir.Field;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlParam;
import bitweave.rtl.RtlPort;
import bitweave.rtl.VerilogNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the RTL IR's invariants after every pass. A failure is a compiler bug, reported as an
 * {@link IllegalStateException} naming the pass that broke the invariant:
 * <ul>
 *   <li>module names unique (and, once names are legalized, legal non-keyword identifiers);</li>
 *   <li>within a module: parameter and port names unique, parameters UPPER_SNAKE, port widths &gt; 0;</li>
 *   <li>every instantiated module exists and comes earlier in the list (dependency order);</li>
 *   <li>the top module exists, is last, and its ports are exactly clk, rst and the streams of
 *       {@link TopInterface} (names, directions, widths, order).</li>
 * </ul>
 */
public final class RtlVerifier {
    private RtlVerifier() {
    }

    public static void verify(RtlDesign design, TopInterface expected, String afterPass, boolean namesLegalized) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (RtlModule m : design.modules()) {
            if (!seen.add(m.name())) {
                problems.add("duplicate module name " + m.name());
            }
            if (namesLegalized && !VerilogNames.isLegal(m.name())) {
                problems.add("module name is not a legal Verilog identifier: " + m.name());
            }
            checkModule(m, problems);
            for (String used : m.body().instantiates()) {
                if (!seen.contains(used) || used.equals(m.name())) {
                    problems.add("module " + m.name() + " instantiates " + used + ", which is not defined before it");
                }
            }
        }
        List<RtlModule> modules = design.modules();
        if (modules.isEmpty() || !modules.get(modules.size() - 1).name().equals(design.topModule())) {
            problems.add("top module " + design.topModule() + " is not the last module");
        } else {
            checkTopPorts(design.top(), expected, problems);
        }
        if (design.latencyCycles() < 1) {
            problems.add("latency must be at least 1 cycle: " + design.latencyCycles());
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("RTL verifier failed after pass " + afterPass + ":\n  "
                    + String.join("\n  ", problems));
        }
    }

    private static void checkModule(RtlModule m, List<String> problems) {
        if (m.body() instanceof bitweave.rtl.DatapathBody d) {
            checkDatapath(m, d.graph(), problems);
        }
        Set<String> names = new HashSet<>();
        for (RtlParam p : m.params()) {
            if (!names.add(p.name())) {
                problems.add(m.name() + ": duplicate parameter " + p.name());
            }
            if (!VerilogNames.isUpperSnake(p.name())) {
                problems.add(m.name() + ": parameter is not UPPER_SNAKE: " + p.name());
            }
            if (p.value() < 0) {
                problems.add(m.name() + ": negative parameter " + p.name() + " = " + p.value());
            }
        }
        for (RtlPort p : m.ports()) {
            if (!names.add(p.name())) {
                problems.add(m.name() + ": duplicate port or parameter name " + p.name());
            }
            if (!VerilogNames.isLegal(p.name())) {
                problems.add(m.name() + ": illegal port name " + p.name());
            }
            if (p.width() <= 0) {
                problems.add(m.name() + ": port " + p.name() + " has width " + p.width());
            }
            checkRangeText(m, p, problems);
        }
    }

    /** A datapath module's ports are its graph's (clk/rst when clocked), and the graph itself verifies. */
    private static void checkDatapath(RtlModule m, bitweave.datapath.Datapath graph, List<String> problems) {
        try {
            bitweave.datapath.DatapathVerifier.verify(graph, m.name());
        } catch (IllegalStateException e) {
            problems.add(e.getMessage());
        }
        List<String> want = new ArrayList<>();
        if (graph.clocked()) {
            want.add("input clk[1]");
            want.add("input rst[1]");
        }
        graph.inputs().forEach(v -> want.add("input " + v.name() + "[" + v.width() + "]"));
        graph.outputs().forEach(v -> want.add("output " + v.name() + "[" + v.width() + "]"));
        List<String> got = new ArrayList<>();
        for (RtlPort p : m.ports()) {
            got.add((p.direction() == RtlPort.Direction.INPUT ? "input " : "output ") + p.name() + "[" + p.width() + "]");
        }
        if (!want.equals(got)) {
            problems.add(m.name() + ": ports " + got + " differ from its datapath graph's " + want);
        }
    }

    /** The range text ("[ROWS*A_W-1:0] ") evaluated with the module's parameters must give the width. */
    private static void checkRangeText(RtlModule m, RtlPort p, List<String> problems) {
        if (p.range().isEmpty()) {
            if (p.width() != 1) {
                problems.add(m.name() + ": port " + p.name() + " has no range but width " + p.width());
            }
            return;
        }
        java.util.regex.Matcher r = java.util.regex.Pattern.compile("\\[(.+):0\\] ").matcher(p.range());
        if (!r.matches()) {
            problems.add(m.name() + ": port " + p.name() + " has a malformed range '" + p.range() + "'");
            return;
        }
        java.util.Map<String, Long> params = new java.util.HashMap<>();
        m.params().forEach(param -> params.put(param.name(), param.value()));
        try {
            long msb = bitweave.rtl.ParamExpression.eval(r.group(1), params);
            if (msb + 1 != p.width()) {
                problems.add(m.name() + ": port " + p.name() + " range '" + p.range().trim() + "' is " + (msb + 1)
                        + " bits with the default parameters, the passes computed " + p.width());
            }
        } catch (IllegalArgumentException e) {
            problems.add(m.name() + ": port " + p.name() + ": " + e.getMessage());
        }
    }

    private static void checkTopPorts(RtlModule top, TopInterface ti, List<String> problems) {
        List<String> want = new ArrayList<>();
        want.add("input clk[1]");
        want.add("input rst[1]");
        for (Stream s : ti.inputs()) {
            describe(s, want);
        }
        describe(ti.output(), want);
        List<String> got = new ArrayList<>();
        for (RtlPort p : top.ports()) {
            got.add((p.direction() == RtlPort.Direction.INPUT ? "input " : "output ") + p.name() + "[" + p.width() + "]");
        }
        if (!want.equals(got)) {
            problems.add("top ports " + got + " differ from the TopInterface contract " + want);
        }
    }

    private static void describe(Stream s, List<String> out) {
        String in = s.input() ? "input " : "output ";
        String back = s.input() ? "output " : "input ";
        out.add(in + s.validPort() + "[1]");
        out.add(back + s.readyPort() + "[1]");
        for (Field f : s.fields()) {
            for (String port : s.rtlPortsOf(f)) {
                out.add(in + port + "[" + f.width() + "]");
            }
        }
    }
}
