package bitweave.rtl;

import bitweave.datapath.DatapathText;
import java.util.stream.Collectors;

/**
 * The readable text form of the whole RTL IR ({@code bitweave compile --dump-ir PASS}): per module its
 * ports, then its body: the datapath graph op by op, or the array-level items as an indented outline.
 */
public final class RtlText {
    private RtlText() {
    }

    public static String print(RtlDesign design) {
        StringBuilder sb = new StringBuilder();
        for (RtlModule m : design.modules()) {
            sb.append("module ").append(m.name());
            if (!m.params().isEmpty()) {
                sb.append(" #(").append(m.params().stream().map(p -> p.name() + "=" + p.value())
                        .collect(Collectors.joining(", "))).append(")");
            }
            sb.append(m.name().equals(design.topModule()) ? "  // top" : "").append('\n');
            sb.append("  ports ").append(m.ports().stream()
                    .map(p -> (p.direction() == RtlPort.Direction.INPUT ? "in " : "out ") + p.name() + ":" + p.width())
                    .collect(Collectors.joining(", "))).append('\n');
            if (m.body() instanceof DatapathBody d) {
                sb.append(DatapathText.print(d.graph()));
            } else if (m.body() instanceof StructuralBody s) {
                s.items().forEach(i -> item(sb, i, "  "));
            } else if (m.body() instanceof AxisWrapBody w) {
                w.slaves().forEach(c -> sb.append("  // ").append(c.c().comment()).append('\n'));
                sb.append("  // ").append(w.master().c().comment()).append('\n');
                item(sb, w.unit(), "  ");
            } else {
                sb.append("  body ").append(m.body().templateName()).append(" (a primitive printed by its template)\n");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static void item(StringBuilder sb, ArrayItem item, String indent) {
        if (item instanceof ArrayItem.Comment c) {
            sb.append(indent).append("// ").append(c.text()).append('\n');
        } else if (item instanceof ArrayItem.LocalParam p) {
            sb.append(indent).append("localparam ").append(p.name()).append(" = ").append(p.expr()).append('\n');
        } else if (item instanceof ArrayItem.Wire w) {
            sb.append(indent).append("wire ").append(w.name()).append(':').append(w.widthExpr() == null ? "1" : w.widthExpr())
                    .append(w.unread() ? " (unread)" : "").append('\n');
        } else if (item instanceof ArrayItem.Assign a) {
            sb.append(indent).append(a.lhs()).append(" <- ").append(a.rhs()).append('\n');
        } else if (item instanceof ArrayItem.Instance i) {
            sb.append(indent).append("instance ").append(i.name()).append(" = ").append(i.module());
            if (!i.params().isEmpty()) {
                sb.append(" #(").append(i.params().stream().map(c -> c.name() + "=" + c.expr())
                        .collect(Collectors.joining(", "))).append(")");
            }
            sb.append(" (").append(i.ports().stream().map(c -> c.name() + "=" + c.expr())
                    .collect(Collectors.joining(", "))).append(")  @ ").append(i.locator()).append('\n');
        } else if (item instanceof ArrayItem.Generate g) {
            g.body().forEach(x -> item(sb, x, indent));
        } else if (item instanceof ArrayItem.Loop l) {
            sb.append(indent).append("for ").append(l.genvar()).append(" in ").append(l.from()).append("..<")
                    .append(l.bound()).append(" : ").append(l.label()).append('\n');
            l.body().forEach(x -> item(sb, x, indent + "  "));
        } else if (item instanceof ArrayItem.Branch b) {
            sb.append(indent).append("if ").append(b.cond()).append(" : ").append(b.label()).append('\n');
            b.then().forEach(x -> item(sb, x, indent + "  "));
            if (!b.otherwise().isEmpty()) {
                sb.append(indent).append("else : ").append(b.elseLabel()).append('\n');
                b.otherwise().forEach(x -> item(sb, x, indent + "  "));
            }
        }
    }
}
