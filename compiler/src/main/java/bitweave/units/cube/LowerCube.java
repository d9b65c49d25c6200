package bitweave.units.cube;

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
 * lower-cube: a 3D-Cube of X x Y x Z MAC PEs.
 *
 * <p>PE (z, y, x) gets A[z][y] (shared by the X PEs of its (z, y) row) and B[y][x] (shared by the Z PEs
 * of its (y, x) row) straight from the input beat and adds their product to the partial sum coming from
 * PE (z, y-1, x): p_out = fit(p_in + a*b), so the fit is applied after every step along y, y = 0 first,
 * as the golden model says. The chain along y is combinational (the paper's cube is a multiplier cube
 * feeding one reduction per output) and ends in one register per (z, x) column, the out register: one
 * pipeline stage, one beat per cycle. Back-pressure stalls the unit (in_ready = !out_valid || out_ready).
 * Latency = 1.
 *
 * <p>With {@code transform compressed_accumulation} (OPT1) the partial sum along y is a carry-save pair
 * and each PE two bit heaps, the product rows and then the incoming pair ({@link CubePairs}); each
 * column ends in one carry-propagate adder before its out register, or, with {@code raw_pairs}, in
 * two out registers holding the pair (out_c_sum, out_c_carry). Latency and flow control are the same.
 *
 * <p>Datapath modules: the PE (one multiply-accumulate step, combinational), the out register of a
 * column, the column end's adder (OPT1 only), and the flow control. Array level: generate loops over z, x and y (the text does not grow with
 * X, Y, Z).
 */
public final class LowerCube implements LoweringPass {
    @Override
    public String name() {
        return "lower-cube";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof CubeArray;
    }

    @Override
    public RtlDesign lower(Design design) {
        return build(design, (CubeArray) design.top());
    }

    static RtlDesign build(Design design, CubeArray cube) {
        PeSpec pe = cube.pe();
        String unit = design.unitName();
        String peLoc = pe.loc().locator();
        String cubeLoc = cube.loc().locator();

        boolean pair = cube.compressedAccumulation();
        // edge_pipeline N: the column ends' adders take N advancing cycles before the out register
        int stages = cube.edgePipeline();
        RtlModule delay = stages > 0 ? LoweringSupport.delayModule(unit, cubeLoc) : null;  // the valid bit's line
        RtlModule peModule = pair
                ? DatapathModules.module(LoweringSupport.moduleName(unit, "pe"),
                        "cube PE '" + pe.name() + "', compressed accumulation (OPT1): (p_sum_out, p_carry_out)"
                                + " = heap(a*b, p_sum_in, p_carry_in), one step along y, no carry-propagate adder",
                        peLoc, CubePairs.pe(pe))
                : DatapathModules.module(LoweringSupport.moduleName(unit, "pe"),
                        "cube PE '" + pe.name() + "': p_out = fit(p_in + a*b), one step along y", peLoc, peGraph(pe));
        RtlModule edge = pair && !cube.rawPairs()
                ? DatapathModules.module(LoweringSupport.moduleName(unit, "edge"),
                        "column end under compressed accumulation (OPT1): the column's one carry-propagate adder,"
                                + " value = sum + carry mod 2^ACC_W"
                                + (stages > 0 ? ", in " + stages + " register stages (edge_pipeline) that advance with"
                                + " the unit" : ""), cubeLoc, EdgeAdder.graph(pe.acc().width(), stages, true, cubeLoc))
                : null;
        RtlModule hold = DatapathModules.module(LoweringSupport.moduleName(unit, "hold"),
                "the out register of one (z, x) column: loaded when a beat is accepted", peLoc,
                LoweringSupport.loadedRegister(pe.acc().width()));
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"),
                "flow control: a beat is accepted while the out register is empty or being read", cubeLoc,
                ctrlGraph(cubeLoc, stages > 0));
        List<RtlParam> params = List.of(
                new RtlParam("X", cube.x(), "columns of B and C"),
                new RtlParam("Y", cube.y(), "the reduction axis: columns of A, rows of B, PEs per chain"),
                new RtlParam("Z", cube.z(), "rows of A and C"),
                new RtlParam("A_W", pe.a().width(), "width of a (" + pe.a().dslName() + ")"),
                new RtlParam("B_W", pe.b().width(), "width of b (" + pe.b().dslName() + ")"),
                new RtlParam("ACC_W", pe.acc().width(), "width of a partial sum (" + pe.acc().dslName() + ", "
                        + pe.policy().dslName() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(cube), Map.of(
                "in_a", "Z*Y*A_W", "in_b", "Y*X*B_W", "out_c", "Z*X*ACC_W"));
        RtlModule top = new RtlModule(unit,
                "3D-Cube '" + cube.name() + "' " + cube.x() + "x" + cube.y() + "x" + cube.z() + " (X x Y x Z) of PE '"
                        + pe.name() + "'",
                cubeLoc, params, ports,
                new StructuralBody(topItems(pair ? pairColumn(peModule.name(), edge, hold.name(), peLoc, cubeLoc, stages)
                        : column(peModule.name(), hold.name(), peLoc), ctrl.name(),
                        delay == null ? null : delay.name(), cubeLoc, stages)));
        List<RtlModule> modules = new ArrayList<>();
        if (delay != null) {
            modules.add(delay);
        }
        if (edge != null) {
            modules.addAll(List.of(peModule, edge, hold, ctrl, top));
        } else {
            modules.addAll(List.of(peModule, hold, ctrl, top));
        }
        return new RtlDesign(modules, top.name(), 1 + stages, cube.peakMacsPerCycle());
    }

