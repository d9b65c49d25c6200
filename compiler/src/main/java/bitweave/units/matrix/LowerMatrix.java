package bitweave.units.matrix;

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
import java.util.List;
import java.util.Map;

/**
 * lower-matrix: an M x N grid of K-wide dot-product units.
 *
 * <p>Dot unit (m, n) multiplies row m of A by column n of B (A broadcast along the grid's rows, B along
 * its columns) and sums the K exact products in a binary adder tree, built as the adder tree's: a heap
 * of nodes in a generate loop (leaves = products, zero beyond K; inner nodes = adders), LEVELS =
 * ceil(log2 K) adder levels, a register stage after level j when j >= LEVELS + 1 - PIPE. Every unit
 * ends in its accumulator: acc = fit(acc + dot) for each beat of a group, and at the group's last beat
 * the out register takes the result and acc returns to 0. The beat's valid and last bits travel beside
 * the trees through the same stages, once for the whole grid. All registers shift together while the
 * out register is empty or being read (in_ready = !out_valid || out_ready). Latency = PIPE + 1.
 *
 * <p>Datapath modules: one multiplier, one tree adder, the accumulator of a unit, the flow control.
 * Array level: generate loops over m, n and the tree nodes (the text does not grow with M, N, K).
 */
public final class LowerMatrix implements LoweringPass {
    @Override
    public String name() {
        return "lower-matrix";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof MatrixArray;
    }

    @Override
    public RtlDesign lower(Design design) {
        return build(design, (MatrixArray) design.top());
    }

    static int levels(int k) {
        return k <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(k - 1);
    }

    static RtlDesign build(Design design, MatrixArray mx) {
        PeSpec pe = mx.pe();
        if (mx.pipeline() < 0 || mx.pipeline() > MatrixArray.maxPipeline(mx.k())) {
            throw new IllegalStateException("lower-matrix: unchecked pipeline " + mx.pipeline() + " for K=" + mx.k());
        }
        String unit = design.unitName();
        int levels = levels(mx.k());
        // Every tree node holds an exact partial dot product: the product width plus one bit per adder level.
        int dotw = MacDatapath.productWidth(pe.a(), pe.b()) + levels;
        String peLoc = pe.loc().locator();
        String mxLoc = mx.loc().locator();

        RtlModule delay = LoweringSupport.delayModule(unit, mxLoc);
        RtlModule mul = DatapathModules.module(LoweringSupport.moduleName(unit, "mul"),
                "one product a*b of PE '" + pe.name() + "', exact, sign-extended to the tree width", peLoc,
                mulGraph(pe, dotw));
        RtlModule add = DatapathModules.module(LoweringSupport.moduleName(unit, "add"),
                "one adder of a dot unit's tree (exact: the tree width has a bit per level)", mxLoc,
                addGraph(dotw, mxLoc));
        RtlModule acc = DatapathModules.module(LoweringSupport.moduleName(unit, "acc"),
                "acc = fit(acc + dot) until the group's last beat, then the out register", peLoc, accGraph(pe, dotw));
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"),
                "flow control: the grid advances while the out register is empty or being read", mxLoc,
                ctrlGraph(mxLoc));
        List<RtlParam> params = List.of(
                new RtlParam("M", mx.m(), "rows of the grid (rows of A and C)"),
                new RtlParam("N", mx.n(), "columns of the grid (columns of B and C)"),
                new RtlParam("K", mx.k(), "products per dot unit and beat"),
                new RtlParam("PIPE", mx.pipeline(), "register stages inside each tree (0.."
                        + MatrixArray.maxPipeline(mx.k()) + ")"),
                new RtlParam("A_W", pe.a().width(), "width of a (" + pe.a().dslName() + ")"),
                new RtlParam("B_W", pe.b().width(), "width of b (" + pe.b().dslName() + ")"),
                new RtlParam("ACC_W", pe.acc().width(), "width of acc (" + pe.acc().dslName() + ", "
                        + pe.policy().dslName() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(mx), Map.of(
                "in_a", "M*K*A_W", "in_b", "K*N*B_W", "out_c", "M*N*ACC_W"));
        RtlModule top = new RtlModule(unit,
                "2D-Matrix '" + mx.name() + "' " + mx.m() + "x" + mx.n() + "x" + mx.k() + " (M x N dot units of K),"
                        + " pipeline " + mx.pipeline() + ", of PE '" + pe.name() + "'",
                mxLoc, params, ports,
                new StructuralBody(topItems(levels, dotw, delay.name(), mul.name(), add.name(), acc.name(),
                        ctrl.name(), peLoc, mxLoc)));
        return new RtlDesign(List.of(delay, mul, add, acc, ctrl, top), top.name(), mx.pipeline() + 1,
                mx.peakMacsPerCycle());
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

    /** One unit's accumulator: acc = fit(acc + dot) on valid beats; the last one loads the out register. */
    static Datapath accGraph(PeSpec pe, int dotw) {
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value advance = g.input("advance", 1);
        Value dot = g.input("dot", dotw);
        Value dotValid = g.input("dot_valid", 1);
        Value dotLast = g.input("dot_last", 1);
        Value c = g.output("c", accw);

        Value accQ = g.fresh("acc_q", accw);
        Value fitted = g.fresh("fitted_sum", accw);
        MacDatapath.fit(g, fitted, MacDatapath.exactSum(g, accQ, pe.acc(), dot, "exact_sum"), pe);
        Value groupEnd = g.and("group_end", dotValid, dotLast);
        Value accStep = g.mux("acc_step", dotValid, fitted, accQ);
        Value accD = g.mux("acc_d", groupEnd, g.constant("acc_clear", accw, 0), accStep);
        g.register(accQ, accD, advance, BigInteger.ZERO);
        // Data only: out_valid (in the flow control) says when it holds a result, so no reset.
        g.register(c, fitted, g.and("out_load", advance, groupEnd), null);
        return g.build();
    }

    /** advance = !out_valid || out_ready; out_valid rises when a group's last beat leaves the trees. */
    static Datapath ctrlGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        Value inValid = g.input("in_valid", 1);
        Value outReady = g.input("out_ready", 1);
        Value dotValid = g.input("dot_valid", 1);
        Value dotLast = g.input("dot_last", 1);
        Value advance = g.output("advance", 1);
        Value inFire = g.output("in_fire", 1);
        Value outValid = g.output("out_valid", 1);
        g.add(new Op.Logic(advance, Op.LogicKind.OR, List.of(g.not("out_empty", outValid), outReady), loc));
        g.add(new Op.Logic(inFire, Op.LogicKind.AND, List.of(inValid, advance), loc));
        g.register(outValid, g.and("group_end", dotValid, dotLast), advance, BigInteger.ZERO);
        return g.build();
    }

