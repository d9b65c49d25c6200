package bitweave.datapath;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The readable text form of a datapath graph ({@code bitweave compile --dump-ir PASS} and the passes'
 * tests): one line per port and per op, values written {@code name:width}, e.g.
 * <pre>
 *   input  a_in:8
 *   product:18 = multiply a_ext:18, b_ext:18        @ mac.bw:3:1
 * </pre>
 */
public final class DatapathText {
    private DatapathText() {
    }

    public static String print(Datapath graph) {
        StringBuilder sb = new StringBuilder();
        for (Value in : graph.inputs()) {
            sb.append("  input  ").append(in).append('\n');
        }
        for (Value out : graph.outputs()) {
            sb.append("  output ").append(out).append('\n');
        }
        for (Op op : graph.ops()) {
            String lhs = op.outputs().stream().map(Value::toString).collect(Collectors.joining(", "));
            String line = "  " + lhs + " = " + op.kind() + attributes(op) + " "
                    + op.inputs().stream().map(Value::toString).collect(Collectors.joining(", "));
            sb.append(String.format("%-72s @ %s%n", line.stripTrailing(), op.loc()).replace("\r\n", "\n"));
        }
        return sb.toString();
    }

    /** The op's non-value attributes in brackets, e.g. {@code [signed]} or {@code [lo=4]}. */
    private static String attributes(Op op) {
        List<String> a = attributeList(op);
        return a.isEmpty() ? "" : "[" + String.join(", ", a) + "]";
    }

    private static List<String> attributeList(Op op) {
        if (op instanceof Op.Const c) {
            return List.of("0x" + c.bits().toString(16));
        }
        if (op instanceof Op.Extend e) {
            return List.of(e.signed() ? "signed" : "zero");
        }
        if (op instanceof Op.Slice s) {
            return List.of("lo=" + s.lo());
        }
        if (op instanceof Op.Logic l) {
            return List.of(l.op().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (op instanceof Op.Reduce r) {
            return List.of(r.op().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (op instanceof Op.ShiftLeft s) {
            return List.of("by=" + s.amount());
        }
        if (op instanceof Op.Add a) {
            return a.subtract() ? List.of("subtract") : List.of();
        }
        if (op instanceof Op.BoothEncode b) {
            return List.of(b.signed() ? "signed" : "unsigned");
        }
        if (op instanceof Op.EntEncode e) {
            return List.of(e.signed() ? "signed" : "unsigned");
        }
        if (op instanceof Op.PartialProduct p) {
            return List.of(p.bSigned() ? "signed" : "unsigned");
        }
        if (op instanceof Op.BitHeap h) {
            return List.of(h.reduction().dslName() + (h.use42() ? "+4:2" : ""), "rows="
                + h.rows().stream().map(r -> r.value().name() + "<<" + r.shift() + (r.signed() ? "s" : "u"))
                .collect(Collectors.joining(" ")));
        }
        if (op instanceof Op.Fit f) {
            return List.of(f.policy().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (op instanceof Op.Register r) {
            return List.of(r.resetValue() == null ? "no-reset" : "reset=0x" + r.resetValue().toString(16),
                r.enable() == null ? "always" : "enable");
        }
        return List.of();
    }
}
