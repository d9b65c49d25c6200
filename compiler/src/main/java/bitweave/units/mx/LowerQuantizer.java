package bitweave.units.mx;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import bitweave.passes.DatapathModules;
import bitweave.passes.LoweringPass;
import bitweave.passes.LoweringSupport;
import bitweave.passes.Structure;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.ArrayItem.Assign;
import bitweave.rtl.ArrayItem.Generate;
import bitweave.rtl.ArrayItem.Loop;
import bitweave.rtl.ArrayItem.Wire;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlParam;
import bitweave.rtl.RtlPort;
import bitweave.rtl.StructuralBody;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * lower-quantizer: one block per beat. The scale module finds the block maximum and the scale code; K lane
 * modules, one per element in a generate loop, convert their value with that scale; the scale and the K
 * codes go into the output register. The handshake is the adder tree's with no inner stages: the register
 * loads when it is empty or being read (in_ready = !out_valid || out_ready). Latency 1.
 */
public final class LowerQuantizer implements LoweringPass {
    @Override
    public String name() {
        return "lower-quantizer";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof Quantizer;
    }

    @Override
    public RtlDesign lower(Design design) {
        Quantizer q = (Quantizer) design.top();
        String unit = design.unitName();
        String loc = q.loc().locator();
        QuantizerGraphs graphs = new QuantizerGraphs(q);
        boolean blockNaN = graphs.blockNaNPort();
        int scaleBits = q.format().scale().bits();
        int elemBits = q.format().element().width();
        int inBits = q.input().width();
        RtlModule scale = DatapathModules.module(LoweringSupport.moduleName(unit, "scale"),
                "the block maximum and the scale code (" + q.rule().rule().dslName() + ")", loc, graphs.scaleGraph(loc));
        RtlModule lane = DatapathModules.module(LoweringSupport.moduleName(unit, "lane"),
                "one element: the value over the scale, rounded (" + q.rule().encoding().rounding().dslName()
                        + ") into " + q.format().element(), loc, graphs.laneGraph(loc));
        RtlModule hold = DatapathModules.module(LoweringSupport.moduleName(unit, "hold"),
                "the output register: the scale code above the element codes", loc,
                LoweringSupport.loadedRegister(scaleBits + q.blockSize() * elemBits));
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"),
                "the handshake: the output register loads while it is empty or being read", loc, ctrlGraph(loc));

        List<ArrayItem> laneItems = new ArrayList<>();
        List<String> lanePorts = new ArrayList<>(List.of("x", "in_x[i*IN_W +: IN_W]", "scale", "scale_d"));
        if (blockNaN) {
            lanePorts.addAll(List.of("block_nan", "block_nan"));
        }
        lanePorts.addAll(List.of("code", "elem_d[i*ELEM_W +: ELEM_W]"));
        laneItems.add(Structure.instance(lane.name(), "u_lane", loc, lanePorts.toArray(String[]::new)));

        List<ArrayItem> body = new ArrayList<>();
        body.add(new Wire("scale_d", "SCALE_W", false));
        if (blockNaN) {
            body.add(new Wire("block_nan", null, false));
        }
        body.add(new Wire("elem_d", "K*ELEM_W", false));
        body.add(new Wire("held", "SCALE_W + K*ELEM_W", false));
        body.add(new Wire("in_fire", null, false));
        body.add(new Wire("advance", null, false));
        List<String> scalePorts = new ArrayList<>(List.of("x", "in_x", "scale", "scale_d"));
        if (blockNaN) {
            scalePorts.addAll(List.of("block_nan", "block_nan"));
        }
        body.add(Structure.instance(scale.name(), "u_scale", loc, scalePorts.toArray(String[]::new)));
        body.add(new Generate(List.of(new Loop("i", "K", "g_lane", laneItems))));
        body.add(Structure.instance(hold.name(), "u_hold", loc, "clk", "clk", "rst", "rst", "load", "in_fire", "value",
                "{scale_d, elem_d}", "held", "held"));
        body.add(Structure.instance(ctrl.name(), "u_ctrl", loc, "clk", "clk", "rst", "rst", "in_valid", "in_valid",
                "out_ready", "out_ready", "advance", "advance", "in_fire", "in_fire", "out_valid", "out_valid"));
        body.add(new Assign("in_ready", "advance"));
        body.add(new Assign("out_scale", "held[K*ELEM_W +: SCALE_W]"));
        body.add(new Assign("out_elem", "held[0 +: K*ELEM_W]"));

        List<RtlParam> params = List.of(
                new RtlParam("K", q.blockSize(), "values per block (one block per beat)"),
                new RtlParam("IN_W", inBits, "width of an input value (" + q.input() + ")"),
                new RtlParam("SCALE_W", scaleBits, "width of the scale code (" + q.format().scale().name() + ")"),
                new RtlParam("ELEM_W", elemBits, "width of an element code (" + q.format().element() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(q), Map.of("in_x", "K*IN_W",
                "out_scale", "SCALE_W", "out_elem", "K*ELEM_W"));
        RtlModule top = new RtlModule(unit, "quantizer '" + q.name() + "': " + q.input() + " to " + q.format().name()
                + " blocks of " + q.blockSize(), loc, params, ports, new StructuralBody(body));
        return new RtlDesign(List.of(scale, lane, hold, ctrl, top), top.name(), 1, 0);
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
