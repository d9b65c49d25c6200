package bitweave.units.systolic;

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
 * lower-systolic-ws: a weight-stationary ROWS x COLS array.
 *
 * <p>A w beat writes every PE's weight register at once; w_ready is high only when no accepted
 * activation is still waiting for its out beat. x_r is skewed by r registers; partial sums enter row 0
 * as zero and flow down, each PE adding x_r * W[r][c] with fit (row 0 first). Column c's bottom result
 * is delayed by COLS-1-c registers so the out beat is aligned; a valid bit travels in a delay line of
 * ROWS+COLS-1 registers beside the data. Back-pressure stalls the whole array: every register shifts
 * only when the out stage is empty or being read (in_ready = !out_valid || out_ready).
 * Latency = ROWS + COLS - 1.
 *
 * <p>The weight-stationary array (lower-systolic-ws) on the two IR levels. Datapath modules: the PE
 * (weight register, x forwarding, p_out = fit(p_in + x*w)) and the flow control (global stall, the
 * in-flight count that gates weight loads). Array level: x skew, the PE grid, the output de-skew and the
 * valid line.
 */
public final class LowerSystolicWs implements LoweringPass {
    @Override
    public String name() {
        return "lower-systolic-ws";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof SystolicArray s && s.dataflow() == Dataflow.WEIGHT_STATIONARY;
    }

    @Override
    public RtlDesign lower(Design design) {
        return build(design, (SystolicArray) design.top());
    }

    static RtlDesign build(Design design, SystolicArray array) {
        PeSpec pe = array.pe();
        String unit = design.unitName();
        int aw = pe.a().width();
        int bw = pe.b().width();
        int accw = pe.acc().width();
        boolean direct = array.output() == OutputMode.DIRECT;
        boolean hostSkew = array.skew() == SkewMode.HOST;
        // the beat's valid bit (lane 0 of y with output direct) and the last lane: ROWS + COLS - 1 stages
        // edge_pipeline N: the column ends' adders take N advancing cycles more, the valid bit waits as long
        int stages = array.edgePipeline();
        int drain = array.rows() + array.cols() - 1 + stages;
        int latency = direct ? array.rows() + stages : drain;
        String peLoc = pe.loc().locator();
        String arrayLoc = array.loc().locator();

        RtlModule delay = LoweringSupport.delayModule(unit, arrayLoc);
        boolean pair = array.compressedAccumulation();
        RtlModule peModule = pair
                ? DatapathModules.module(LoweringSupport.moduleName(unit, "pe"),
                        "weight-stationary PE '" + pe.name() + "', compressed accumulation (OPT1): (p_sum_out, p_carry_out)"
                                + " = heap(x*w, p_sum_in, p_carry_in), no carry-propagate adder", peLoc,
                        CompressedAccumulation.weightStationaryPe(pe))
                : DatapathModules.module(LoweringSupport.moduleName(unit, "pe"),
                        "weight-stationary PE '" + pe.name() + "': p_out = fit(p_in + x*w)", peLoc, peGraph(pe));
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"),
                "flow control: the array advances while the out stage is empty or read; w loads only when no"
                        + " activation is in flight", arrayLoc, ctrlGraph(drain, arrayLoc));
        List<RtlParam> params = List.of(
                new RtlParam("ROWS", array.rows(), "rows of the PE grid (length of x)"),
                new RtlParam("COLS", array.cols(), "columns of the PE grid (length of y)"),
                new RtlParam("A_W", aw, "width of an activation x (" + pe.a().dslName() + ")"),
                new RtlParam("B_W", bw, "width of a weight w (" + pe.b().dslName() + ")"),
                new RtlParam("ACC_W", accw, "width of a partial sum (" + pe.acc().dslName() + ", " + pe.policy().dslName() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(array), Map.of(
                "w_data", "ROWS*COLS*B_W", "in_x", "ROWS*A_W", "out_y", "COLS*ACC_W"));
        RtlModule top = new RtlModule(unit,
                "systolic array '" + array.name() + "' " + array.rows() + "x" + array.cols()
                        + ", weight_stationary" + (direct ? ", output direct" : "") + (hostSkew ? ", skew host" : "")
                        + ", of PE '" + pe.name() + "'",
                arrayLoc, params, ports,
                new StructuralBody(pair
                        ? pairTopItems(delay.name(), peModule.name(), ctrl.name(),
                                array.rawPairs() ? null : edge(unit, arrayLoc, accw, stages).name(), peLoc, arrayLoc,
                                direct, hostSkew, stages)
                        : topItems(delay.name(), peModule.name(), ctrl.name(), peLoc, arrayLoc, direct, hostSkew)));
        List<RtlModule> modules = pair && !array.rawPairs()
                ? List.of(delay, peModule, edge(unit, arrayLoc, accw, stages), ctrl, top)
                : List.of(delay, peModule, ctrl, top);
        return new RtlDesign(modules, top.name(), latency, array.peakMacsPerCycle());
    }

