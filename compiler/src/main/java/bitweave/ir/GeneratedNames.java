package bitweave.ir;

import java.util.ArrayList;
import java.util.List;

/**
 * How the names of generated modules and files derive from the user's names, and how long those may
 * be. One place for the checker (which rejects names that cannot work), the lowering passes (which
 * name the modules) and the emitters (which name the files), so they cannot disagree.
 *
 * <p>The <em>unit name</em> is what every module and file of one compile starts with: the design name,
 * or {@code <design>_<array>} when the design declares more than one array, so that the tops of one
 * file ({@code --top os}, {@code --top ws}) can go into one chip without two modules of the same name.
 */
public final class GeneratedNames {
    /** Submodules the lowering passes may add, each named {@code <unit>_<suffix>}. */
    public static final List<String> MODULE_SUFFIXES = List.of("fit", "delay", "pe", "hold", "ctrl", "mul", "add", "edge",
            "acc", "enc", "pp", "final", "weights", "scale", "lane", "dot", "table");

    /**
     * Verilator 5.006 replaces every name of 128 or more characters by a hash (measured: a module named
     * with 128 characters becomes {@code <prefix>__Vhsh<hash>}, which fails -Wall's DECLFILENAME and
     * loses a top module named that way). Generated module names must stay at or below this length.
     */
    public static final int VERILATOR_MAX_NAME = 127;

    /** The longest file name (in bytes) Linux file systems (ext4, tmpfs, ...) accept. */
    public static final int MAX_FILE_NAME = 255;

    /**
     * The documented bound on a unit name, checked by {@code check} (E0213). With the longest module
     * suffix ({@code _delay}) and what legalize-names may append ({@link #RENAME_RESERVE}) a module name
     * stays at most 100 + 6 + 8 = 114 characters, under {@link #VERILATOR_MAX_NAME}; the longest file
     * name ({@code <top>_report.json}) at 120 bytes, and Verilator's own files ({@code V<top>___024root__
     * DepSet_h<hash>__0__Slow.cpp}, about 45 characters more) far under {@link #MAX_FILE_NAME}.
     */
    public static final int MAX_UNIT_NAME = 100;

    /** The most characters legalize-names appends when it renames a module ({@code _mod} + a count). */
    public static final int RENAME_RESERVE = 8;

    private GeneratedNames() {
    }

    /** The unit name for top array {@code topArray} of a design declaring {@code arrayCount} arrays. */
    public static String unitName(String design, String topArray, int arrayCount) {
        return arrayCount > 1 ? design + "_" + topArray : design;
    }

    /** Name of a submodule of the unit (one of {@link #MODULE_SUFFIXES}). */
    public static String moduleName(String unit, String suffix) {
        if (!MODULE_SUFFIXES.contains(suffix)) {
            throw new IllegalArgumentException("not a declared module suffix: " + suffix);
        }
        return unit + "_" + suffix;
    }

    /** The unit and every submodule name it may get, before legalize-names. */
    public static List<String> moduleNames(String unit) {
        List<String> names = new ArrayList<>();
        names.add(unit);
        MODULE_SUFFIXES.forEach(s -> names.add(moduleName(unit, s)));
        return names;
    }

    /**
     * The Java golden model's class (and file) name: {@code systolic_os_int8} becomes
     * {@code SystolicOsInt8Golden}. The suffix keeps it clear of every Java keyword and of the JDK
     * classes the model imports.
     */
    public static String goldenClass(String unit) {
        StringBuilder sb = new StringBuilder();
        boolean upper = true;
        for (char ch : unit.toCharArray()) {
            if (!Character.isLetterOrDigit(ch)) {
                upper = true;
                continue;
            }
            sb.append(upper ? Character.toUpperCase(ch) : ch);
            upper = false;
        }
        if (sb.length() == 0 || !Character.isJavaIdentifierStart(sb.charAt(0))) {
            sb.insert(0, 'D');
        }
        return sb.append("Golden").toString();
    }
}
