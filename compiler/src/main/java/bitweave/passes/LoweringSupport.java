package bitweave.passes;

import bitweave.ir.Field;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import bitweave.rtl.DelayBody;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlParam;
import bitweave.rtl.RtlPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pieces shared by the lowering passes: the delay-line primitive, the top's port list (taken from
 * {@link TopInterface} so it cannot drift from the contract).
 */
public final class LoweringSupport {
    private LoweringSupport() {
    }

    /** Names of every generated module derive from the unit name so several designs can share a tree. */
    public static String moduleName(String unitName, String suffix) {
        return bitweave.ir.GeneratedNames.moduleName(unitName, suffix);
    }

    /**
     * A {@code width}-bit register {@code held} that takes {@code value} when {@code load} is high; data
     * only (a valid bit says when it holds a result), so no reset: the out register of a cube column or
     * a matrix unit.
     */
    public static bitweave.datapath.Datapath loadedRegister(int width) {
        bitweave.datapath.DatapathBuilder g = new bitweave.datapath.DatapathBuilder("");
        bitweave.datapath.Value load = g.input("load", 1);
        bitweave.datapath.Value value = g.input("value", width);
        bitweave.datapath.Value held = g.output("held", width);
        g.register(held, value, load, null);
        return g.build();
    }

    public static RtlModule delayModule(String designName, String locator) {
        return new RtlModule(moduleName(designName, "delay"),
                "delay line: DEPTH registers of W bits, shifted when en is high (DEPTH = 0 is a wire);"
                        + " RESET = 0 leaves them without reset (data a valid bit qualifies)",
                locator,
                List.of(new RtlParam("W", 1, "data width"), new RtlParam("DEPTH", 1, "number of register stages"),
                        new RtlParam("RESET", 1, "1: the registers reset to 0; 0: no reset (data lines)")),
                List.of(RtlPort.inBit("clk"), RtlPort.inBit("rst"), RtlPort.inBit("en"),
                        RtlPort.in("din", "W", 1), RtlPort.out("dout", "W", 1)),
                new DelayBody());
    }

    /**
     * The top's ports: clk, rst, then per stream (inputs first, in TopInterface order) valid, ready and
     * one port per field. {@code widthExprs} gives each multi-bit data port's width in parameters.
     */
    public static List<RtlPort> topPorts(TopInterface ti, Map<String, String> widthExprs) {
        List<RtlPort> ports = new ArrayList<>();
        ports.add(RtlPort.inBit("clk"));
        ports.add(RtlPort.inBit("rst"));
        for (Stream s : ti.inputs()) {
            addStream(ports, s, widthExprs);
        }
        addStream(ports, ti.output(), widthExprs);
        return ports;
    }

    private static void addStream(List<RtlPort> ports, Stream s, Map<String, String> widthExprs) {
        ports.add(s.input() ? RtlPort.inBit(s.validPort()) : RtlPort.outBit(s.validPort()));
        ports.add(s.input() ? RtlPort.outBit(s.readyPort()) : RtlPort.inBit(s.readyPort()));
        for (Field f : s.fields()) {
            // a carry-save field's two ports have the width of the field (widthExprs names the field)
            String expr = widthExprs.get(s.portOf(f));
            if (expr == null && f.width() != 1) {
                throw new IllegalStateException("no width expression for port " + s.portOf(f));
            }
            boolean flag = expr == null;
            for (String port : s.rtlPortsOf(f)) {
                if (s.input()) {
                    ports.add(flag ? RtlPort.inBit(port) : RtlPort.in(port, expr, f.width()));
                } else {
                    ports.add(flag ? RtlPort.outBit(port) : RtlPort.out(port, expr, f.width()));
                }
            }
        }
    }
}
