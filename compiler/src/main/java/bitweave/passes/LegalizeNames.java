package bitweave.passes;

import bitweave.rtl.ModulePrinter;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.VerilogNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * legalize-names: gives every module a name that is a legal Verilog identifier and collides with
 * nothing the tools see beside it, keeping names unique. Instance references in bodies follow.
 *
 * <p>A module name must not equal any identifier used inside the generated modules (port, parameter,
 * wire, instance or generate-block name). Verilator 5.006 resolves a name inside the top module that
 * equals the top module's name to the module (measured: a design named {@code clk} fails -Wall with
 * VARHIDDEN and "Variable has same name as instance", one named {@code g_chain} breaks the delay line's
 * hierarchical reference {@code g_chain.g_stage[..]}). The identifiers are read from the printed text of
 * every module (through {@link ModulePrinter}, with module names hidden), so a template change cannot
 * outdate them. Names the toolchain reserves ({@link #TOOLCHAIN_RESERVED}) and keywords are avoided too.
 *
 * <p>Illegal characters become '_' and a leading digit gets an "m_" prefix. A colliding name gets the
 * suffix {@code _mod} ({@code _mod2}, ... if that is taken): a design named {@code clk} has the top
 * module {@code clk_mod}. Legal, free names are left as they are; the compile report and the compile
 * command's output name a renamed top module.
 */
public final class LegalizeNames implements RtlPass {
    /**
     * Names the tools keep for themselves. Verilator calls the root of the hierarchy TOP: a top module
     * named TOP ends in an internal error of Verilator 5.006 (V3LinkDot, measured).
     */
    static final Set<String> TOOLCHAIN_RESERVED = Set.of("TOP");
    private static final String SUFFIX = "_mod";
    /** Text of a probe module name: no identifier character, so the tokenizer never sees module names. */
    private static final String HIDDEN = "\u0001";
    private static final Pattern TOKEN = Pattern.compile(
            "//[^\n]*|/\\*.*?\\*/|\"(?:[^\"\\\\]|\\\\.)*\"|`[^\n]*|[$'0-9][A-Za-z0-9_$']*|([A-Za-z_][A-Za-z0-9_$]*)",
            Pattern.DOTALL);

    private final ModulePrinter printer;

    public LegalizeNames(ModulePrinter printer) {
        this.printer = printer;
    }

    @Override
    public String name() {
        return "legalize-names";
    }

    @Override
    public RtlDesign run(RtlDesign design) {
        Set<String> used = identifiersInside(design);
        Map<String, String> renamed = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (RtlModule m : design.modules()) {
            String candidate = legal(m.name());
            String unique = candidate;
            for (int n = 1; taken.contains(unique) || reserved(unique, used); n++) {
                unique = candidate + SUFFIX + (n == 1 ? "" : Integer.toString(n));
            }
            if (unique.length() - candidate.length() > bitweave.ir.GeneratedNames.RENAME_RESERVE) {
                throw new IllegalStateException(name() + ": no free name for module " + m.name());
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

    private static boolean reserved(String name, Set<String> used) {
        return used.contains(name) || TOOLCHAIN_RESERVED.contains(name) || !VerilogNames.isLegal(name);
    }

    /**
     * Every identifier the printed modules use, keywords included, module names excluded: each module
     * is printed with every module name replaced by a text that is no identifier.
     */
    Set<String> identifiersInside(RtlDesign design) {
        Map<String, String> hidden = new HashMap<>();
        for (int i = 0; i < design.modules().size(); i++) {
            hidden.put(design.modules().get(i).name(), HIDDEN + i + HIDDEN);
        }
        Set<String> used = new TreeSet<>();
        for (RtlModule m : design.modules()) {
            RtlModule probe = m.withName(hidden.get(m.name()), m.body().renameModules(old -> hidden.getOrDefault(old, old)));
            used.addAll(identifiers(printer.print(probe)));
        }
        return used;
    }

    /**
     * The identifiers of Verilog text: comments, strings, compiler directives (a backtick to the end of
     * the line), numbers with their base and digits ({@code 8'hff}) and system names ({@code $clog2})
     * are skipped.
     */
    static Set<String> identifiers(String verilog) {
        Set<String> ids = new TreeSet<>();
        Matcher m = TOKEN.matcher(verilog);
        while (m.find()) {
            if (m.group(1) != null) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    static String legal(String name) {
        String s = name.replaceAll("[^A-Za-z0-9_]", "_");
        if (s.isEmpty() || Character.isDigit(s.charAt(0))) {
            s = "m_" + s;
        }
        return s;
    }
}
