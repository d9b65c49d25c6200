package bitweave.units.mx;

import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import bitweave.numeric.BlockDot;
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
 * lower-block-dot: per block (a generate loop) the exact block sum of the K element products, its exponent
 * (the two scale codes' sum) and NaN/Inf flags; then the declared accumulation (exact with one rounding, or
 * ordered output-format additions); into the output register. Handshake and latency 1 as the quantizer's.
 */
public final class LowerBlockDot implements LoweringPass {
    @Override
    public String name() {
        return "lower-block-dot";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof BlockDotUnit;
    }

    @Override
    public RtlDesign lower(Design design) {
        BlockDotUnit dot = (BlockDotUnit) design.top();
        String unit = design.unitName();
        String loc = dot.loc().locator();
        BlockDotGraphs graphs = new BlockDotGraphs(dot);
        RtlModule block = DatapathModules.module(LoweringSupport.moduleName(unit, "dot"),
                "one block: the exact sum of its K element products, its exponent and its NaN/Inf flags", loc,
                graphs.blockGraph(loc));
        boolean exact = dot.rule().accumulation() == BlockDot.Accumulation.EXACT;
        RtlModule acc = DatapathModules.module(LoweringSupport.moduleName(unit, "acc"), exact
                ? "the exact sum of the block sums (each shifted by its exponent), rounded once into " + dot.rule().out()
                : "each block sum rounded into " + dot.rule().out() + ", then added in block order, each addition rounded",
                loc, exact ? graphs.accumulateGraph(loc) : graphs.orderedGraph(loc));
        int outBits = dot.rule().out().width();
        OutputStage stage = new OutputStage(unit, loc, outBits, "the dot product");
        List<ArrayItem> blockItems = List.of(Structure.instance(block.name(), "u_dot", loc,
                "a_scale", "in_a_scale[j*A_SCALE_W +: A_SCALE_W]", "a_elem", "in_a_elem[j*K*A_W +: K*A_W]",
                "b_scale", "in_b_scale[j*B_SCALE_W +: B_SCALE_W]", "b_elem", "in_b_elem[j*K*B_W +: K*B_W]",
                "sum", "sums[j*SUM_W +: SUM_W]", "exp", "exps[j*EXP_W +: EXP_W]", "nan", "nans[j]",
                "inf_pos", "inf_pos[j]", "inf_neg", "inf_neg[j]"));
        List<ArrayItem> body = new ArrayList<>(List.of(
                new ArrayItem.LocalParam("SUM_W", Integer.toString(graphs.blockSumWidth())),
                new ArrayItem.LocalParam("EXP_W", Integer.toString(graphs.exponentWidth())),
                new Wire("sums", "BLOCKS*SUM_W", false),
                new Wire("exps", "BLOCKS*EXP_W", false),
                new Wire("nans", "BLOCKS", false),
                new Wire("inf_pos", "BLOCKS", false),
                new Wire("inf_neg", "BLOCKS", false),
                new Wire("y_d", "OUT_W", false)));
        body.addAll(OutputStage.wires());
        body.add(new Generate(List.of(new Loop("j", "BLOCKS", "g_block", blockItems))));
        body.add(Structure.instance(acc.name(), "u_acc", loc, "sums", "sums", "exps", "exps", "nans", "nans",
                "inf_pos", "inf_pos", "inf_neg", "inf_neg", "y", "y_d"));
        body.addAll(stage.items(loc, "y_d", "out_y"));
        List<RtlParam> params = List.of(
                new RtlParam("BLOCKS", dot.blocks(), "blocks per operand"),
                new RtlParam("K", dot.blockSize(), "elements per block"),
                new RtlParam("A_SCALE_W", dot.rule().a().scale().bits(), "a's scale code (" + dot.rule().a().scale().name() + ")"),
                new RtlParam("A_W", dot.rule().a().element().width(), "a's element code (" + dot.rule().a().element() + ")"),
                new RtlParam("B_SCALE_W", dot.rule().b().scale().bits(), "b's scale code (" + dot.rule().b().scale().name() + ")"),
                new RtlParam("B_W", dot.rule().b().element().width(), "b's element code (" + dot.rule().b().element() + ")"),
                new RtlParam("OUT_W", outBits, "the result (" + dot.rule().out() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(dot), Map.of(
                "in_a_scale", "BLOCKS*A_SCALE_W", "in_a_elem", "BLOCKS*K*A_W", "in_b_scale", "BLOCKS*B_SCALE_W",
                "in_b_elem", "BLOCKS*K*B_W", "out_y", "OUT_W"));
        RtlModule top = new RtlModule(unit, "block dot product '" + dot.name() + "': " + dot.rule().a().name() + " x "
                + dot.rule().b().name() + ", " + dot.blocks() + " x " + dot.blockSize() + " elements, "
                + dot.rule().accumulation().dslName() + " accumulation",
                loc, params, ports, new StructuralBody(body));
        return new RtlDesign(List.of(block, acc, stage.hold, stage.ctrl, top), top.name(), 1, dot.peakMacsPerCycle());
    }
}
