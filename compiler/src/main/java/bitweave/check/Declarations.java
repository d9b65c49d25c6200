package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.parse.Decl;
import bitweave.parse.SourceFile;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Phase 1, names: one namespace for params, pes and arrays (a name means one thing), the
 * {@code -P} overrides must name parameters, and the top array is chosen.
 */
final class Declarations {
    private final Map<String, Decl> byName = new LinkedHashMap<>();
    private final Set<String> duplicated = new HashSet<>();
    private final List<Decl.Param> params = new ArrayList<>();
    private final List<Decl.Pe> pes = new ArrayList<>();
    private final List<Decl.Array> arrays = new ArrayList<>();
    private Decl.Array top;
    /** An array declaration was dropped as a duplicate name: "declares no array" would then mislead. */
    private boolean arrayDropped;

    static Declarations collect(SourceFile file, Map<String, Long> overrides, String topOrNull, Reporter reporter) {
        Declarations d = new Declarations();
        if (bitweave.ir.VerilogKeywords.contains(file.designName())) {
            reporter.error(ErrorCode.RESERVED_NAME, file.designLoc(), "design name '" + file.designName()
                    + "' is a Verilog keyword and cannot name the top module; choose another name");
        }
        for (Decl decl : file.decls()) {
            d.add(decl, reporter);
        }
        OutputNames.check(file, d.arrays, reporter);
        d.checkOverrides(file.designName(), overrides, reporter);
        d.chooseTop(file, topOrNull, reporter);
        return d;
    }

    private void add(Decl decl, Reporter reporter) {
        Decl earlier = byName.get(decl.name());
        if (earlier != null) {
            duplicated.add(decl.name());
            arrayDropped |= decl instanceof Decl.Array;
            reporter.error(ErrorCode.DUPLICATE_NAME, decl.nameLoc(), "'" + decl.name() + "' is already declared as a "
                    + earlier.keyword() + " at line " + earlier.nameLoc().line() + ":" + earlier.nameLoc().col());
            return;
        }
        byName.put(decl.name(), decl);
        if (decl instanceof Decl.Param p) {
            params.add(p);
        } else if (decl instanceof Decl.Pe pe) {
            pes.add(pe);
        } else {
            arrays.add((Decl.Array) decl);
        }
    }

    private void checkOverrides(String design, Map<String, Long> overrides, Reporter reporter) {
        for (Map.Entry<String, Long> o : overrides.entrySet()) {
            if (!(byName.get(o.getKey()) instanceof Decl.Param)) {
                reporter.error(ErrorCode.UNKNOWN_OVERRIDE, null, "-P " + o.getKey() + "=" + o.getValue()
                        + ": design '" + design + "' has no parameter named '" + o.getKey() + "'"
                        + knownParamsHint());
            }
        }
    }

    private String knownParamsHint() {
        if (params.isEmpty()) {
            return " (it declares none)";
        }
        List<String> names = new ArrayList<>();
        params.forEach(p -> names.add(p.name()));
        return " (it has " + String.join(", ", names) + ")";
    }

    /** The array named on the command line; else the array named {@code top}; else the last array. */
    private void chooseTop(SourceFile file, String topOrNull, Reporter reporter) {
        if (topOrNull != null) {
            Decl named = byName.get(topOrNull);
            if (named instanceof Decl.Array a) {
                top = a;
            } else {
                String what = named == null ? "there is no array named '" + topOrNull + "'"
                        : "'" + topOrNull + "' is a " + named.keyword() + ", not an array";
                reporter.error(ErrorCode.UNKNOWN_TOP, null, "requested top '" + topOrNull + "': " + what);
            }
            return;
        }
        if (arrays.isEmpty()) {
            if (arrayDropped) {
                return; // the E0201 at the array's name is the whole story
            }
            reporter.error(ErrorCode.NO_ARRAY, file.designLoc(), "design '" + file.designName()
                    + "' declares no array, so there is nothing to generate");
            return;
        }
        top = byName.get("top") instanceof Decl.Array a ? a : arrays.get(arrays.size() - 1);
    }

    /** Names declared more than once (already reported): uses of them must not add more errors. */
    Set<String> duplicated() {
        return duplicated;
    }

    Map<String, Decl> byName() {
        return byName;
    }

    List<Decl.Param> params() {
        return params;
    }

    List<Decl.Pe> pes() {
        return pes;
    }

    List<Decl.Array> arrays() {
        return arrays;
    }

    Decl.Array top() {
        return top;
    }
}
