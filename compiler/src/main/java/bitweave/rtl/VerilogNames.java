package bitweave.rtl;

import java.util.regex.Pattern;

/** What a name may be in the generated Verilog: a simple identifier that is no (System)Verilog keyword. */
public final class VerilogNames {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private VerilogNames() {
    }

    public static boolean isLegal(String name) {
        return IDENTIFIER.matcher(name).matches() && !bitweave.ir.VerilogKeywords.contains(name);
    }

    public static boolean isUpperSnake(String name) {
        return name.matches("[A-Z][A-Z0-9_]*");
    }
}
