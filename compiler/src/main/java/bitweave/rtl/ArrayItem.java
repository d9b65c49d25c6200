package bitweave.rtl;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One statement of the array level: the structure around the PEs (generate loops over the grid,
 * instances, the wires that link neighbours). Expressions are Verilog text computed by the lowering
 * passes (index arithmetic over genvars and parameters, e.g. {@code g_row[r].g_col[c-1].a_out}); the
 * arithmetic of the design lives in the datapath modules the items instantiate, never here.
 * {@link #template()} names the template of templates/verilog.stg that prints the item.
 */
public sealed interface ArrayItem {
    String template();

    /** The same item with instantiated module names mapped (legalize-names). */
    ArrayItem renameModules(UnaryOperator<String> rename);

    /** A comment line (why the structure is as it is). */
    record Comment(String text) implements ArrayItem {
        public String template() { return "item_comment"; }
        public ArrayItem renameModules(UnaryOperator<String> rename) { return this; }
    }

    /** {@code localparam NAME = expr;} */
    record LocalParam(String name, String expr) implements ArrayItem {
        public String template() { return "item_localparam"; }
        public ArrayItem renameModules(UnaryOperator<String> rename) { return this; }
    }

    /**
     * {@code wire [width-1:0] name;} ({@code widthExpr} null: one bit). {@code unread} marks a wire some
     * instances drive but nothing reads (the right column's forwarded operand): printed inside a
     * lint_off UNUSED pair.
     */
    record Wire(String name, String widthExpr, boolean unread) implements ArrayItem {
        public String template() { return "item_wire"; }
        public ArrayItem renameModules(UnaryOperator<String> rename) { return this; }
    }

    /** {@code assign lhs = rhs;} */
    record Assign(String lhs, String rhs) implements ArrayItem {
        public String template() { return "item_assign"; }
        public ArrayItem renameModules(UnaryOperator<String> rename) { return this; }
    }

    /** One named connection: a parameter ({@code .W(8)}) or a port ({@code .clk(clk)}). */
    record Connection(String name, String expr) {
    }

    /** An instance of a generated module; {@code locator} is the DSL declaration it realises. */
    record Instance(String module, String name, List<Connection> params, List<Connection> ports, String locator)
            implements ArrayItem {
        public Instance {
            params = List.copyOf(params);
            ports = List.copyOf(ports);
        }
        public String template() { return "item_instance"; }
        public ArrayItem renameModules(UnaryOperator<String> rename) {
            return new Instance(rename.apply(module), name, params, ports, locator);
        }
    }

    /** {@code generate ... endgenerate} around loops and branches at module level. */
    record Generate(List<ArrayItem> body) implements ArrayItem {
        public Generate {
            body = List.copyOf(body);
        }
        public String template() { return "item_generate"; }
        public ArrayItem renameModules(UnaryOperator<String> rename) {
            return new Generate(renameAll(body, rename));
        }
    }

    /** {@code for (v = from; v < bound; v = v + 1) begin : label ... end} (the genvar is declared by the module). */
    record Loop(String genvar, String from, String bound, String label, List<ArrayItem> body) implements ArrayItem {
        public Loop {
            body = List.copyOf(body);
        }
        /** A loop from 0. */
        public Loop(String genvar, String bound, String label, List<ArrayItem> body) {
            this(genvar, "0", bound, label, body);
        }
        public String template() { return "item_loop"; }
        public ArrayItem renameModules(UnaryOperator<String> rename) {
            return new Loop(genvar, from, bound, label, renameAll(body, rename));
        }
    }

    /** {@code if (cond) begin : label ... end else begin : elseLabel ... end} (no else part when it is empty). */
    record Branch(String cond, String label, List<ArrayItem> then, String elseLabel, List<ArrayItem> otherwise)
            implements ArrayItem {
        public Branch {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
        public String template() { return "item_branch"; }
        public ArrayItem renameModules(UnaryOperator<String> rename) {
            return new Branch(cond, label, renameAll(then, rename), elseLabel, renameAll(otherwise, rename));
        }
    }

    static List<ArrayItem> renameAll(List<ArrayItem> items, UnaryOperator<String> rename) {
        return items.stream().map(i -> i.renameModules(rename)).toList();
    }

    /** Every module instantiated by {@code items}, in order of first appearance. */
    static void collectInstances(List<ArrayItem> items, List<String> out) {
        for (ArrayItem i : items) {
            if (i instanceof Instance inst && !out.contains(inst.module())) {
                out.add(inst.module());
            } else if (i instanceof Generate g) {
                collectInstances(g.body(), out);
            } else if (i instanceof Loop l) {
                collectInstances(l.body(), out);
            } else if (i instanceof Branch b) {
                collectInstances(b.then(), out);
                collectInstances(b.otherwise(), out);
            }
        }
    }

    /** Genvars of every loop in {@code items}, in order of first appearance. */
    static void collectGenvars(List<ArrayItem> items, List<String> out) {
        for (ArrayItem i : items) {
            if (i instanceof Loop l) {
                if (!out.contains(l.genvar())) {
                    out.add(l.genvar());
                }
                collectGenvars(l.body(), out);
            } else if (i instanceof Generate g) {
                collectGenvars(g.body(), out);
            } else if (i instanceof Branch b) {
                collectGenvars(b.then(), out);
                collectGenvars(b.otherwise(), out);
            }
        }
    }
}
