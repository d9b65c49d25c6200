package bitweave.check;

import java.util.Set;

/**
 * Verilog-2005 and common SystemVerilog keywords. The design name becomes the top module's name, so
 * it must not be one of these (Verilator and Yosys reject a module called {@code module} or {@code logic}).
 */
final class ReservedWords {
    private static final Set<String> KEYWORDS = Set.of(
            "always", "and", "assign", "automatic", "begin", "buf", "case", "casex", "casez", "cell", "cmos",
            "config", "deassign", "default", "defparam", "design", "disable", "edge", "else", "end", "endcase",
            "endconfig", "endfunction", "endgenerate", "endmodule", "endprimitive", "endspecify", "endtable",
            "endtask", "event", "for", "force", "forever", "fork", "function", "generate", "genvar", "highz0",
            "highz1", "if", "ifnone", "incdir", "include", "initial", "inout", "input", "instance", "integer",
            "join", "large", "liblist", "library", "localparam", "macromodule", "medium", "module", "nand",
            "negedge", "nmos", "nor", "noshowcancelled", "not", "notif0", "notif1", "or", "output", "parameter",
            "pmos", "posedge", "primitive", "pull0", "pull1", "pulldown", "pullup", "pulsestyle_ondetect",
            "pulsestyle_onevent", "rcmos", "real", "realtime", "reg", "release", "repeat", "rnmos", "rpmos",
            "rtran", "rtranif0", "rtranif1", "scalared", "showcancelled", "signed", "small", "specify",
            "specparam", "strong0", "strong1", "supply0", "supply1", "table", "task", "time", "tran", "tranif0",
            "tranif1", "tri", "tri0", "tri1", "triand", "trior", "trireg", "unsigned", "use", "uwire", "vectored",
            "wait", "wand", "weak0", "weak1", "while", "wire", "wor", "xnor", "xor",
            // SystemVerilog words Verilator treats as keywords by default
            "bit", "byte", "class", "const", "do", "enum", "int", "interface", "logic", "longint", "package",
            "shortint", "static", "string", "struct", "typedef", "union", "unique", "var", "void");

    private ReservedWords() {
    }

    static boolean isReserved(String name) {
        return KEYWORDS.contains(name);
    }
}