    /** One step of a column: p_out = fit(p_in + a*b), combinational. */
    static Datapath peGraph(PeSpec pe) {
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value a = g.input("a", pe.a().width());
        Value b = g.input("b", pe.b().width());
        Value pIn = g.input("p_in", pe.acc().width());
        Value pOut = g.output("p_out", pe.acc().width());
        Value product = MacDatapath.product(g, a, pe.a(), b, pe.b(), "product");
        MacDatapath.fit(g, pOut, MacDatapath.exactSum(g, pIn, pe.acc(), product, "exact_sum"), pe);
        return g.build();
    }

    /**
     * advance = !out_valid || out_ready; out_valid follows in_valid on every advancing edge, or with a
     * pipelined edge adder ({@code piped}) the valid bit leaving the edge's stages ({@code valid_late}).
     */
    static Datapath ctrlGraph(String loc, boolean piped) {
        DatapathBuilder g = new DatapathBuilder(loc);
        Value inValid = g.input("in_valid", 1);
        Value outReady = g.input("out_ready", 1);
        Value validLate = piped ? g.input("valid_late", 1) : inValid;
        Value advance = g.output("advance", 1);
        Value inFire = g.output("in_fire", 1);
        Value outValid = g.output("out_valid", 1);
        g.add(new Op.Logic(advance, Op.LogicKind.OR, List.of(g.not("out_empty", outValid), outReady), loc));
        g.add(new Op.Logic(inFire, Op.LogicKind.AND, List.of(inValid, advance), loc));
        g.register(outValid, validLate, advance, BigInteger.ZERO);
        return g.build();
    }

    /** The items of one (z, x) column: Y PEs passing p along y, the out register. */
    private static List<ArrayItem> column(String pe, String hold, String peLoc) {
        List<ArrayItem> step = List.of(
                new Wire("p_in", "ACC_W", false), new Wire("p_out", "ACC_W", false),
                new Branch("y == 0", "g_first", List.of(new Assign("p_in", "{ACC_W{1'b0}}")),
                        "g_next", List.of(new Assign("p_in", "g_z[z].g_x[x].g_y[y-1].p_out"))),
                Structure.instance(pe, "u_pe", peLoc, "a", "in_a[(z*Y+y)*A_W +: A_W]",
                        "b", "in_b[(y*X+x)*B_W +: B_W]", "p_in", "p_in", "p_out", "p_out"));
        List<ArrayItem> column = List.of(
                new Comment("column (z, x): Y PEs pass the partial sum along y, y = 0 first"),
                new Loop("y", "Y", "g_y", step),
                new Comment("C[z][x] is the column's last partial sum, registered"),
                Structure.instance(hold, "u_hold", peLoc, "clk", "clk", "rst", "rst", "load", "in_fire",
                        "value", "g_z[z].g_x[x].g_y[Y-1].p_out", "held", "out_c[(z*X+x)*ACC_W +: ACC_W]"));
        return column;
    }

