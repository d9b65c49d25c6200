package bitweave.estimate;

import bitweave.synth.SynthTarget;
import java.util.List;
import java.util.Map;

/**
 * A resource estimate of one design for one target: a column per flow, named like {@code synth}'s (generic: one
 * column; ice40 and xilinx: {@code dsp} and {@code nodsp}), each with the resource rows {@code synth} prints.
 *
 * @param counts what was counted in the IR (registerBits, adderBits, multipliers, ...), for the JSON and -v
 */
public record Estimate(SynthTarget target, String top, List<Column> columns, Map<String, Long> counts,
                       Map<String, Long> multiplierShapes) {
    /** One flow's estimate: {@code name} as in synth's file names, {@code label} as in its table head. */
    public record Column(String name, String label, Map<String, Long> resources) {
        public Column {
            resources = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(resources));
        }
    }

    public Estimate {
        columns = List.copyOf(columns);
        counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        multiplierShapes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(multiplierShapes));
    }

    /** The column of flow {@code name} ({@code generic}, {@code dsp}, {@code nodsp}). */
    public Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no flow " + name + " in the " + target.spelling() + " estimate"));
    }

    /** The resource rows in table order (the same for every column). */
    public List<String> resourceNames() {
        return List.copyOf(columns.get(0).resources().keySet());
    }
}
