package bitweave.wrap;

import bitweave.ir.Field;
import bitweave.ir.Stream;
import bitweave.passes.RtlPass;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.AxisWrapBody;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlPort;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds the AXI4-Stream wrapper {@code <top>_axis} around the design's top and makes it the top. Runs after the
 * pipeline (names are legal by then); the unit itself is untouched, so the wrapper adds no latency: a word reaches
 * the unit in the cycle its last transfer does, and the unit's output goes out transfer by transfer while the unit
 * holds it (dsl/INTERFACE.md, "AXI4-Stream wrapper").
 */
public final class WrapAxis implements RtlPass {
    private final AxisWrap wrap;

    public WrapAxis(AxisWrap wrap) {
        this.wrap = wrap;
    }

    @Override
    public String name() {
        return "wrap-axis";
    }

    /** The wrapper module's name for a top module. */
    public static String moduleName(String unitTop) {
        return unitTop + SUFFIX;
    }

    /** The wrapped top module's name, given the wrapper's. */
    public static String unitOf(String wrapperModule) {
        if (!wrapperModule.endsWith(SUFFIX)) {
            throw new IllegalArgumentException("not a wrapper module name: " + wrapperModule);
        }
        return wrapperModule.substring(0, wrapperModule.length() - SUFFIX.length());
    }

    private static final String SUFFIX = "_axis";

    @Override
    public RtlDesign run(RtlDesign design) {
        RtlModule unit = design.top();
        int t = wrap.tdataWidth();
        List<RtlPort> ports = new ArrayList<>(List.of(RtlPort.inBit("clk"), RtlPort.inBit("rst")));
        List<ArrayItem.Connection> connections = new ArrayList<>(List.of(
                new ArrayItem.Connection("clk", "clk"), new ArrayItem.Connection("rst", "rst")));
        List<AxisWrapBody.Slave> slaves = new ArrayList<>();
        for (AxisWrap.Channel c : wrap.slaves()) {
            addPorts(ports, c.axis(), t);
            connect(connections, c);
            slaves.add(slave(c, t));
        }
        AxisWrap.Channel m = wrap.master();
        addPorts(ports, m.axis(), t);
        connect(connections, m);
        ArrayItem.Instance instance = new ArrayItem.Instance(unit.name(), "u_unit", List.of(), connections,
                unit.locator());
        String name = moduleName(unit.name());
        RtlModule wrapper = new RtlModule(name, "AXI4-Stream wrapper of " + unit.name() + ": " + t + "-bit tdata, "
                + "one channel per stream", unit.locator(), List.of(), ports,
                new AxisWrapBody(slaves, master(m, t), instance));
        List<RtlModule> modules = new ArrayList<>(design.modules());
        modules.add(wrapper);
        return new RtlDesign(modules, name, design.latencyCycles(), design.macsPerCycle());
    }

    private static void addPorts(List<RtlPort> ports, Stream s, int t) {
        ports.add(s.input() ? RtlPort.inBit(s.validPort()) : RtlPort.outBit(s.validPort()));
        ports.add(s.input() ? RtlPort.outBit(s.readyPort()) : RtlPort.inBit(s.readyPort()));
        Field tdata = s.fields().get(0);
        Field tlast = s.fields().get(1);
        ports.add(s.input() ? RtlPort.inFixed(s.portOf(tdata), t) : RtlPort.outFixed(s.portOf(tdata), t));
        ports.add(s.input() ? RtlPort.inBit(s.portOf(tlast)) : RtlPort.outBit(s.portOf(tlast)));
    }

    /** The unit's ports of channel {@code c}'s stream, each field its slice of the word. */
    private static void connect(List<ArrayItem.Connection> connections, AxisWrap.Channel c) {
        Stream s = c.unit();
        String word = wordWire(c);
        connections.add(new ArrayItem.Connection(s.validPort(), word + "_valid"));
        connections.add(new ArrayItem.Connection(s.readyPort(), word + "_ready"));
        for (int i = 0; i < s.fields().size(); i++) {
            Field f = s.fields().get(i);
            int at = c.fieldOffsets().get(i);
            String slice = f.width() == c.wordWidth() ? word
                    : f.width() == 1 ? word + "[" + at + "]" : word + "[" + at + " +: " + f.width() + "]";
            connections.add(new ArrayItem.Connection(s.portOf(f), slice));
        }
    }

    private static String wordWire(AxisWrap.Channel c) {
        return c.unit().name() + "_word";
    }

    private static AxisWrapBody.Channel channel(AxisWrap.Channel c, int t, List<String> unused) {
        int n = c.transfers();
        int w = c.wordWidth();
        int countWidth = Math.max(1, 32 - Integer.numberOfLeadingZeros(n - 1));
        StringBuilder comment = new StringBuilder(c.axis().name() + " carries stream '" + c.unit().name() + "': a "
                + w + "-bit word (");
        for (int i = 0; i < c.unit().fields().size(); i++) {
            comment.append(i == 0 ? "" : ", ").append(c.unit().portOf(c.unit().fields().get(i))).append(" at bit ")
                    .append(c.fieldOffsets().get(i));
        }
        comment.append(") in ").append(n).append(n == 1 ? " transfer" : " transfers").append(" of ").append(t)
                .append(" bits");
        String prefix = c.axis().name();
        return new AxisWrapBody.Channel(comment.toString(), prefix, wordWire(c), range(w), n > 1,
                prefix + "_count", range(countWidth), countWidth + "'d0", countWidth + "'d1",
                countWidth + "'d" + (n - 1), prefix + "_final", prefix + "_full", range(n * t),
                unused.isEmpty() ? null : String.join(", ", unused), n, t, countWidth);
    }

    private static AxisWrapBody.Slave slave(AxisWrap.Channel c, int t) {
        int n = c.transfers();
        int w = c.wordWidth();
        String prefix = c.axis().name();
        String tdata = prefix + "_tdata";
        // a slave takes tlast as AXI4-Stream lets it (the word's length is known): only the count decides
        List<String> unused = new ArrayList<>(List.of(prefix + "_tlast"));
        if (n * t > w) {
            unused.add(0, (n > 1 ? prefix + "_full" : tdata) + "[" + (n * t - 1) + ":" + w + "]");
        }
        AxisWrapBody.Channel ch = channel(c, t, unused);
        String held = prefix + "_held";
        int heldWidth = (n - 1) * t;
        String heldNext = n == 2 ? tdata : "{" + tdata + ", " + held + "[" + (heldWidth - 1) + ":" + t + "]}";
        String source = n > 1 ? ch.full() : tdata;
        String wordExpr = n * t == w ? source : source + "[" + (w - 1) + ":0]";
        return new AxisWrapBody.Slave(ch, held, range(heldWidth), heldNext, "{" + tdata + ", " + held + "}", wordExpr);
    }

    private static AxisWrapBody.Master master(AxisWrap.Channel c, int t) {
        int n = c.transfers();
        int w = c.wordWidth();
        AxisWrapBody.Channel ch = channel(c, t, List.of());
        String padded = n * t == w ? ch.word() : "{" + (n * t - w) + "'d0, " + ch.word() + "}";
        String tdataExpr = n > 1 ? ch.full() + "[" + ch.count() + "*" + t + " +: " + t + "]" : padded;
        return new AxisWrapBody.Master(ch, padded, tdataExpr);
    }

    /** A declaration range with its trailing space, empty for one bit. */
    private static String range(int width) {
        return width == 1 ? "" : "[" + (width - 1) + ":0] ";
    }
}