    /** Compressed accumulation: the carry-propagate adder at a column end. */
    private static RtlModule edge(String unit, String arrayLoc, int accw, int stages) {
        return DatapathModules.module(LoweringSupport.moduleName(unit, "edge"),
                "column end under compressed accumulation (OPT1): the column's one carry-propagate adder,"
                        + " value = sum + carry mod 2^ACC_W"
                        + (stages > 0 ? ", in " + stages + " register stages (edge_pipeline) that advance with the array"
                        : ""), arrayLoc, EdgeAdder.graph(accw, stages, true, arrayLoc));
    }

    static Datapath peGraph(PeSpec pe) {
        int aw = pe.a().width();
        int bw = pe.b().width();
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value en = g.input("en", 1);
        Value wLoad = g.input("w_load", 1);
        Value wIn = g.input("w_in", bw);
        Value xIn = g.input("x_in", aw);
        Value pIn = g.input("p_in", accw);
        Value xOut = g.output("x_out", aw);
        Value pOut = g.output("p_out", accw);

        Value wQ = g.registerReset("w_q", wIn, wLoad);
        Value product = MacDatapath.product(g, xIn, pe.a(), wQ, pe.b(), "product");
        Value exact = MacDatapath.exactSum(g, pIn, pe.acc(), product, "exact_sum");
        Value fitted = g.fresh("fitted_sum", accw);
        MacDatapath.fit(g, fitted, exact, pe);
        // the weight is state the contract names (0 after reset); x and the partial sum are data
        g.register(xOut, xIn, en, null);
        g.register(pOut, fitted, en, null);
        return g.build();
    }

    /**
     * advance = !out_valid || out_ready; w_ready when no accepted activation is still in the array: the
     * count rises with in_fire and falls when the beat's marker leaves the drain line ({@code drained}
     * with advance: the out beat transfers, or with output direct its last lane has left the array).
     */
    static Datapath ctrlGraph(int drain, String loc) {
        // The count reaches at most drain + 1 (one accepted while the out beat waits); one spare bit.
        int countWidth = 32 - Integer.numberOfLeadingZeros(drain) + 1;
        DatapathBuilder g = new DatapathBuilder(loc);
        Value inValid = g.input("in_valid", 1);
        Value wValid = g.input("w_valid", 1);
        Value outReady = g.input("out_ready", 1);
        Value outValid = g.input("out_valid", 1);
        Value drained = g.input("drained", 1);
        Value advance = g.output("advance", 1);
        Value inFire = g.output("in_fire", 1);
        Value wReady = g.output("w_ready", 1);
        Value wFire = g.output("w_fire", 1);

        g.add(new Op.Logic(advance, Op.LogicKind.OR, List.of(g.not("out_empty", outValid), outReady), loc));
        g.add(new Op.Logic(inFire, Op.LogicKind.AND, List.of(inValid, advance), loc));
        Value outFire = g.and("drain_fire", drained, advance);
        Value inFlightQ = g.fresh("in_flight_q", countWidth);
        Value plus = g.add("in_flight_plus", inFlightQ, g.extend("in_fire_count", inFire, countWidth, false));
        Value inFlightD = g.fresh("in_flight_d", countWidth);
        g.add(new Op.Add(inFlightD, plus, g.extend("drain_count", outFire, countWidth, false), true, loc));
        g.register(inFlightQ, inFlightD, null, BigInteger.ZERO);
        Value anyInFlight = g.fresh("any_in_flight", 1);
        g.add(new Op.Reduce(anyInFlight, Op.LogicKind.OR, inFlightQ, loc));
        g.add(new Op.Not(wReady, anyInFlight, loc));
        g.add(new Op.Logic(wFire, Op.LogicKind.AND, List.of(wValid, wReady), loc));
        return g.build();
    }

