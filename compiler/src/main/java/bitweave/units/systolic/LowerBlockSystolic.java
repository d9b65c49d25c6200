package bitweave.units.systolic;

import bitweave.ir.ArraySpec;
import bitweave.ir.BlockOperands;
import bitweave.ir.Design;
import bitweave.ir.PeSpec;
import bitweave.ir.TopInterface;
import bitweave.passes.DatapathModules;
import bitweave.passes.LoweringPass;
import bitweave.passes.LoweringSupport;
import bitweave.passes.Structure;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.ArrayItem.Assign;
import bitweave.rtl.ArrayItem.Comment;
import bitweave.rtl.ArrayItem.Generate;
import bitweave.rtl.ArrayItem.LocalParam;
import bitweave.rtl.ArrayItem.Loop;
import bitweave.rtl.ArrayItem.Wire;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlParam;
import bitweave.rtl.RtlPort;
import bitweave.rtl.StructuralBody;
import bitweave.units.addertree.DotUnit;
import bitweave.units.mx.BlockTreeGraphs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * lower-block-systolic: an output-stationary systolic array whose PE has block-format operands (MX or BFP). Each
 * step brings PE(r, c) one block of A's row r and one of B's column c; a lane is the block's scale code above its K
 * element codes, so the skew lines, the forwarding, the result holders and the flow control are the integer
 * array's ({@link LowerSystolicOs.Items}, same latency ROWS + COLS - 1).
 *
 * <p>The PE is structural: the block's K-wide {@link DotUnit} (the PE's integer multipliers for two's-complement
 * integer elements, otherwise the significand products shifted by the exponents) without register stages, the
 * block pair's exponent and NaN/Inf flags, and {@link BlockTreeGraphs#stepGraph}: the exact block sum rounded
 * once into acc's format and added into the PE's accumulator of that format (rounded to nearest even). All of
 * that is one cycle, as the integer PE's multiply-accumulate.
 */
public final class LowerBlockSystolic implements LoweringPass {
    @Override
    public String name() {
        return "lower-block-systolic";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof SystolicArray s && s.dataflow() == Dataflow.OUTPUT_STATIONARY && s.pe().hasBlockOperands();
    }

    @Override
    public RtlDesign lower(Design design) {
        SystolicArray array = (SystolicArray) design.top();
        PeSpec pe = array.pe();
        BlockOperands f = pe.blocks();
        String unit = design.unitName();
        String peLoc = pe.loc().locator();
        String arrayLoc = array.loc().locator();
        boolean held = array.output() == OutputMode.HELD;
        int accw = f.out().width();
        int k = f.blockSize();
        BlockTreeGraphs graphs = new BlockTreeGraphs(f, 1, DotUnit.dotWidth(pe, k));
        DotUnit dot = graphs.dotUnit(pe, false, unit, peLoc);

        RtlModule delay = LoweringSupport.delayModule(unit, arrayLoc);
        List<RtlModule> modules = new ArrayList<>(List.of(delay));
        modules.addAll(dot.modules());
        RtlModule specials = DatapathModules.module(LoweringSupport.moduleName(unit, "scale"),
                "one block pair: its exponent (the two scale codes added) and its NaN/Inf flags", peLoc,
                graphs.specialsGraph(peLoc));
        RtlModule step = DatapathModules.module(LoweringSupport.moduleName(unit, "acc"),
                "one PE's step: the block pair's exact sum rounded once into " + f.out() + ", added into the PE's "
                        + f.out() + " accumulator (rounded to nearest even), from +0 at a tile's first step"
                        + (held ? "; the tile's last step hands the result out" : "; the accumulator is the result"),
                peLoc, graphs.stepGraph(held, peLoc));
        modules.addAll(List.of(specials, step));
        RtlModule peModule = peModule(LoweringSupport.moduleName(unit, "pe"), pe, dot, graphs, delay.name(),
                specials.name(), step.name(), held);
        modules.add(peModule);
        String holdName = null;
        if (held) {
            RtlModule hold = DatapathModules.module(LoweringSupport.moduleName(unit, "hold"),
                    "holds one PE's result from the tile's last step until the next tile's", peLoc,
                    LowerSystolicOs.holdGraph(accw));
            modules.add(hold);
            holdName = hold.name();
        }
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"), held
                        ? "flow control: a tile's last beat waits while the previous tile's out beat is pending"
                        : "flow control: a tile's first beat waits while the previous tile's out beat is pending",
                arrayLoc, LowerSystolicOs.ctrlGraph(arrayLoc, held));
        modules.add(ctrl);

