package bitweave.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model Yosys' {@code sat -show-inputs -show-outputs} prints when a proof fails: one row per time step
 * and signal, {@code <step> \<name> <dec> <hex> <bits>} (no step column for a combinational problem).
 * Rows of initial register values ({@code init ...}) are skipped; the miter's ports are all that matter.
 */
final class SatModel {
    private static final Pattern ROW = Pattern.compile("^\\s+(?:(\\d+)\\s+)?\\\\(\\S+)\\s+\\S+\\s+\\S+\\s+([01xz]+)$");

    /** step → signal → bits (MSB first); combinational models have only step 1. */
    private final TreeMap<Integer, Map<String, String>> steps;

    private SatModel(TreeMap<Integer, Map<String, String>> steps) {
        this.steps = steps;
    }

    static SatModel parse(String log) {
        TreeMap<Integer, Map<String, String>> steps = new TreeMap<>();
        for (String line : log.lines().toList()) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                int step = m.group(1) == null ? 1 : Integer.parseInt(m.group(1));
                steps.computeIfAbsent(step, s -> new TreeMap<>()).put(m.group(2), m.group(3));
            }
        }
        return new SatModel(steps);
    }

    boolean isEmpty() {
        return steps.isEmpty();
    }

    String bits(int step, String signal) {
        String v = steps.getOrDefault(step, Map.of()).get(signal);
        if (v == null) {
            throw new SynthLog.Unexpected("the counterexample lacks signal " + signal + " in step " + step);
        }
        return v;
    }

    /** The first step in which the miter's trigger is 1. */
    int firstTriggerStep() {
        for (Map.Entry<Integer, Map<String, String>> e : steps.entrySet()) {
            if ("1".equals(e.getValue().get("trigger"))) {
                return e.getKey();
            }
        }
        throw new SynthLog.Unexpected("the counterexample never raises the miter's trigger");
    }

    /**
     * The counterexample in the units' own port names: inputs of steps 1..first trigger, and the first
     * output in port order whose defined reference bits differ from the other unit's.
     */
    EquivResult.NotEquivalent counterexample(List<Port> ports) {
        int step = firstTriggerStep();
        List<Map<String, String>> inputs = new ArrayList<>();
        for (int s = 1; s <= step; s++) {
            Map<String, String> in = new java.util.LinkedHashMap<>();
            for (Port p : ports) {
                if (p.direction().equals("input") && !p.name().equals(Equivalence.CLOCK)) {
                    in.put(p.name(), bits(s, "in_" + p.name()));
                }
            }
            inputs.add(in);
        }
        for (Port p : ports) {
            if (!p.direction().equals("output")) {
                continue;
            }
            String gold = bits(step, "gold_" + p.name());
            String gate = bits(step, "gate_" + p.name());
            for (int i = 0; i < gold.length(); i++) {
                if (gold.charAt(i) != 'x' && gold.charAt(i) != gate.charAt(i)) {
                    return new EquivResult.NotEquivalent(step, inputs, p.name(), gold, gate);
                }
            }
        }
        throw new SynthLog.Unexpected("the trigger is raised in step " + step + " but no output differs there");
    }
}
