package bitweave.units.addertree;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.PeSpec;
import bitweave.ir.TopInterface;
import bitweave.passes.DatapathModules;
import bitweave.passes.LoweringPass;
import bitweave.passes.LoweringSupport;
import bitweave.passes.MacDatapath;
import bitweave.passes.Structure;
import bitweave.rtl.ArrayItem.Assign;
import bitweave.rtl.ArrayItem.Branch;
import bitweave.rtl.ArrayItem.Comment;
import bitweave.rtl.ArrayItem.Generate;
import bitweave.rtl.ArrayItem.LocalParam;
import bitweave.rtl.ArrayItem.Loop;
import bitweave.rtl.ArrayItem.Wire;
import bitweave.rtl.ArrayItem;
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
 * lower-adder-tree: K multipliers feeding a binary adder tree.
 *
 * <p>The tree has LEVELS = ceil(log2 K) adder levels above the product level (level 0). Level j is
 * followed by a register when j >= LEVELS + 1 - PIPE, i.e. the PIPE stages sit nearest the root
 * (PIPE = 1 registers the finished dot product; PIPE = LEVELS + 1 also registers the products). After
 * the tree: fit (and the accumulator) into the output register. All registers shift together when the
 * output register is empty or being read (in_ready = !out_valid || out_ready).
 * Latency = PIPE + 1.
 *
 * <p>The multiplier-adder tree (lower-adder-tree) on the two IR levels. Datapath modules: one multiplier
 * (the exact product, sign-extended to the tree width), one tree adder, and the edge (fit, the optional
 * accumulator, the output register and the global stall). Array level: a binary heap of nodes in a
 * generate loop (leaves = products, inner nodes = adders), with a register stage after level j when
 * j >= LEVELS + 1 - PIPE, and the valid (and last) bits travelling through the same stages.
 */
public final class LowerAdderTree implements LoweringPass {
    private static int maxPipeline(int k) {
        return AdderTree.maxPipeline(k);
    }

    @Override
    public String name() {
        return "lower-adder-tree";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof AdderTree;
    }

    @Override
    public RtlDesign lower(Design design) {
        return build(design, (AdderTree) design.top());
    }

    static int levels(int k) {
        return k <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(k - 1);
    }

    static RtlDesign build(Design design, AdderTree tree) {
        PeSpec pe = tree.pe();
        if (tree.k() < 1 || tree.pipeline() < 0 || tree.pipeline() > AdderTree.maxPipeline(tree.k())) {
            throw new IllegalStateException("lower-adder-tree: unchecked adder tree: K=" + tree.k() + " pipeline="
                    + tree.pipeline() + " (pipeline must be 0.." + AdderTree.maxPipeline(tree.k()) + ")");
        }
        String unit = design.unitName();
        int levels = levels(tree.k());
        // Every node holds an exact partial dot product: the product width plus one bit per adder level.
        int dotw = MacDatapath.productWidth(pe.a(), pe.b()) + levels;
        String peLoc = pe.loc().locator();
        String treeLoc = tree.loc().locator();

        RtlModule delay = LoweringSupport.delayModule(unit, treeLoc);
        RtlModule mul = DatapathModules.module(LoweringSupport.moduleName(unit, "mul"),
                "one product a*b of PE '" + pe.name() + "', exact, sign-extended to the tree width", peLoc,
                mulGraph(pe, dotw));
        RtlModule add = DatapathModules.module(LoweringSupport.moduleName(unit, "add"),
                "one adder of the tree (exact: the tree width has a bit per level)", treeLoc, addGraph(dotw, treeLoc));
        RtlModule edge = DatapathModules.module(LoweringSupport.moduleName(unit, "edge"),
                tree.accumulate() ? "acc = fit(acc + dot) until the group's last beat, then the output register"
                        : "sum = fit(dot) into the output register", peLoc, edgeGraph(pe, dotw, tree.accumulate()));
        List<RtlParam> params = List.of(
                new RtlParam("K", tree.k(), "number of products per beat"),
                new RtlParam("PIPE", tree.pipeline(), "register stages inside the tree (0.." + AdderTree.maxPipeline(tree.k()) + ")"),
                new RtlParam("A_W", pe.a().width(), "width of a (" + pe.a().dslName() + ")"),
                new RtlParam("B_W", pe.b().width(), "width of b (" + pe.b().dslName() + ")"),
                new RtlParam("ACC_W", pe.acc().width(), "width of the result (" + pe.acc().dslName() + ", " + pe.policy().dslName() + ")"));
        RtlModule top = new RtlModule(unit,
                "multiplier-adder tree '" + tree.name() + "' K=" + tree.k() + ", pipeline " + tree.pipeline()
                        + (tree.accumulate() ? ", accumulate" : "") + ", of PE '" + pe.name() + "'",
                treeLoc, params,
                LoweringSupport.topPorts(TopInterface.of(tree), Map.of("in_a", "K*A_W", "in_b", "K*B_W", "out_sum", "ACC_W")),
                new StructuralBody(topItems(levels, dotw, tree.accumulate(), delay.name(), mul.name(), add.name(),
                        edge.name(), peLoc, treeLoc)));
        return new RtlDesign(List.of(delay, mul, add, edge, top), top.name(), tree.pipeline() + 1, tree.peakMacsPerCycle());
    }

    static Datapath mulGraph(PeSpec pe, int dotw) {
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value a = g.input("a", pe.a().width());
        Value b = g.input("b", pe.b().width());
        Value out = g.output("product", dotw);
        Value product = MacDatapath.product(g, a, pe.a(), b, pe.b(), "exact_product");
        g.add(new Op.Extend(out, product, true, g.loc()));
        return g.build();
    }