        List<RtlParam> params = List.of(
                new RtlParam("ROWS", array.rows(), "rows of the PE grid"),
                new RtlParam("COLS", array.cols(), "columns of the PE grid"),
                new RtlParam("K", k, "elements per block (one block pair per PE and step)"),
                new RtlParam("A_SCALE_W", f.a().scale().bits(), "a's scale code (" + f.a().scale().name() + ")"),
                new RtlParam("A_ELEM_W", f.a().element().width(), "a's element code (" + f.a().element() + ")"),
                new RtlParam("B_SCALE_W", f.b().scale().bits(), "b's scale code (" + f.b().scale().name() + ")"),
                new RtlParam("B_ELEM_W", f.b().element().width(), "b's element code (" + f.b().element() + ")"),
                new RtlParam("ACC_W", accw, "a result (" + f.out() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(array), Map.of(
                "in_a_scale", "ROWS*A_SCALE_W", "in_a_elem", "ROWS*K*A_ELEM_W", "in_b_scale", "COLS*B_SCALE_W",
                "in_b_elem", "COLS*K*B_ELEM_W", "out_c", "ROWS*COLS*ACC_W"));
        List<ArrayItem> body = new ArrayList<>(List.of(
                new Comment("a lane is one block: its scale code above its K element codes"),
                new LocalParam("A_W", "A_SCALE_W + K*A_ELEM_W"),
                new LocalParam("B_W", "B_SCALE_W + K*B_ELEM_W"),
                new Wire("in_a", "ROWS*A_W", false),
                new Wire("in_b", "COLS*B_W", false),
                new Generate(List.of(
                        new Loop("r", "ROWS", "g_lane_a", List.of(new Assign("in_a[r*A_W +: A_W]",
                                "{in_a_scale[r*A_SCALE_W +: A_SCALE_W], in_a_elem[r*K*A_ELEM_W +: K*A_ELEM_W]}"))),
                        new Loop("c", "COLS", "g_lane_b", List.of(new Assign("in_b[c*B_W +: B_W]",
                                "{in_b_scale[c*B_SCALE_W +: B_SCALE_W], in_b_elem[c*K*B_ELEM_W +: K*B_ELEM_W]}")))))));
        body.addAll(new LowerSystolicOs.Items(delay.name(), peModule.name(), holdName, null, ctrl.name(), peLoc,
                arrayLoc, false, false, held, false, 0).top());
        RtlModule top = new RtlModule(unit, "systolic array '" + array.name() + "' " + array.rows() + "x"
                + array.cols() + ", output_stationary" + (held ? "" : ", output direct") + ", over block formats "
                + f.a().name() + " x " + f.b().name() + " -> " + f.out() + " (one block of " + k + " per PE and step)"
                + ", of PE '" + pe.name() + "'", arrayLoc, params, ports, new StructuralBody(body));
        modules.add(top);
        return new RtlDesign(modules, top.name(), array.rows() + array.cols() - 1, array.peakMacsPerCycle());
    }

