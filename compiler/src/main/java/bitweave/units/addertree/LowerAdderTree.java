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
 * lower-adder-tree: N columns of K multipliers, each column feeding a binary adder tree.
 *
 * <p>Each column's tree has LEVELS = ceil(log2 K) adder levels above the product level (level 0).
 * Level j is followed by a register when j >= LEVELS + 1 - PIPE, i.e. the PIPE stages sit nearest the
 * root (PIPE = 1 registers the finished dot product; PIPE = LEVELS + 1 also registers the products).
 * After the tree: fit (and the accumulator) into the column's output register. All registers shift
 * together when the output register is empty or being read (in_ready = !out_valid || out_ready).
 * Latency = PIPE + 1.
 *
 * <p>The two IR levels. Datapath modules: the dot unit's ({@link DotUnit}: one multiplier and one tree
 * adder, or OPT2's encoder, selectors, per-weight heaps and final adder), the column edge (fit, the
 * optional accumulator, the column's output register) and the control (the global stall, the output
 * valid). Array level: per column one dot unit in a generate loop, and the valid (and last) bits
 * travelling through the same PIPE stages once for all columns. With {@code transform
 * same_bit_weight_reduction} the units are {@link SameBitWeightTree}'s, the encoding of each a_i made
 * once for all N columns; the edge, the control and the flag stages are the same.
 */
public final class LowerAdderTree implements LoweringPass {
    @Override
    public String name() {
        return "lower-adder-tree";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof AdderTree t && !t.pe().hasBlockOperands();
    }

    @Override
    public RtlDesign lower(Design design) {
        return build(design, (AdderTree) design.top());
    }

