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
import bitweave.passes.EdgeAdder;
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
import bitweave.units.addertree.DotUnit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * lower-matrix: an M x N grid of K-wide dot-product units.
 *
 * <p>Dot unit (m, n) multiplies row m of A by column n of B (A broadcast along the grid's rows, B along
 * its columns) and sums the K exact products in the dot unit the adder tree builds ({@link DotUnit}):
 * a binary adder tree (LEVELS = ceil(log2 K) adder levels, a register stage after level j when j >=
 * LEVELS + 1 - PIPE), or with {@code transform same_bit_weight_reduction} (OPT2) one flat bit heap per
 * digit weight and one final adder, the Booth / EN-T encoding of each A[m][k] made once per beat and
 * shared by the N units of row m (B needs no encoding: its candidates ±b, ±2b are wiring and the
 * selector's inversion). Every unit ends in its accumulator: acc = fit(acc + dot) for each beat of a
 * group, and at the group's last beat the out register takes the result and acc returns to 0. The
 * beat's valid and last bits travel beside the units through the same PIPE stages, once for the whole
 * grid. All registers shift together while the out register is empty or being read (in_ready =
 * !out_valid || out_ready). Latency = PIPE + 1.
 *
 * <p>Datapath modules: the dot unit's, the accumulator of a unit, the flow control. Array level:
 * generate loops over m, n and inside the unit (the text does not grow with M, N, K).
 */
public final class LowerMatrix implements LoweringPass {
    @Override
    public String name() {
        return "lower-matrix";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof MatrixArray m && !m.pe().hasBlockOperands();
    }

    @Override
    public RtlDesign lower(Design design) {
        return build(design, (MatrixArray) design.top());
    }

    static RtlDesign build(Design design, MatrixArray mx) {
        PeSpec pe = mx.pe();
        if (mx.pipeline() < 0 || mx.pipeline() > MatrixArray.maxPipeline(mx.k())) {
            throw new IllegalStateException("lower-matrix: unchecked pipeline " + mx.pipeline() + " for K=" + mx.k());
        }
        String unit = design.unitName();
        String peLoc = pe.loc().locator();
        String mxLoc = mx.loc().locator();
        boolean pair = mx.compressedAccumulation();
        int stages = mx.edgePipeline();
        int accw = pe.acc().width();
        // with OPT1 and OPT2 the dot unit hands its final heap's pair to the accumulator's heap, unfused
        DotUnit dot = new DotUnit(pe, mx.k(), mx.sameBitWeight(), unit, mxLoc, pair ? accw : 0);

        RtlModule delay = LoweringSupport.delayModule(unit, mxLoc);
        RtlModule acc = pair
                ? DatapathModules.module(LoweringSupport.moduleName(unit, "acc"),
                        "compressed accumulation (OPT1): (acc_sum, acc_carry) = heap(" + (dot.endsInPair()
                                ? "dot pair" : "dot") + ", acc pair) mod 2^ACC_W per beat, no carry-propagate adder;"
                                + " the group's final pair goes to the edge adder", peLoc,
                        MatrixPairs.accGraph(pe, dot.dotWidth(), dot.endsInPair()))
                : DatapathModules.module(LoweringSupport.moduleName(unit, "acc"),
                        "acc = fit(acc + dot) until the group's last beat, then the out register", peLoc,
                        accGraph(pe, dot.dotWidth()));
        RtlModule edge = pair ? DatapathModules.module(LoweringSupport.moduleName(unit, "edge"),
                "a unit's one carry-propagate adder under compressed accumulation (OPT1): value = sum + carry mod"
                        + " 2^ACC_W" + (stages > 0 ? ", in " + stages + " register stages (edge_pipeline) that advance"
                        + " with the grid" : ""), mxLoc, EdgeAdder.graph(accw, stages, true, mxLoc)) : null;
        RtlModule hold = pair ? DatapathModules.module(LoweringSupport.moduleName(unit, "hold"),
                "the out register of one unit: loaded with the fused result of a group's last beat", peLoc,
                LoweringSupport.loadedRegister(accw)) : null;
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"),
                "flow control: the grid advances while the out register is empty or being read", mxLoc,
                ctrlGraph(mxLoc));
        List<RtlParam> params = List.of(
                new RtlParam("M", mx.m(), "rows of the grid (rows of A and C)"),
                new RtlParam("N", mx.n(), "columns of the grid (columns of B and C)"),
                new RtlParam("K", mx.k(), "products per dot unit and beat"),
                new RtlParam("PIPE", mx.pipeline(), "register stages inside each dot unit (0.."
                        + MatrixArray.maxPipeline(mx.k()) + ")"),
                new RtlParam("A_W", pe.a().width(), "width of a (" + pe.a().dslName() + ")"),
                new RtlParam("B_W", pe.b().width(), "width of b (" + pe.b().dslName() + ")"),
                new RtlParam("ACC_W", pe.acc().width(), "width of acc (" + pe.acc().dslName() + ", "
                        + pe.policy().dslName() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(mx), Map.of(
                "in_a", "M*K*A_W", "in_b", "K*N*B_W", "out_c", "M*N*ACC_W"));
        RtlModule top = new RtlModule(unit,
                "2D-Matrix '" + mx.name() + "' " + mx.m() + "x" + mx.n() + "x" + mx.k() + " (M x N dot units of K),"
                        + " pipeline " + mx.pipeline() + (mx.sameBitWeight() ? ", same-bit-weight reduction (OPT2)" : "")
                        + ", of PE '" + pe.name() + "'",
                mxLoc, params, ports,
                new StructuralBody(topItems(dot, delay.name(), acc.name(), ctrl.name(), peLoc, mxLoc,
                        pair ? MatrixPairs.unitEnd(acc.name(), edge.name(), hold.name(), stages, peLoc, mxLoc,
                                dot.endsInPair()) : null,
                        stages)));
        List<RtlModule> modules = new ArrayList<>(List.of(delay));
        modules.addAll(dot.modules());
        modules.add(acc);
        if (pair) {
            modules.addAll(List.of(edge, hold));
        }
        modules.addAll(List.of(ctrl, top));
        return new RtlDesign(modules, top.name(), mx.pipeline() + 1 + stages, mx.peakMacsPerCycle());
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

    /**
     * @param pairEnd with compressed accumulation, a unit's items after its dot unit (accumulator, edge
     *                adder, out register; {@link MatrixPairs#unitEnd}); null for the plain accumulator
     */
    private static List<ArrayItem> topItems(DotUnit dot, String delay, String acc, String ctrl, String peLoc,
                                            String mxLoc, List<ArrayItem> pairEnd, int stages) {
        String here = "g_m[m].g_n[n].";
        // unit (m, n)'s multiplier i: A[m][i] (element m*K + i of in_a, shared along row m) times B[i][n]
        List<ArrayItem> unit = new ArrayList<>();
        unit.add(new Comment("dot unit (m, n): row m of A times column n of B"));
        unit.addAll(dot.unitItems(delay, i -> "m*K+" + i, i -> "in_b[((" + i + ")*N+n)*B_W +: B_W]", here));
        if (pairEnd != null) {
            unit.addAll(pairEnd);
        } else {
            unit.add(Structure.instance(acc, "u_acc", peLoc, "clk", "clk", "rst", "rst", "advance", "advance",
                    "dot", "dot", "dot_valid", "g_level[LEVELS].flags[1]",
                    "dot_last", "g_level[LEVELS].flags[0]", "c", "out_c[(m*N+n)*ACC_W +: ACC_W]"));
        }
        String flags = stages > 0 ? "flags_late" : "g_level[LEVELS].flags";
        List<ArrayItem> level = List.of(
                new LocalParam("LEVEL", "j"),
                new Wire("flags_d", "2", false), new Wire("flags", "2", false),
                new Branch("j == 0", "g_first", List.of(new Assign("flags_d", "{in_fire, in_last}")),
                        "g_next", List.of(new Assign("flags_d", "g_level[j-1].flags"))),
                Structure.delay(delay, "u_stage", "2", DotUnit.STAGED, "advance", "flags_d", "flags", mxLoc));
        List<ArrayItem> items = new ArrayList<>(dot.localParams());
        if (stages > 0) {
            items.add(new Wire("flags_late", "2", false));
        }
        items.addAll(List.of(
                new Wire("advance", null, false), new Wire("in_fire", null, false),
                new Comment("back-pressure stalls the whole grid, so the units and the flags stay aligned"),
                Structure.instance(ctrl, "u_ctrl", mxLoc, "clk", "clk", "rst", "rst", "in_valid", "in_valid",
                        "out_ready", "out_ready", "dot_valid", flags + "[1]",
                        "dot_last", flags + "[0]", "advance", "advance", "in_fire", "in_fire",
                        "out_valid", "out_valid"),
                new Assign("in_ready", "advance")));
        List<ArrayItem> generate = new ArrayList<>(dot.sharedItems("M*K"));
        generate.addAll(List.of(
                new Comment("the beat's valid and last flag travel beside the units, through the same stages"),
                new Loop("j", "0", "LEVELS + 1", "g_level", level)));
        if (stages > 0) {
            generate.addAll(List.of(
                    new Comment("and through the " + stages + " stages of the units' edge adders"),
                    Structure.delay(delay, "u_edge_flags", "2", Integer.toString(stages), "advance",
                            "g_level[LEVELS].flags", "flags_late", mxLoc)));
        }
        generate.addAll(List.of(
                new Comment("A[m][k] reaches the N units of row m, B[k][n] the M units of column n"),
                new Loop("m", "M", "g_m", List.of(new Loop("n", "N", "g_n", unit)))));
        items.add(new Generate(generate));
        return items;
    }
}