    /**
     * PE(r, c): the block pair's dot unit, its exponent and flags, the step; a and b (lanes), the valid/last marker
     * forwarded through one register each towards the neighbours (only the marker is reset).
     */
    private static RtlModule peModule(String name, PeSpec pe, DotUnit dot, BlockTreeGraphs graphs, String delay,
                                      String specials, String step, boolean held) {
        BlockOperands f = pe.blocks();
        int k = f.blockSize();
        int laneA = f.a().scale().bits() + k * f.a().element().width();
        int laneB = f.b().scale().bits() + k * f.b().element().width();
        int accw = f.out().width();
        String peLoc = pe.loc().locator();
        List<RtlPort> ports = new ArrayList<>(List.of(RtlPort.inBit("clk"), RtlPort.inBit("rst"),
                RtlPort.inFixed("a_in", laneA), RtlPort.inBit("valid_in"), RtlPort.inBit("last_in"),
                RtlPort.inFixed("b_in", laneB), RtlPort.outFixed("a_out", laneA), RtlPort.outBit("valid_out"),
                RtlPort.outBit("last_out"), RtlPort.outFixed("b_out", laneB)));
        if (held) {
            ports.addAll(List.of(RtlPort.outBit("result_load"), RtlPort.outFixed("result_value", accw)));
        } else {
            ports.add(RtlPort.outFixed("acc", accw));
        }
        List<ArrayItem> items = new ArrayList<>(List.of(
                new LocalParam("K", Integer.toString(k)),
                new LocalParam("A_SCALE_W", Integer.toString(f.a().scale().bits())),
                new LocalParam("A_W", Integer.toString(f.a().element().width())),
                new LocalParam("B_SCALE_W", Integer.toString(f.b().scale().bits())),
                new LocalParam("B_W", Integer.toString(f.b().element().width())),
                new LocalParam("PIPE", "0")));
        items.addAll(dot.localParams());
        items.add(new LocalParam("EXP_W", Integer.toString(graphs.exponentWidth())));
        items.addAll(List.of(
                new Comment("the tree has no register stages: the whole step is one cycle"),
                new Wire("advance", null, false), new Assign("advance", "1'b1")));
        List<ArrayItem> generate = new ArrayList<>(dot.unitItems(delay, i -> i, i -> "b_in[(" + i + ")*B_W +: B_W]",
                "", "a_in"));
        items.add(new Generate(generate));
        List<String> specialPorts = new ArrayList<>(List.of("a_scale", "a_in[K*A_W +: A_SCALE_W]",
                "b_scale", "b_in[K*B_W +: B_SCALE_W]"));
        if (graphs.specialsReadCodes()) {
            specialPorts.addAll(List.of("a_elem", "a_in[0 +: K*A_W]", "b_elem", "b_in[0 +: K*B_W]"));
        }
        specialPorts.addAll(List.of("exp", "exp", "nan", "nan", "inf_pos", "inf_pos", "inf_neg", "inf_neg"));
        items.addAll(List.of(
                new Comment("the block pair's exponent and NaN/Inf flags"),
                new Wire("exp", "EXP_W", false), new Wire("nan", null, false), new Wire("inf_pos", null, false),
                new Wire("inf_neg", null, false),
                Structure.instance(specials, "u_scale", peLoc, specialPorts.toArray(String[]::new))));
        List<String> stepPorts = new ArrayList<>(List.of("clk", "clk", "rst", "rst", "valid", "valid_in",
                "last", "last_in", "dot", "dot", "exp", "exp", "nan", "nan", "inf_pos", "inf_pos", "inf_neg", "inf_neg"));
        stepPorts.addAll(held ? List.of("result_load", "result_load", "result_value", "result_value")
                : List.of("acc", "acc"));
        items.add(Structure.instance(step, "u_acc", peLoc, stepPorts.toArray(String[]::new)));
        items.addAll(List.of(
                new Comment("a and b move on to the right and down; the valid/last marker with a"),
                Structure.delay(delay, "u_fwd_mark", "2", "1", "1'b1", "{valid_in, last_in}", "{valid_out, last_out}",
                        peLoc),
                Structure.dataDelay(delay, "u_fwd_a", Integer.toString(laneA), "1", "1'b1", "a_in", "a_out", peLoc),
                Structure.dataDelay(delay, "u_fwd_b", Integer.toString(laneB), "1", "1'b1", "b_in", "b_out", peLoc)));
        return new RtlModule(name, "output-stationary PE '" + pe.name() + "' over " + f.a().name() + " x "
                + f.b().name() + " blocks: acc = acc + round(block dot product) in " + f.out() + " per step", peLoc,
                List.of(), ports, new StructuralBody(items));
    }
}