    static RtlDesign build(Design design, AdderTree tree) {
        PeSpec pe = tree.pe();
        if (tree.k() < 1 || tree.columns() < 1 || tree.pipeline() < 0 || tree.pipeline() > AdderTree.maxPipeline(tree.k())) {
            throw new IllegalStateException("lower-adder-tree: unchecked adder tree: K=" + tree.k() + " N="
                    + tree.columns() + " pipeline=" + tree.pipeline() + " (pipeline must be 0.."
                    + AdderTree.maxPipeline(tree.k()) + ")");
        }
        String unit = design.unitName();
        String peLoc = pe.loc().locator();
        String treeLoc = tree.loc().locator();
        DotUnit dot = new DotUnit(pe, tree.k(), tree.sameBitWeight(), unit, treeLoc);

        RtlModule delay = LoweringSupport.delayModule(unit, treeLoc);
        RtlModule edge = DatapathModules.module(LoweringSupport.moduleName(unit, "edge"),
                tree.accumulate() ? "one column: acc = fit(acc + dot) until the group's last beat, then its output register"
                        : "one column: sum = fit(dot) into its output register", peLoc,
                edgeGraph(pe, dot.dotWidth(), tree.accumulate()));
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"),
                "the global stall (every register shifts while the output is empty or read) and the output valid",
                treeLoc, ctrlGraph(tree.accumulate(), treeLoc));
        List<RtlModule> modules = new ArrayList<>(List.of(delay));
        modules.addAll(dot.modules());
        List<ArrayItem> localParams = new ArrayList<>(dot.localParams());
        localParams.add(new LocalParam("COLUMNS", tree.columns() > 1 ? "N" : "1"));
        // column c's multiplier i: a_i (shared by the columns) times b[c*K + i]
        List<ArrayItem> columnItems = dot.unitItems(delay.name(), i -> i, i -> "in_b[(c*K+" + i + ")*B_W +: B_W]", "");
        List<ArrayItem> shared = dot.sharedItems("K");
        modules.add(edge);
        modules.add(ctrl);
        boolean wide = tree.columns() > 1;
        List<RtlParam> params = new ArrayList<>();
        params.add(new RtlParam("K", tree.k(), "number of products per beat"));
        if (wide) {
            params.add(new RtlParam("N", tree.columns(), "number of columns (dot products per beat, sharing a)"));
        }
        params.addAll(List.of(
                new RtlParam("PIPE", tree.pipeline(), "register stages inside the tree (0.." + AdderTree.maxPipeline(tree.k()) + ")"),
                new RtlParam("A_W", pe.a().width(), "width of a (" + pe.a().dslName() + ")"),
                new RtlParam("B_W", pe.b().width(), "width of b (" + pe.b().dslName() + ")"),
                new RtlParam("ACC_W", pe.acc().width(), "width of the result (" + pe.acc().dslName() + ", " + pe.policy().dslName() + ")")));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(tree), Map.of("in_a", "K*A_W",
                "in_b", wide ? "N*K*B_W" : "K*B_W", "out_sum", wide ? "N*ACC_W" : "ACC_W"));
        List<ArrayItem> body = topItems(tree, localParams, shared, columnItems, delay.name(), edge, ctrl.name(), peLoc,
                treeLoc);
        RtlModule top = new RtlModule(unit,
                "multiplier-adder tree '" + tree.name() + "' K=" + tree.k() + (wide ? " x N=" + tree.columns() : "")
                        + ", pipeline " + tree.pipeline() + (tree.accumulate() ? ", accumulate" : "")
                        + (tree.sameBitWeight() ? ", same-bit-weight reduction (OPT2)" : "") + ", of PE '" + pe.name() + "'",
                treeLoc, params, ports, new StructuralBody(body));
        modules.add(top);
        return new RtlDesign(modules, top.name(), tree.pipeline() + 1, tree.peakMacsPerCycle());
    }

    /**
     * The control, once for all columns: the stall ({@code advance}), the input handshake, the beat that
     * ends a group ({@code group_end}: every valid beat without accumulate) and the output valid.
     */
    public static Datapath ctrlGraph(boolean accumulate, String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        Value inValid = g.input("in_valid", 1);
        Value outReady = g.input("out_ready", 1);
        Value dotValid = g.input("dot_valid", 1);
        Value dotLast = accumulate ? g.input("dot_last", 1) : null;
        Value advance = g.output("advance", 1);
        Value inFire = g.output("in_fire", 1);
        Value groupEnd = g.output("group_end", 1);
        Value outValid = g.output("out_valid", 1);
        g.add(new Op.Logic(advance, Op.LogicKind.OR, List.of(g.not("out_empty", outValid), outReady), g.loc()));
        g.add(new Op.Logic(inFire, Op.LogicKind.AND, List.of(inValid, advance), g.loc()));
        if (accumulate) {
            g.add(new Op.Logic(groupEnd, Op.LogicKind.AND, List.of(dotValid, dotLast), g.loc()));
        } else {
            g.add(new Op.Extend(groupEnd, dotValid, false, g.loc())); // a wire: every valid beat ends its group
        }
        g.register(outValid, groupEnd, advance, BigInteger.ZERO);
        return g.build();
    }

    /** One column's end: fit (and the accumulator) into the column's output register. */
    static Datapath edgeGraph(PeSpec pe, int dotw, boolean accumulate) {
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value advance = g.input("advance", 1);
        Value dot = g.input("dot", dotw);
        Value dotValid = accumulate ? g.input("dot_valid", 1) : null;
        Value groupEnd = g.input("group_end", 1);
        Value outSum = g.output("out_sum", accw);

        Value fitted = g.fresh("fitted_sum", accw);
        if (accumulate) {
            Value accQ = g.fresh("acc_q", accw);
            MacDatapath.fit(g, fitted, MacDatapath.exactSum(g, accQ, pe.acc(), dot, "exact_sum"), pe);
            Value accStep = g.mux("acc_step", dotValid, fitted, accQ);
            Value accD = g.mux("acc_d", groupEnd, g.constant("acc_clear", accw, 0), accStep);
            g.register(accQ, accD, advance, BigInteger.ZERO);
        } else {
            int s = MacDatapath.sumWidth(pe.acc(), dotw);
            MacDatapath.fit(g, fitted, g.extend("exact_sum", dot, s, true), pe);
        }
        g.register(outSum, fitted, g.and("out_load", advance, groupEnd), BigInteger.ZERO);
        return g.build();
    }

    private static List<ArrayItem> topItems(AdderTree tree, List<ArrayItem> localParams, List<ArrayItem> shared,
                                            List<ArrayItem> columnItems, String delay, RtlModule edge, String ctrl,
                                            String peLoc, String treeLoc) {
        boolean accumulate = tree.accumulate();
        String flagWidth = accumulate ? "2" : "1";
        String first = accumulate ? "{in_fire, in_last}" : "in_fire";
        String validBit = accumulate ? "g_level[LEVELS].flags[1]" : "g_level[LEVELS].flags";
        List<ArrayItem> level = List.of(
                new LocalParam("LEVEL", "j"),
                new Wire("flags_d", flagWidth, false), new Wire("flags", flagWidth, false),
                new Branch("j == 0", "g_first", List.of(new Assign("flags_d", first)),
                        "g_next", List.of(new Assign("flags_d", "g_level[j-1].flags"))),
                Structure.delay(delay, "u_stage", flagWidth, DotUnit.STAGED, "advance", "flags_d", "flags", treeLoc));
        List<String> edgePorts = new ArrayList<>(List.of("clk", "clk", "rst", "rst", "advance", "advance",
                "dot", "dot"));
        if (accumulate) {
            edgePorts.addAll(List.of("dot_valid", validBit));
        }
        edgePorts.addAll(List.of("group_end", "group_end", "out_sum", "out_sum[c*ACC_W +: ACC_W]"));
        List<ArrayItem> column = new ArrayList<>(columnItems);
        column.add(Structure.instance(edge.name(), "u_edge", peLoc, edgePorts.toArray(String[]::new)));

        List<ArrayItem> items = new ArrayList<>(localParams);
        items.addAll(List.of(
                new Wire("advance", null, false), new Wire("in_fire", null, false), new Wire("group_end", null, false)));
        List<ArrayItem> generate = new ArrayList<>(shared);
        generate.addAll(List.of(
                new Loop("c", "0", "COLUMNS", "g_col", column),
                new Comment("the beat's valid" + (accumulate ? " and last flag travel" : " bit travels")
                        + " beside the trees, through the same stages"),
                new Loop("j", "0", "LEVELS + 1", "g_level", level)));
        items.add(new Generate(generate));
        items.add(new Assign("in_ready", "advance"));
        List<String> ctrlPorts = new ArrayList<>(List.of("clk", "clk", "rst", "rst", "in_valid", "in_valid",
                "out_ready", "out_ready", "dot_valid", validBit));
        if (accumulate) {
            ctrlPorts.addAll(List.of("dot_last", "g_level[LEVELS].flags[0]"));
        }
        ctrlPorts.addAll(List.of("advance", "advance", "in_fire", "in_fire", "group_end", "group_end",
                "out_valid", "out_valid"));
        items.add(Structure.instance(ctrl, "u_ctrl", treeLoc, ctrlPorts.toArray(String[]::new)));
        return items;
    }
}
