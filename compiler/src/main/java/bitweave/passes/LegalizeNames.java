package bitweave.passes;

import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.VerilogNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * legalize-names: makes every module name a legal Verilog identifier that is no keyword, keeping
 * names unique. Illegal characters become '_', a leading digit gets an "m_" prefix and a keyword gets
 * a "_top" suffix (a design called {@code module} yields top module {@code module_top}). Instance
 * references in bodies follow the renaming. Legal names are left as they are.
 */
public final class LegalizeNames implements RtlPass {
    @Override
    public String name() {
        return "legalize-names";
    }

    @Override
    public RtlDesign run(RtlDesign design) {
        Map<String, String> renamed = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (RtlModule m : design.modules()) {
            String candidate = legal(m.name());
            String unique = candidate;
            for (int n = 2; taken.contains(unique); n++) {
                unique = candidate + "_" + n;
            }
            taken.add(unique);
            renamed.put(m.name(), unique);
        }
        List<RtlModule> modules = new ArrayList<>();
        for (RtlModule m : design.modules()) {
            modules.add(m.withName(renamed.get(m.name()),
                    m.body().renameModules(old -> renamed.getOrDefault(old, old))));
        }
        return new RtlDesign(modules, renamed.get(design.topModule()), design.latencyCycles(), design.macsPerCycle());
    }

    static String legal(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            s = "m_" + s;
        }
        if (!VerilogNames.isLegal(s)) {
            s = s + "_top";
        }
        return s;
    }
}
