package bitweave.passes;

import bitweave.datapath.Datapath;
import bitweave.datapath.Value;
import bitweave.rtl.DatapathBody;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlPort;
import java.util.ArrayList;
import java.util.List;

/** Wraps a datapath graph as a module: ports from the graph (clk and rst first when it has registers). */
public final class DatapathModules {
    private DatapathModules() {
    }

    public static RtlModule module(String name, String summary, String locator, Datapath graph) {
        return new RtlModule(name, summary, locator, List.of(), ports(graph), new DatapathBody(graph));
    }

    public static List<RtlPort> ports(Datapath graph) {
        List<RtlPort> ports = new ArrayList<>();
        if (graph.clocked()) {
            ports.add(RtlPort.inBit("clk"));
            ports.add(RtlPort.inBit("rst"));
        }
        for (Value v : graph.inputs()) {
            ports.add(RtlPort.inFixed(v.name(), v.width()));
        }
        for (Value v : graph.outputs()) {
            ports.add(RtlPort.outFixed(v.name(), v.width()));
        }
        return ports;
    }
}