    static Datapath addGraph(int dotw, String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        Value l = g.input("l", dotw);
        Value r = g.input("r", dotw);
        Value sum = g.output("sum", dotw);
        g.add(new Op.Add(sum, l, r, false, loc));
        return g.build();
    }

    /** All registers of the tree shift together while the output register is empty or being read. */
    static Datapath edgeGraph(PeSpec pe, int dotw, boolean accumulate) {
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value inValid = g.input("in_valid", 1);
        Value outReady = g.input("out_ready", 1);
        Value dot = g.input("dot", dotw);
        Value dotValid = g.input("dot_valid", 1);
        Value dotLast = accumulate ? g.input("dot_last", 1) : null;
        Value advance = g.output("advance", 1);
        Value inFire = g.output("in_fire", 1);
        Value outValid = g.output("out_valid", 1);
        Value outSum = g.output("out_sum", accw);

        g.add(new Op.Logic(advance, Op.LogicKind.OR, List.of(g.not("out_empty", outValid), outReady), g.loc()));
        g.add(new Op.Logic(inFire, Op.LogicKind.AND, List.of(inValid, advance), g.loc()));
        Value fitted = g.fresh("fitted_sum", accw);
        Value beatEnd;
        if (accumulate) {
            Value accQ = g.fresh("acc_q", accw);
            MacDatapath.fit(g, fitted, MacDatapath.exactSum(g, accQ, pe.acc(), dot, "exact_sum"), pe);
            beatEnd = g.and("group_end", dotValid, dotLast);
            Value accStep = g.mux("acc_step", dotValid, fitted, accQ);
            Value accD = g.mux("acc_d", beatEnd, g.constant("acc_clear", accw, 0), accStep);
            g.register(accQ, accD, advance, BigInteger.ZERO);
        } else {
            int s = MacDatapath.sumWidth(pe.acc(), dotw);
            MacDatapath.fit(g, fitted, g.extend("exact_sum", dot, s, true), pe);
            beatEnd = dotValid;
        }
        g.register(outValid, beatEnd, advance, BigInteger.ZERO);
        g.register(outSum, fitted, g.and("out_load", advance, beatEnd), BigInteger.ZERO);
        return g.build();
    }

    private static List<ArrayItem> topItems(int levels, int dotw, boolean accumulate, String delay, String mul,
                                            String add, String edge, String peLoc, String treeLoc) {
        String staged = "(LEVEL >= LEVELS + 1 - PIPE) ? 1 : 0";
        List<ArrayItem> node = List.of(
                new LocalParam("LEVEL", "LEVELS + 1 - $clog2(n + 1)"),
                new Wire("value_d", "DOT_W", false), new Wire("value", "DOT_W", false),
                new Branch("n >= LEAVES", "g_leaf", List.of(
                        new Branch("n - LEAVES < K", "g_product", List.of(
                                Structure.instance(mul, "u_mul", peLoc, "a", "in_a[(n-LEAVES)*A_W +: A_W]",
                                        "b", "in_b[(n-LEAVES)*B_W +: B_W]", "product", "value_d")),
                                "g_padding", List.of(new Assign("value_d", "{DOT_W{1'b0}}")))),
                        "g_add", List.of(Structure.instance(add, "u_add", treeLoc, "l", "g_node[2*n].value",
                                "r", "g_node[2*n+1].value", "sum", "value_d"))),
                Structure.delay(delay, "u_stage", "DOT_W", staged, "advance", "value_d", "value", treeLoc));
        String flagWidth = accumulate ? "2" : "1";
        String first = accumulate ? "{in_fire, in_last}" : "in_fire";
        List<ArrayItem> level = List.of(
                new LocalParam("LEVEL", "j"),
                new Wire("flags_d", flagWidth, false), new Wire("flags", flagWidth, false),
                new Branch("j == 0", "g_first", List.of(new Assign("flags_d", first)),
                        "g_next", List.of(new Assign("flags_d", "g_level[j-1].flags"))),
                Structure.delay(delay, "u_stage", flagWidth, staged, "advance", "flags_d", "flags", treeLoc));
        List<ArrayItem> items = new ArrayList<>(List.of(
                new Comment("node n of a binary heap: 1 is the root, LEAVES..2*LEAVES-1 are the products (zero beyond K)"),
                new LocalParam("LEVELS", String.valueOf(levels)),
                new LocalParam("LEAVES", String.valueOf(1 << levels)),
                new LocalParam("DOT_W", String.valueOf(dotw)),
                new Wire("advance", null, false), new Wire("in_fire", null, false),
                new Generate(List.of(
                        new Loop("n", "1", "2*LEAVES", "g_node", node),
                        new Comment("the beat's valid" + (accumulate ? " and last flag travel" : " bit travels")
                                + " beside the tree, through the same stages"),
                        new Loop("j", "0", "LEVELS + 1", "g_level", level))),
                new Assign("in_ready", "advance")));
        List<String> edgePorts = new ArrayList<>(List.of("clk", "clk", "rst", "rst", "in_valid", "in_valid",
                "out_ready", "out_ready", "dot", "g_node[1].value",
                "dot_valid", accumulate ? "g_level[LEVELS].flags[1]" : "g_level[LEVELS].flags"));
        if (accumulate) {
            edgePorts.addAll(List.of("dot_last", "g_level[LEVELS].flags[0]"));
        }
        edgePorts.addAll(List.of("advance", "advance", "in_fire", "in_fire", "out_valid", "out_valid",
                "out_sum", "out_sum"));
        items.add(Structure.instance(edge, "u_edge", peLoc, edgePorts.toArray(String[]::new)));
        return items;
    }
}
