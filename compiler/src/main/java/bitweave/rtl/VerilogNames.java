package bitweave.rtl;

import java.util.Set;
import java.util.regex.Pattern;

/** What a name may be in the generated Verilog: a simple identifier that is no (System)Verilog keyword. */
public final class VerilogNames {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Verilog-2005 and SystemVerilog-2017 keywords a design name could plausibly collide with. */
    public static final Set<String> KEYWORDS = Set.of(
            "always", "always_comb", "always_ff", "always_latch", "and", "assign", "automatic", "begin", "bit",
            "buf", "byte", "case", "casex", "casez", "cell", "chandle", "class", "config", "const", "default",
            "defparam", "design", "disable", "do", "edge", "else", "end", "endcase", "endclass", "endconfig",
            "endfunction", "endgenerate", "endinterface", "endmodule", "endpackage", "endprimitive",
            "endprogram", "endspecify", "endtable", "endtask", "enum", "event", "export", "extends", "final",
            "for", "force", "foreach", "forever", "fork", "function", "generate", "genvar", "if", "import",
            "initial", "inout", "input", "instance", "int", "integer", "interface", "join", "library",
            "localparam", "logic", "longint", "macromodule", "module", "nand", "negedge", "nor", "not", "or",
            "output", "package", "packed", "parameter", "posedge", "primitive", "program", "real", "reg",
            "repeat", "return", "shortint", "signed", "specify", "static", "string", "struct", "supply0",
            "supply1", "table", "task", "time", "tri", "type", "typedef", "union", "unique", "unsigned", "use",
            "var", "void", "wait", "while", "wire", "wor", "xnor", "xor");

    private VerilogNames() {
    }

    public static boolean isLegal(String name) {
        return IDENTIFIER.matcher(name).matches() && !KEYWORDS.contains(name);
    }

    public static boolean isUpperSnake(String name) {
        return name.matches("[A-Z][A-Z0-9_]*");
    }
}