    private static List<ArrayItem> skewX(String delay, String arrayLoc, boolean hostSkew) {
        if (hostSkew) {
            return List.of(
                    new Comment("the host has delayed x_r by r advancing cycles (cycles with in_ready high)"),
                    new Wire("x", "A_W", false),
                    new Assign("x", "in_x[r*A_W +: A_W]"));
        }
        return List.of(
                new Comment("x_r waits r cycles, so it meets the partial sum coming down from row r-1"),
                new Wire("x", "A_W", false),
                Structure.dataDelay(delay, "u_skew", "A_W", "r", "advance", "in_x[r*A_W +: A_W]", "x", arrayLoc));
    }

    /** Control, the in_ready assignment and the valid line: the same with and without the transform. */
    private static List<ArrayItem> control(String delay, String ctrl, String arrayLoc, boolean direct, int stages) {
        String extra = stages > 0 ? " + " + stages : "";
        List<ArrayItem> items = new ArrayList<>(List.of(
                new Wire("advance", null, false), new Wire("in_fire", null, false), new Wire("w_fire", null, false),
                new Wire("drained", null, false),
                new Comment("back-pressure stalls the whole array, so data, skew and valid bits keep their alignment"),
                Structure.instance(ctrl, "u_ctrl", arrayLoc, "clk", "clk", "rst", "rst", "in_valid", "in_valid",
                        "w_valid", "w_valid", "out_ready", "out_ready", "out_valid", "out_valid",
                        "drained", "drained", "advance", "advance", "in_fire", "in_fire", "w_ready", "w_ready",
                        "w_fire", "w_fire"),
                new Assign("in_ready", "advance")));
        if (direct) {
            items.addAll(List.of(
                    new Comment("the valid bit travels beside lane 0: ROWS stages from in to the out beat" + edgeNote(stages)
                            + "; the drain"),
                    new Comment("line follows the beat's last lane COLS-1 stages further (no weight load before it)"),
                    Structure.delay(delay, "u_valid_line", "1", "ROWS" + extra, "advance", "in_fire", "out_valid",
                            arrayLoc),
                    Structure.delay(delay, "u_drain_line", "1", "COLS - 1", "advance", "out_valid", "drained",
                            arrayLoc)));
        } else {
            items.addAll(List.of(
                    new Comment("the valid bit travels beside the data: ROWS+COLS-1 stages from in to the aligned out beat"
                            + edgeNote(stages)),
                    Structure.delay(delay, "u_valid_line", "1", "ROWS + COLS - 1" + extra, "advance", "in_fire",
                            "out_valid", arrayLoc),
                    new Assign("drained", "out_valid")));
        }
        return items;
    }

    private static String edgeNote(int stages) {
        return stages > 0 ? ", plus the edge adder's " + stages : "";
    }

    /** Column c's value reaches out_y through the de-skew line (held) or directly (output direct). */
    private static ArrayItem columnOut(String delay, String value, boolean direct, String arrayLoc) {
        return columnOut(delay, "u_deskew", "out_y", value, direct, arrayLoc);
    }

    private static ArrayItem columnOut(String delay, String instance, String port, String value, boolean direct,
                                       String arrayLoc) {
        String slice = port + "[c*ACC_W +: ACC_W]";
        return direct ? new Assign(slice, value)
                : Structure.dataDelay(delay, instance, "ACC_W", "COLS-1-c", "advance", value, slice, arrayLoc);
    }

    private static String deskewComment(boolean direct) {
        return direct ? "output direct: column c leaves c advancing cycles after column 0; the host de-skews"
                : "column c finishes c cycles after column 0: delay it COLS-1-c cycles so y is one aligned beat";
    }

