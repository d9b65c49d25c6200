package bitweave.units.mx;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.passes.DatapathModules;
import bitweave.passes.LoweringSupport;
import bitweave.passes.Structure;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.RtlModule;
import java.math.BigInteger;
import java.util.List;

/**
 * The output stage every block-format unit shares: one register that loads the combinational result when it
 * is empty or being read, and the control that says so (in_ready = !out_valid || out_ready). Latency 1.
 */
final class OutputStage {
    final RtlModule hold;
    final RtlModule ctrl;

    OutputStage(String unit, String loc, int width, String what) {
        this.hold = DatapathModules.module(LoweringSupport.moduleName(unit, "hold"), "the output register: " + what,
                loc, LoweringSupport.loadedRegister(width));
        this.ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"),
                "the handshake: the output register loads while it is empty or being read", loc, ctrlGraph(loc));
    }

    /** The two instances and in_ready: {@code value} is loaded into {@code held} on each transfer. */
    List<ArrayItem> items(String loc, String value, String held) {
        return List.of(
                Structure.instance(hold.name(), "u_hold", loc, "clk", "clk", "rst", "rst", "load", "in_fire",
                        "value", value, "held", held),
                Structure.instance(ctrl.name(), "u_ctrl", loc, "clk", "clk", "rst", "rst", "in_valid", "in_valid",
                        "out_ready", "out_ready", "advance", "advance", "in_fire", "in_fire", "out_valid", "out_valid"),
                new ArrayItem.Assign("in_ready", "advance"));
    }

    /** The wires {@link #items} drives. */
    static List<ArrayItem> wires() {
        return List.of(new ArrayItem.Wire("in_fire", null, false), new ArrayItem.Wire("advance", null, false));
    }

    /** advance = the output register is empty or read; it loads on in_fire and its valid follows. */
    static Datapath ctrlGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        Value inValid = g.input("in_valid", 1);
        Value outReady = g.input("out_ready", 1);
        Value advance = g.output("advance", 1);
        Value inFire = g.output("in_fire", 1);
        Value outValid = g.output("out_valid", 1);
        g.add(new Op.Logic(advance, Op.LogicKind.OR, List.of(g.not("out_empty", outValid), outReady), g.loc()));
        g.add(new Op.Logic(inFire, Op.LogicKind.AND, List.of(inValid, advance), g.loc()));
        g.register(outValid, inValid, advance, BigInteger.ZERO);
        return g.build();
    }
}