    private static List<ArrayItem> topItems(int levels, int dotw, String delay, String mul, String add,
                                            String acc, String ctrl, String peLoc, String mxLoc) {
        String staged = "(LEVEL >= LEVELS + 1 - PIPE) ? 1 : 0";
        String here = "g_m[m].g_n[n]";
        List<ArrayItem> node = List.of(
                new LocalParam("LEVEL", "LEVELS + 1 - $clog2(i + 1)"),
                new Wire("value_d", "DOT_W", false), new Wire("value", "DOT_W", false),
                new Branch("i >= LEAVES", "g_leaf", List.of(
                        new Branch("i - LEAVES < K", "g_product", List.of(
                                Structure.instance(mul, "u_mul", peLoc, "a", "in_a[(m*K+i-LEAVES)*A_W +: A_W]",
                                        "b", "in_b[((i-LEAVES)*N+n)*B_W +: B_W]", "product", "value_d")),
                                "g_padding", List.of(new Assign("value_d", "{DOT_W{1'b0}}")))),
                        "g_add", List.of(Structure.instance(add, "u_add", mxLoc, "l", here + ".g_node[2*i].value",
                                "r", here + ".g_node[2*i+1].value", "sum", "value_d"))),
                Structure.delay(delay, "u_stage", "DOT_W", staged, "advance", "value_d", "value", mxLoc));
        List<ArrayItem> unit = List.of(
                new Comment("dot unit (m, n): row m of A times column n of B, node i of a binary heap"),
                new Loop("i", "1", "2*LEAVES", "g_node", node),
                Structure.instance(acc, "u_acc", peLoc, "clk", "clk", "rst", "rst", "advance", "advance",
                        "dot", here + ".g_node[1].value", "dot_valid", "g_level[LEVELS].flags[1]",
                        "dot_last", "g_level[LEVELS].flags[0]", "c", "out_c[(m*N+n)*ACC_W +: ACC_W]"));
        List<ArrayItem> level = List.of(
                new LocalParam("LEVEL", "j"),
                new Wire("flags_d", "2", false), new Wire("flags", "2", false),
                new Branch("j == 0", "g_first", List.of(new Assign("flags_d", "{in_fire, in_last}")),
                        "g_next", List.of(new Assign("flags_d", "g_level[j-1].flags"))),
                Structure.delay(delay, "u_stage", "2", staged, "advance", "flags_d", "flags", mxLoc));
        return List.of(
                new Comment("node i of each tree: 1 is the root, LEAVES..2*LEAVES-1 are the products (zero beyond K)"),
                new LocalParam("LEVELS", String.valueOf(levels)),
                new LocalParam("LEAVES", String.valueOf(1 << levels)),
                new LocalParam("DOT_W", String.valueOf(dotw)),
                new Wire("advance", null, false), new Wire("in_fire", null, false),
                new Comment("back-pressure stalls the whole grid, so the trees and the flags stay aligned"),
                Structure.instance(ctrl, "u_ctrl", mxLoc, "clk", "clk", "rst", "rst", "in_valid", "in_valid",
                        "out_ready", "out_ready", "dot_valid", "g_level[LEVELS].flags[1]",
                        "dot_last", "g_level[LEVELS].flags[0]", "advance", "advance", "in_fire", "in_fire",
                        "out_valid", "out_valid"),
                new Assign("in_ready", "advance"),
                new Generate(List.of(
                        new Comment("the beat's valid and last flag travel beside the trees, through the same stages"),
                        new Loop("j", "0", "LEVELS + 1", "g_level", level),
                        new Comment("A[m][k] reaches the N units of row m, B[k][n] the M units of column n"),
                        new Loop("m", "M", "g_m", List.of(new Loop("n", "N", "g_n", unit))))));
    }
}