    /**
     * Compressed accumulation: the (sum, carry) pair flows along y ((0, 0) into y = 0); the column end
     * fuses it once ({@code edge}) before the out register, or, with raw pairs ({@code edge} null), two
     * out registers hold the pair for out_c_sum and out_c_carry.
     */
    private static List<ArrayItem> pairColumn(String pe, RtlModule edge, String hold, String peLoc, String cubeLoc,
                                              int stages) {
        List<ArrayItem> step = List.of(
                new Wire("p_sum_in", "ACC_W", false), new Wire("p_carry_in", "ACC_W", false),
                new Wire("p_sum_out", "ACC_W", false), new Wire("p_carry_out", "ACC_W", false),
                new Branch("y == 0", "g_first", List.of(new Assign("p_sum_in", "{ACC_W{1'b0}}"),
                                new Assign("p_carry_in", "{ACC_W{1'b0}}")),
                        "g_next", List.of(new Assign("p_sum_in", "g_z[z].g_x[x].g_y[y-1].p_sum_out"),
                                new Assign("p_carry_in", "g_z[z].g_x[x].g_y[y-1].p_carry_out"))),
                Structure.instance(pe, "u_pe", peLoc, "a", "in_a[(z*Y+y)*A_W +: A_W]",
                        "b", "in_b[(y*X+x)*B_W +: B_W]", "p_sum_in", "p_sum_in", "p_carry_in", "p_carry_in",
                        "p_sum_out", "p_sum_out", "p_carry_out", "p_carry_out"));
        String slice = "[(z*X+x)*ACC_W +: ACC_W]";
        String lastSum = "g_z[z].g_x[x].g_y[Y-1].p_sum_out";
        String lastCarry = "g_z[z].g_x[x].g_y[Y-1].p_carry_out";
        List<ArrayItem> column = new ArrayList<>(List.of(
                new Comment("column (z, x): Y PEs pass the (sum, carry) pair along y, y = 0 first"),
                new Loop("y", "Y", "g_y", step)));
        if (edge != null) {
            column.addAll(List.of(
                    new Comment("the column's one carry-propagate adder fuses the last pair; C[z][x], registered"
                            + (stages > 0 ? " (the adder's stages and the out register advance together)" : "")),
                    new Wire("c_value", "ACC_W", false),
                    EdgeAdder.instance(edge.name(), cubeLoc, stages, true, lastSum, lastCarry, "c_value"),
                    Structure.instance(hold, "u_hold", peLoc, "clk", "clk", "rst", "rst", "load",
                            stages > 0 ? "advance" : "in_fire", "value", "c_value", "held", "out_c" + slice)));
        } else {
            column.addAll(List.of(
                    new Comment("raw pairs: the last pair is registered unfused; C[z][x] = out_c_sum + out_c_carry"
                            + " mod 2^ACC_W"),
                    Structure.instance(hold, "u_hold_sum", peLoc, "clk", "clk", "rst", "rst", "load", "in_fire",
                            "value", lastSum, "held", "out_c_sum" + slice),
                    Structure.instance(hold, "u_hold_carry", peLoc, "clk", "clk", "rst", "rst", "load", "in_fire",
                            "value", lastCarry, "held", "out_c_carry" + slice)));
        }
        return column;
    }

    private static List<ArrayItem> topItems(List<ArrayItem> column, String ctrl, String delay, String cubeLoc,
                                            int stages) {
        List<ArrayItem> items = new ArrayList<>(List.of(
                new Wire("advance", null, false), new Wire("in_fire", null, false),
                new Comment("back-pressure stalls the unit: a beat is taken only when its result has a place")));
        if (stages > 0) {
            items.addAll(List.of(
                    new Comment("a beat's valid bit waits beside it in the edge adders' " + stages + " stages"),
                    new Wire("valid_late", null, false),
                    Structure.delay(delay, "u_valid_line", "1", Integer.toString(stages), "advance",
                            "in_fire", "valid_late", cubeLoc),
                    Structure.instance(ctrl, "u_ctrl", cubeLoc, "clk", "clk", "rst", "rst", "in_valid", "in_valid",
                            "out_ready", "out_ready", "valid_late", "valid_late", "advance", "advance",
                            "in_fire", "in_fire", "out_valid", "out_valid")));
        } else {
            items.add(Structure.instance(ctrl, "u_ctrl", cubeLoc, "clk", "clk", "rst", "rst", "in_valid", "in_valid",
                    "out_ready", "out_ready", "advance", "advance", "in_fire", "in_fire",
                    "out_valid", "out_valid"));
        }
        items.addAll(List.of(
                new Assign("in_ready", "advance"),
                new Comment("A[z][y] reaches the X PEs of row (z, y), B[y][x] the Z PEs of row (y, x)"),
                new Generate(List.of(
                        new Loop("z", "Z", "g_z", List.of(new Loop("x", "X", "g_x", column)))))));
        return items;
    }
}