    /**
     * Compressed accumulation: the (sum, carry) pair flows down each column (2*ACC_W wires between PEs,
     * (0, 0) into row 0); the column end adds it once, before the de-skew; with raw pairs ({@code edge}
     * null) both halves are de-skewed unfused, onto out_y_sum and out_y_carry.
     */
    private static List<ArrayItem> pairTopItems(String delay, String pe, String ctrl, String edge, String peLoc,
                                                String arrayLoc, boolean direct, boolean hostSkew, int stages) {
        List<ArrayItem> cell = List.of(
                new Wire("x_in", "A_W", false),
                new Wire("p_sum_in", "ACC_W", false), new Wire("p_carry_in", "ACC_W", false),
                new Wire("p_sum_out", "ACC_W", false), new Wire("p_carry_out", "ACC_W", false),
                new Comment("x leaving the right column is not read"),
                new Wire("x_out", "A_W", true),
                new Branch("c == 0", "g_from_skew", List.of(new Assign("x_in", "g_skew_x[r].x")),
                        "g_from_left", List.of(new Assign("x_in", "g_row[r].g_col[c-1].x_out"))),
                new Branch("r == 0", "g_from_top", List.of(new Assign("p_sum_in", "{ACC_W{1'b0}}"),
                                new Assign("p_carry_in", "{ACC_W{1'b0}}")),
                        "g_from_above", List.of(new Assign("p_sum_in", "g_row[r-1].g_col[c].p_sum_out"),
                                new Assign("p_carry_in", "g_row[r-1].g_col[c].p_carry_out"))),
                Structure.instance(pe, "u_pe", peLoc, "clk", "clk", "rst", "rst", "en", "advance",
                        "w_load", "w_fire", "w_in", "w_data[(r*COLS+c)*B_W +: B_W]", "x_in", "x_in",
                        "p_sum_in", "p_sum_in", "p_carry_in", "p_carry_in", "x_out", "x_out",
                        "p_sum_out", "p_sum_out", "p_carry_out", "p_carry_out"));
        List<ArrayItem> deskew = edge == null ? List.of(
                new Comment("raw pairs: column c's bottom pair, unfused; " + deskewComment(direct)),
                columnOut(delay, "u_deskew_sum", "out_y_sum", "g_row[ROWS-1].g_col[c].p_sum_out", direct, arrayLoc),
                columnOut(delay, "u_deskew_carry", "out_y_carry", "g_row[ROWS-1].g_col[c].p_carry_out", direct,
                        arrayLoc)) : List.of(
                new Comment("the column's one carry-propagate adder fuses the bottom pair"),
                new Wire("y", "ACC_W", false),
                EdgeAdder.instance(edge, arrayLoc, stages, true, "g_row[ROWS-1].g_col[c].p_sum_out",
                        "g_row[ROWS-1].g_col[c].p_carry_out", "y"),
                new Comment(deskewComment(direct)),
                columnOut(delay, "y", direct, arrayLoc));
        List<ArrayItem> items = new ArrayList<>(control(delay, ctrl, arrayLoc, direct, stages));
        items.add(new Generate(List.of(
                new Loop("r", "ROWS", "g_skew_x", skewX(delay, arrayLoc, hostSkew)),
                new Loop("r", "ROWS", "g_row", List.of(new Loop("c", "COLS", "g_col", cell))),
                new Loop("c", "COLS", "g_deskew", deskew))));
        return items;
    }

    private static List<ArrayItem> topItems(String delay, String pe, String ctrl, String peLoc, String arrayLoc,
                                            boolean direct, boolean hostSkew) {
        List<ArrayItem> cell = List.of(
                new Wire("x_in", "A_W", false), new Wire("p_in", "ACC_W", false), new Wire("p_out", "ACC_W", false),
                new Comment("x leaving the right column is not read"),
                new Wire("x_out", "A_W", true),
                new Branch("c == 0", "g_from_skew", List.of(new Assign("x_in", "g_skew_x[r].x")),
                        "g_from_left", List.of(new Assign("x_in", "g_row[r].g_col[c-1].x_out"))),
                new Branch("r == 0", "g_from_top", List.of(new Assign("p_in", "{ACC_W{1'b0}}")),
                        "g_from_above", List.of(new Assign("p_in", "g_row[r-1].g_col[c].p_out"))),
                Structure.instance(pe, "u_pe", peLoc, "clk", "clk", "rst", "rst", "en", "advance",
                        "w_load", "w_fire", "w_in", "w_data[(r*COLS+c)*B_W +: B_W]",
                        "x_in", "x_in", "p_in", "p_in", "x_out", "x_out", "p_out", "p_out"));
        List<ArrayItem> deskew = List.of(
                new Comment(deskewComment(direct)),
                columnOut(delay, "g_row[ROWS-1].g_col[c].p_out", direct, arrayLoc));
        List<ArrayItem> items = new ArrayList<>(control(delay, ctrl, arrayLoc, direct, 0));
        items.add(new Generate(List.of(
                new Loop("r", "ROWS", "g_skew_x", skewX(delay, arrayLoc, hostSkew)),
                new Loop("r", "ROWS", "g_row", List.of(new Loop("c", "COLS", "g_col", cell))),
                new Loop("c", "COLS", "g_deskew", deskew))));
        return items;
    }
}
