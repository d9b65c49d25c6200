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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * lower-quantizer: BLOCKS blocks per beat (one unless {@code channels} says more), after the channel
 * permutation (wiring). Per block the scale module finds the block maximum and the scale code, and K lane
 * modules (a generate loop) convert their values with that scale; the scales and the codes go into the
 * output register. The handshake is the adder tree's with no inner stages: the register
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
        boolean blockNaN = graphs.blockNaN();
        int scaleBits = q.format().scale().bits();
        int elemBits = q.format().element().width();
        int inBits = q.input().width();
        RtlModule scale = DatapathModules.module(LoweringSupport.moduleName(unit, "scale"),
                "the block maximum and the scale code (" + q.rule().rule().dslName() + ")", loc, graphs.scaleGraph(loc));
        RtlModule lane = DatapathModules.module(LoweringSupport.moduleName(unit, "lane"),
                "one element: the value over the scale, rounded (" + q.rule().encoding().rounding().dslName()
                        + ") into " + q.format().element(), loc, graphs.laneGraph(loc));
        OutputStage stage = new OutputStage(unit, loc, q.blocks() * scaleBits + q.channels() * elemBits,
                "the scale codes above the element codes");

        // the channel permutation is wiring: x_perm[j] = in_x[order[j]]
        String x = q.reordered() ? "x_perm" : "in_x";
        List<ArrayItem> laneItems = new ArrayList<>();
        List<String> lanePorts = new ArrayList<>(List.of("x", x + "[(b*K+i)*IN_W +: IN_W]", "scale",
                "scale_d[b*SCALE_W +: SCALE_W]"));
        if (blockNaN) {
            lanePorts.addAll(List.of("block_nan", "block_nan[b]"));
        }
        lanePorts.addAll(List.of("code", "elem_d[(b*K+i)*ELEM_W +: ELEM_W]"));
        laneItems.add(Structure.instance(lane.name(), "u_lane", loc, lanePorts.toArray(String[]::new)));
        List<String> scalePorts = new ArrayList<>(List.of("x", x + "[b*K*IN_W +: K*IN_W]", "scale",
                "scale_d[b*SCALE_W +: SCALE_W]"));
        if (blockNaN) {
            scalePorts.addAll(List.of("block_nan", "block_nan[b]"));
        }
        List<ArrayItem> blockItems = List.of(
                Structure.instance(scale.name(), "u_scale", loc, scalePorts.toArray(String[]::new)),
                new Loop("i", "K", "g_lane", laneItems));

        List<ArrayItem> body = new ArrayList<>();
        body.add(new Wire("scale_d", "BLOCKS*SCALE_W", false));
        if (blockNaN) {
            body.add(new Wire("block_nan", "BLOCKS", false));
        }
        body.add(new Wire("elem_d", "BLOCKS*K*ELEM_W", false));
        body.add(new Wire("held", "BLOCKS*SCALE_W + BLOCKS*K*ELEM_W", false));
        body.addAll(OutputStage.wires());
        if (q.reordered()) {
            body.add(new Wire("x_perm", "BLOCKS*K*IN_W", false));
            body.add(new ArrayItem.Comment("the channel order (reorder): position j takes input channel order[j]"));
            for (int j = 0; j < q.channels(); j++) {
                body.add(new Assign("x_perm[" + j + "*IN_W +: IN_W]", "in_x[" + q.order().get(j) + "*IN_W +: IN_W]"));
            }
        }
        body.add(new Generate(List.of(new Loop("b", "BLOCKS", "g_block", blockItems))));
        body.addAll(stage.items(loc, "{scale_d, elem_d}", "held"));
        body.add(new Assign("out_scale", "held[BLOCKS*K*ELEM_W +: BLOCKS*SCALE_W]"));
        body.add(new Assign("out_elem", "held[0 +: BLOCKS*K*ELEM_W]"));

        List<RtlParam> params = List.of(
                new RtlParam("BLOCKS", q.blocks(), "blocks per beat (channels / K)"),
                new RtlParam("K", q.blockSize(), "values per block"),
                new RtlParam("IN_W", inBits, "width of an input value (" + q.input() + ")"),
                new RtlParam("SCALE_W", scaleBits, "width of the scale code (" + q.format().scale().name() + ")"),
                new RtlParam("ELEM_W", elemBits, "width of an element code (" + q.format().element() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(q), Map.of("in_x", "BLOCKS*K*IN_W",
                "out_scale", "BLOCKS*SCALE_W", "out_elem", "BLOCKS*K*ELEM_W"));
        RtlModule top = new RtlModule(unit, "quantizer '" + q.name() + "': " + q.input() + " to " + q.format().name()
                + ", " + q.blocks() + " block" + (q.blocks() == 1 ? "" : "s") + " of " + q.blockSize() + " per beat"
                + (q.reordered() ? ", channels reordered" : ""), loc, params, ports, new StructuralBody(body));
        return new RtlDesign(List.of(scale, lane, stage.hold, stage.ctrl, top), top.name(), 1, 0);
    }
}
