package bitweave.emit;

import bitweave.datapath.Datapath;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stringtemplate.v4.AutoIndentWriter;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.STGroup;

/**
 * Prints a datapath graph as the body of a Verilog module through templates/datapath.stg, one template
 * per op kind. The module header (owned by the caller) declares the graph's ports: {@code inputs()} as
 * inputs, {@code outputs()} as output wires, plus {@code clk} and {@code rst} when the graph is clocked.
 * The body declares every other value ({@code reg} when a register drives it), then prints the ops in
 * graph order, each preceded by its {@code // @[loc]} when that differs from the op before.
 *
 * <p>The text is clean under {@code verilator --lint-only -Wall} by construction: no operator mixes
 * widths, and a value some of whose bits are never read is declared inside {@code lint_off UNUSED}
 * (an input port gets a sink wire there instead, since the header declares it).
 */
public final class DatapathVerilog {
    /** One declaration: {@code kind} is wire or reg, {@code range} the bit range with a trailing space or empty. */
    record Decl(String kind, String range, String name) {
    }

    /** Consecutive declarations that are all fully read, or all not ({@code unused}: wrapped in lint_off). */
    record DeclGroup(boolean unused, List<Decl> decls) {
    }

    /** A sink that reads an input port some of whose bits no op reads. */
    record Sink(String range, String name, String source) {
    }

    /** A printed op: {@code loc} is null when it equals the previous op's; {@code gap} puts a blank line before it. */
    record OpText(String loc, boolean gap, String text) {
    }

    private DatapathVerilog() {
    }

    /** The text between a module's port list and {@code endmodule}. */
    public static String body(Datapath graph) {
        for (Op op : graph.ops()) {
            if (op instanceof Op.BitHeap) {
                throw new IllegalStateException("cannot print a datapath that still holds a bit-heap (driving "
                        + op.outputs() + " @ " + op.loc() + "): compress-bit-heaps must run first");
            }
        }
        STGroup group = Templates.load("datapath");
        VerilogNames names = new VerilogNames(graph);
        VerilogBits bits = new VerilogBits();
        Set<String> outputPorts = new HashSet<>();
        graph.outputs().forEach(v -> outputPorts.add(v.name()));
        DatapathOpViews views = new DatapathOpViews(bits, names, outputPorts);

        List<OpText> ops = new ArrayList<>();
        Map<Op, Value> portRegs = new HashMap<>();
        String previousLoc = null;
        for (Op op : graph.ops()) {
            String reg = null;
            if (op instanceof Op.Register r && outputPorts.contains(r.out().name())) {
                Value q = names.fresh(r.out().name() + "_q", r.out().width());
                portRegs.put(op, q);
                reg = q.name();
                bits.all(q);   // read by the assign to the port
            }
            String text = render(group, DatapathOpViews.templateName(op), "o", views.of(op, reg)).stripTrailing();
            boolean newLoc = !op.loc().equals(previousLoc);
            ops.add(new OpText(newLoc ? op.loc() : null, newLoc && !ops.isEmpty(), text));
            previousLoc = op.loc();
        }

        List<DeclGroup> decls = new ArrayList<>();
        for (Op op : graph.ops()) {
            boolean register = op instanceof Op.Register;
            for (Value v : op.outputs()) {
                Value declared = portRegs.getOrDefault(op, outputPorts.contains(v.name()) ? null : v);
                if (declared != null) {
                    addDecl(decls, new Decl(register ? "reg" : "wire", VerilogBits.declRange(declared.width()),
                            declared.name()), !bits.fullyRead(declared));
                }
            }
        }

        List<Sink> sinks = new ArrayList<>();
        for (Value in : graph.inputs()) {
            if (!bits.fullyRead(in)) {
                sinks.add(new Sink(VerilogBits.declRange(in.width()), names.fresh("unused_" + in.name()), in.name()));
            }
        }
        boolean resets = graph.ops().stream().anyMatch(op -> op instanceof Op.Register r && r.resetValue() != null);
        if (graph.clocked() && !resets) {
            sinks.add(new Sink("", names.fresh("unused_rst"), "rst"));
        }
        return render(group, "body", "decls", decls, "sinks", sinks, "ops", ops);
    }

    /**
     * A whole module around {@link #body} (for tests and standalone use): {@code `default_nettype none},
     * ports {@code clk} and {@code rst} when clocked, then the inputs and the outputs in graph order.
     */
    public static String module(String name, Datapath graph) {
        List<Decl> ports = new ArrayList<>();
        if (graph.clocked()) {
            ports.add(new Decl("input ", "", "clk"));
            ports.add(new Decl("input ", "", "rst"));
        }
        for (Value in : graph.inputs()) {
            ports.add(new Decl("input ", VerilogBits.declRange(in.width()), in.name()));
        }
        for (Value out : graph.outputs()) {
            ports.add(new Decl("output", VerilogBits.declRange(out.width()), out.name()));
        }
        return render(Templates.load("datapath"), "module", "name", name, "ports", ports, "body", body(graph));
    }

    private static void addDecl(List<DeclGroup> groups, Decl d, boolean unused) {
        if (!groups.isEmpty() && groups.get(groups.size() - 1).unused() == unused) {
            groups.get(groups.size() - 1).decls().add(d);
        } else {
            List<Decl> list = new ArrayList<>();
            list.add(d);
            groups.add(new DeclGroup(unused, list));
        }
    }

    private static String render(STGroup group, String template, Object... attributes) {
        ST st = group.getInstanceOf(template);
        if (st == null) {
            throw new IllegalStateException("no template '" + template + "' in templates/datapath.stg");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            st.add((String) attributes[i], attributes[i + 1]);
        }
        StringWriter out = new StringWriter();
        try {
            st.write(new AutoIndentWriter(out, "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
