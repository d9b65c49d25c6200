package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.ir.GeneratedNames;
import bitweave.parse.Decl;
import bitweave.parse.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Phase 1, the names the output will carry (see {@link GeneratedNames}): a unit name longer than
 * {@link GeneratedNames#MAX_UNIT_NAME} is rejected at the name that makes it long (E0213), and two
 * arrays of one design must not give the same module or file name (E0214), because their tops are
 * meant to go into one chip. Names are compared ignoring case: the files of both tops may share a
 * folder on a case-insensitive file system.
 */
final class OutputNames {
    private OutputNames() {
    }

    static void check(SourceFile file, List<Decl.Array> arrays, Reporter reporter) {
        String design = file.designName();
        if (design.length() > GeneratedNames.MAX_UNIT_NAME) {
            reporter.error(ErrorCode.NAME_TOO_LONG, file.designLoc(), "design name '" + abbreviate(design) + "' has "
                    + design.length() + " characters; generated module and file names start with it, and at most "
                    + GeneratedNames.MAX_UNIT_NAME + " keep them within Verilator's and the file system's limits");
            return;
        }
        if (arrays.size() < 2) {
            return;
        }
        Map<String, Decl.Array> owner = new HashMap<>();
        for (Decl.Array a : arrays) {
            String unit = GeneratedNames.unitName(design, a.name(), arrays.size());
            if (unit.length() > GeneratedNames.MAX_UNIT_NAME) {
                reporter.error(ErrorCode.NAME_TOO_LONG, a.nameLoc(), "array '" + abbreviate(a.name()) + "' gives the"
                        + " module name '" + abbreviate(unit) + "' (" + unit.length() + " characters; the design declares"
                        + " several arrays, so module names are <design>_<array>); at most " + GeneratedNames.MAX_UNIT_NAME
                        + " are allowed: shorten the array or the design name");
                continue;
            }
            for (String name : derivedNames(unit)) {
                Decl.Array earlier = owner.putIfAbsent(name.toLowerCase(Locale.ROOT), a);
                if (earlier != null && earlier != a) {
                    reporter.error(ErrorCode.ARRAY_NAMES_CLASH, a.nameLoc(), "array '" + a.name() + "' and array '"
                            + earlier.name() + "' (line " + earlier.nameLoc().line() + ") would both generate '" + name
                            + "' (names compared ignoring case); rename one of them");
                    break;
                }
            }
        }
    }

    /** The module names and the golden model class one unit can produce. */
    private static List<String> derivedNames(String unit) {
        List<String> names = new ArrayList<>(GeneratedNames.moduleNames(unit));
        names.add(GeneratedNames.goldenClass(unit));
        return names;
    }

    private static String abbreviate(String name) {
        return name.length() <= 40 ? name : name.substring(0, 37) + "...";
    }
}
