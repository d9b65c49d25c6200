package bitweave.units.mx;

import bitweave.ir.ArraySpec;
import bitweave.ir.BlockOperands;
import bitweave.ir.Design;
import bitweave.ir.PeSpec;
import bitweave.ir.TopInterface;
import bitweave.numeric.ElementFormat;
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
import bitweave.units.addertree.AdderTree;
import bitweave.units.addertree.DotUnit;
import bitweave.units.addertree.LowerAdderTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * lower-block-tree and lower-block-matrix: an adder tree or a 2D-Matrix ({@link BlockGrid}) whose PE has
 * block-format operands (MX or BFP). The integer datapath is the integer adder tree's own: per unit each block
 * is one K-wide {@link DotUnit} with the PIPE register stages inside. Two's-complement integer elements
 * (mxint8, bfp) are multiplied by the PE's integer multiplier (behavioral, Booth, ...; or OPT2's same-bit-weight
 * units, the encoding of each a made once for all columns); any other element pair by
 * {@link BlockTreeGraphs#productGraph} (significands multiplied, then the alignment shift by the exponents). Beside
 * each block its exponent (the two scale codes added) and its NaN/Inf flags travel through PIPE data registers.
 * Each column's edge adds its blocks' sums exactly, each shifted by its exponent, rounds once into the result
 * format and, with accumulate, adds that into the column's accumulator (rounded to nearest even); then the
 * output register. Control and latency (PIPE + 1) are the integer tree's.
 */
public final class LowerBlockTree implements LoweringPass {
    private final String name;
    private final Class<? extends ArraySpec> shape;

    /** The pass of one kind: lower-block-tree for the adder tree, lower-block-matrix for the 2D-Matrix. */
    private LowerBlockTree(String name, Class<? extends ArraySpec> shape) {
        this.name = name;
        this.shape = shape;
    }

    public static LowerBlockTree forAdderTree() {
        return new LowerBlockTree("lower-block-tree", AdderTree.class);
    }

    public static LowerBlockTree forMatrix() {
        return new LowerBlockTree("lower-block-matrix", bitweave.units.matrix.MatrixArray.class);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return shape.isInstance(top) && BlockGrid.of(top) != null;
    }

    @Override
    public RtlDesign lower(Design design) {
        BlockGrid tree = BlockGrid.of(design.top());
        PeSpec pe = tree.pe();
        BlockOperands f = pe.blocks();
        String unit = design.unitName();
        String peLoc = pe.loc().locator();
        String loc = tree.loc().locator();
        int block = f.blockSize();
        BlockTreeGraphs graphs = new BlockTreeGraphs(f, tree.blocks(), DotUnit.dotWidth(pe, block));
        DotUnit dot = graphs.dotUnit(pe, tree.sameBitWeight(), unit, loc);

        RtlModule delay = LoweringSupport.delayModule(unit, loc);
        List<RtlModule> modules = new ArrayList<>(List.of(delay));
        modules.addAll(dot.modules());
        RtlModule specials = DatapathModules.module(LoweringSupport.moduleName(unit, "scale"),
                "one block pair: its exponent (the two scale codes added) and its NaN/Inf flags", peLoc,
                graphs.specialsGraph(peLoc));
        RtlModule edge = DatapathModules.module(LoweringSupport.moduleName(unit, "edge"), (tree.accumulate()
                ? "one dot unit: its block sums added exactly and rounded once into " + f.out() + ", added into the "
                        + f.out() + " accumulator (rounded to nearest even) until the group's last beat"
                : "one dot unit: its block sums added exactly and rounded once into " + f.out())
                        + ", then its output register", loc, graphs.edgeGraph(tree.accumulate(), loc));
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"),
                "the global stall (every register shifts while the output is empty or read) and the output valid",
                loc, LowerAdderTree.ctrlGraph(tree.accumulate(), loc));
        modules.addAll(List.of(specials, edge, ctrl));

        List<RtlParam> params = new ArrayList<>(List.of(
                new RtlParam("K", block, "elements per block (products per dot unit)"),
                new RtlParam("BLOCKS", tree.blocks(), "blocks per dot unit per beat (" + (tree.isMatrix() ? "matrix" : "adder_tree")
                        + " K = " + tree.k() + ")")));
        if (tree.isMatrix()) {
            params.add(new RtlParam("M", tree.rows(), "rows of A and C"));
        }
        params.addAll(List.of(
                new RtlParam("N", tree.columns(), tree.isMatrix() ? "columns of B and C" : "columns (dot products per beat, sharing a)"),
                new RtlParam("PIPE", tree.pipeline(), "register stages inside each block's tree (0.."
                        + AdderTree.maxPipeline(block) + ")"),
                new RtlParam("A_SCALE_W", f.a().scale().bits(), "a's scale code (" + f.a().scale().name() + ")"),
                new RtlParam("A_W", f.a().element().width(), "a's element code (" + f.a().element() + ")"),
                new RtlParam("B_SCALE_W", f.b().scale().bits(), "b's scale code (" + f.b().scale().name() + ")"),
                new RtlParam("B_W", f.b().element().width(), "b's element code (" + f.b().element() + ")"),
                new RtlParam("OUT_W", f.out().width(), "a result (" + f.out() + ")")));
        String rows = tree.isMatrix() ? "M*" : "";
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(design.top()), Map.of(
                "in_a_scale", rows + "BLOCKS*A_SCALE_W", "in_a_elem", rows + "BLOCKS*K*A_W",
                "in_b_scale", "N*BLOCKS*B_SCALE_W", "in_b_elem", "N*BLOCKS*K*B_W", "out_" + tree.outField(),
                rows + "N*OUT_W"));
        List<ArrayItem> body = body(tree, dot, graphs, delay.name(), specials.name(), edge.name(), ctrl.name(),
                peLoc, loc);
        RtlModule top = new RtlModule(unit, (tree.isMatrix() ? "2D-Matrix '" : "multiplier-adder tree '") + tree.name()
                + "' over block formats " + f.a().name() + " x " + f.b().name() + " -> " + f.out() + ": "
                + (tree.isMatrix() ? "M=" + tree.rows() + " x " : "") + "K=" + tree.k() + " (" + tree.blocks()
                + " x " + block + ")" + (tree.columns() > 1 || tree.isMatrix() ? " x N=" + tree.columns() : "") + ", pipeline "
                + tree.pipeline() + (tree.accumulate() ? ", accumulate" : "")
                + (tree.sameBitWeight() ? ", same-bit-weight reduction (OPT2)" : "") + ", of PE '" + pe.name() + "'",
                loc, params, ports, new StructuralBody(body));
        modules.add(top);
        return new RtlDesign(modules, top.name(), tree.pipeline() + 1, design.top().peakMacsPerCycle());
    }

    private static List<ArrayItem> body(BlockGrid tree, DotUnit dot, BlockTreeGraphs graphs, String delay,
                                        String specials, String edge, String ctrl, String peLoc, String loc) {
        boolean accumulate = tree.accumulate();
        List<ArrayItem> items = new ArrayList<>();
        for (ArrayItem p : dot.localParams()) {
            // LEVELS places the plain tree's stages; the flags here take PIPE stages directly, so OPT2 needs none
            if (!(tree.sameBitWeight() && p instanceof LocalParam lp && lp.name().equals("LEVELS"))) {
                items.add(p);
            }
        }
        items.add(new LocalParam("EXP_W", Integer.toString(graphs.exponentWidth())));
        items.add(new LocalParam("SPEC_W", "EXP_W + 3"));
        items.addAll(List.of(new Wire("advance", null, false), new Wire("in_fire", null, false),
                new Wire("group_end", null, false)));
        String flagWidth = accumulate ? "2" : "1";
        items.addAll(List.of(new Wire("flags_d", flagWidth, false), new Wire("flags", flagWidth, false)));

        List<ArrayItem> generate = new ArrayList<>();
        String aCount = (tree.isMatrix() ? "M*" : "") + "BLOCKS*K";
        generate.addAll(dot.sharedItems(aCount, "in_a_elem"));

        List<String> specialPorts = new ArrayList<>(List.of(
                "a_scale", "in_a_scale[(r*BLOCKS+blk)*A_SCALE_W +: A_SCALE_W]",
                "b_scale", "in_b_scale[(c*BLOCKS+blk)*B_SCALE_W +: B_SCALE_W]"));
        if (graphs.specialsReadCodes()) {
            specialPorts.addAll(List.of("a_elem", "in_a_elem[(r*BLOCKS+blk)*K*A_W +: K*A_W]",
                    "b_elem", "in_b_elem[(c*BLOCKS+blk)*K*B_W +: K*B_W]"));
        }
        specialPorts.addAll(List.of("exp", "spec_d[3 +: EXP_W]", "nan", "spec_d[2]", "inf_pos", "spec_d[1]",
                "inf_neg", "spec_d[0]"));
        List<ArrayItem> blockItems = new ArrayList<>(dot.unitItems(delay, i -> "(r*BLOCKS+blk)*K+" + i,
                i -> "in_b_elem[((c*BLOCKS+blk)*K+" + i + ")*B_W +: B_W]", "g_row[r].g_col[c].g_blk[blk].", "in_a_elem"));
        blockItems.addAll(List.of(
                new Comment("the block pair's exponent and flags, through as many stages as its tree"),
                new Wire("spec_d", "SPEC_W", false), new Wire("spec", "SPEC_W", false),
                Structure.instance(specials, "u_scale", peLoc, specialPorts.toArray(String[]::new)),
                Structure.dataDelay(delay, "u_spec_stage", "SPEC_W", "PIPE", "advance", "spec_d", "spec", loc),
                new Assign("sums[blk*DOT_W +: DOT_W]", "dot"),
                new Assign("exps[blk*EXP_W +: EXP_W]", "spec[3 +: EXP_W]"),
                new Assign("nans[blk]", "spec[2]"),
                new Assign("inf_pos[blk]", "spec[1]"),
                new Assign("inf_neg[blk]", "spec[0]")));
        List<String> edgePorts = new ArrayList<>(List.of("clk", "clk", "rst", "rst", "advance", "advance",
                "sums", "sums", "exps", "exps", "nans", "nans", "inf_pos", "inf_pos", "inf_neg", "inf_neg"));
        if (accumulate) {
            edgePorts.addAll(List.of("dot_valid", "flags[1]"));
        }
        String out = "out_" + tree.outField();
        edgePorts.addAll(List.of("group_end", "group_end", "out_sum", out + "[(r*N+c)*OUT_W +: OUT_W]"));
        List<ArrayItem> column = List.of(
                new Wire("sums", "BLOCKS*DOT_W", false), new Wire("exps", "BLOCKS*EXP_W", false),
                new Wire("nans", "BLOCKS", false), new Wire("inf_pos", "BLOCKS", false), new Wire("inf_neg", "BLOCKS", false),
                new Loop("blk", "0", "BLOCKS", "g_blk", blockItems),
                Structure.instance(edge, "u_edge", loc, edgePorts.toArray(String[]::new)));
        generate.add(new Loop("r", "0", tree.isMatrix() ? "M" : "1", "g_row", List.of(new Loop("c", "0", "N", "g_col", column))));
        items.add(new Generate(generate));
        items.add(new Comment("the beat's valid" + (accumulate ? " and last flag travel" : " bit travels")
                + " beside the trees, through the same PIPE stages"));
        items.add(new Assign("flags_d", accumulate ? "{in_fire, in_last}" : "in_fire"));
        items.add(Structure.delay(delay, "u_flag_stage", flagWidth, "PIPE", "advance", "flags_d", "flags", loc));
        items.add(new Assign("in_ready", "advance"));
        List<String> ctrlPorts = new ArrayList<>(List.of("clk", "clk", "rst", "rst", "in_valid", "in_valid",
                "out_ready", "out_ready", "dot_valid", accumulate ? "flags[1]" : "flags"));
        if (accumulate) {
            ctrlPorts.addAll(List.of("dot_last", "flags[0]"));
        }
        ctrlPorts.addAll(List.of("advance", "advance", "in_fire", "in_fire", "group_end", "group_end",
                "out_valid", "out_valid"));
        items.add(Structure.instance(ctrl, "u_ctrl", loc, ctrlPorts.toArray(String[]::new)));
        return items;
    }
}
