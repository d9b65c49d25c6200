package bitweave.units.mx;

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
import java.util.List;
import java.util.Map;

/**
 * lower-dequantizer: one block per beat; K lane modules (a generate loop) each turn an element code and the
 * shared scale code into an output value, into the output register. Handshake and latency 1 as the
 * quantizer's ({@link LowerQuantizer#ctrlGraph}).
 */
public final class LowerDequantizer implements LoweringPass {
    @Override
    public String name() {
        return "lower-dequantizer";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof Dequantizer;
    }

    @Override
    public RtlDesign lower(Design design) {
        Dequantizer dq = (Dequantizer) design.top();
        String unit = design.unitName();
        String loc = dq.loc().locator();
        int outBits = dq.output().width();
        RtlModule lane = DatapathModules.module(LoweringSupport.moduleName(unit, "lane"),
                "one element: code x 2^scale, rounded to nearest even into " + dq.output(), loc,
                new DequantizerGraphs(dq).laneGraph(loc));
        RtlModule hold = DatapathModules.module(LoweringSupport.moduleName(unit, "hold"), "the output register", loc,
                LoweringSupport.loadedRegister(dq.blockSize() * outBits));
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"),
                "the handshake: the output register loads while it is empty or being read", loc,
                LowerQuantizer.ctrlGraph(loc));
        List<ArrayItem> laneItems = List.of(Structure.instance(lane.name(), "u_lane", loc, "scale", "in_scale",
                "code", "in_elem[i*ELEM_W +: ELEM_W]", "y", "y_d[i*OUT_W +: OUT_W]"));
        List<ArrayItem> body = List.of(
                new Wire("y_d", "K*OUT_W", false),
                new Wire("in_fire", null, false),
                new Wire("advance", null, false),
                new Generate(List.of(new Loop("i", "K", "g_lane", laneItems))),
                Structure.instance(hold.name(), "u_hold", loc, "clk", "clk", "rst", "rst", "load", "in_fire",
                        "value", "y_d", "held", "out_y"),
                Structure.instance(ctrl.name(), "u_ctrl", loc, "clk", "clk", "rst", "rst", "in_valid", "in_valid",
                        "out_ready", "out_ready", "advance", "advance", "in_fire", "in_fire", "out_valid", "out_valid"),
                new Assign("in_ready", "advance"));
        List<RtlParam> params = List.of(
                new RtlParam("K", dq.blockSize(), "elements per block (one block per beat)"),
                new RtlParam("SCALE_W", dq.format().scale().bits(), "width of the scale code (" + dq.format().scale().name() + ")"),
                new RtlParam("ELEM_W", dq.format().element().width(), "width of an element code (" + dq.format().element() + ")"),
                new RtlParam("OUT_W", outBits, "width of an output value (" + dq.output() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(dq), Map.of("in_scale", "SCALE_W",
                "in_elem", "K*ELEM_W", "out_y", "K*OUT_W"));
        RtlModule top = new RtlModule(unit, "dequantizer '" + dq.name() + "': " + dq.format().name() + " blocks of "
                + dq.blockSize() + " to " + dq.output(), loc, params, ports, new StructuralBody(body));
        return new RtlDesign(List.of(lane, hold, ctrl, top), top.name(), 1, 0);
    }
}
