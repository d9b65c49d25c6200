package bitweave.units.mx;

import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import bitweave.passes.DatapathModules;
import bitweave.passes.LoweringPass;
import bitweave.passes.LoweringSupport;
import bitweave.passes.Structure;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.ArrayItem.Generate;
import bitweave.rtl.ArrayItem.Loop;
import bitweave.rtl.ArrayItem.Wire;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlParam;
import bitweave.rtl.RtlPort;
import bitweave.rtl.StructuralBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * lower-dequantizer: one block per beat; K lane modules (a generate loop) each turn an element code and the
 * shared scale code into an output value, into the output register. Handshake and latency 1 as the
 * quantizer's ({@link OutputStage}).
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
        OutputStage stage = new OutputStage(unit, loc, dq.blockSize() * outBits, "the values");
        List<ArrayItem> laneItems = List.of(Structure.instance(lane.name(), "u_lane", loc, "scale", "in_scale",
                "code", "in_elem[i*ELEM_W +: ELEM_W]", "y", "y_d[i*OUT_W +: OUT_W]"));
        List<ArrayItem> body = new ArrayList<>();
        body.add(new Wire("y_d", "K*OUT_W", false));
        body.addAll(OutputStage.wires());
        body.add(new Generate(List.of(new Loop("i", "K", "g_lane", laneItems))));
        body.addAll(stage.items(loc, "y_d", "out_y"));
        List<RtlParam> params = List.of(
                new RtlParam("K", dq.blockSize(), "elements per block (one block per beat)"),
                new RtlParam("SCALE_W", dq.format().scale().bits(), "width of the scale code (" + dq.format().scale().name() + ")"),
                new RtlParam("ELEM_W", dq.format().element().width(), "width of an element code (" + dq.format().element() + ")"),
                new RtlParam("OUT_W", outBits, "width of an output value (" + dq.output() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(dq), Map.of("in_scale", "SCALE_W",
                "in_elem", "K*ELEM_W", "out_y", "K*OUT_W"));
        RtlModule top = new RtlModule(unit, "dequantizer '" + dq.name() + "': " + dq.format().name() + " blocks of "
                + dq.blockSize() + " to " + dq.output(), loc, params, ports, new StructuralBody(body));
        return new RtlDesign(List.of(lane, stage.hold, stage.ctrl, top), top.name(), 1, 0);
    }
}
