package bitweave.rtl;

import java.util.List;

/**
 * The RTL IR of a whole design: its modules in dependency order (every module after the modules it
 * instantiates, so the top is last) plus the facts the back end reports about the hardware.
 *
 * @param topModule     name of the top module (one of {@code modules})
 * @param latencyCycles cycles from the cycle in which the input beat completing a vector transfers to
 *                      the first cycle in which {@code out_valid} is high (no back-pressure, empty pipeline)
 * @param macsPerCycle  multiplies per cycle when busy
 */
public record RtlDesign(List<RtlModule> modules, String topModule, int latencyCycles, long macsPerCycle) {
    public RtlDesign {
        modules = List.copyOf(modules);
    }

    public RtlModule top() {
        return module(topModule);
    }

    public RtlModule module(String name) {
        return modules.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no module " + name));
    }
}
