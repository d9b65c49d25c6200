package bitweave.units.systolic;

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
 * lower-systolic-os: an output-stationary ROWS x COLS array.
 *
 * <p>Row r of A enters PE(r,0) after r skew registers together with the beat's valid/last marker;
 * column c of B enters PE(0,c) after c registers; each PE forwards both through one register, so the
 * step meets in PE(r,c) r+c cycles after the beat was accepted. The result of PE(r,c) is captured in
 * slice (r,c) of the top's out register when the tile's last step reaches it; the out beat is valid
 * once the corner PE has delivered. Only a tile's last beat can be refused: while an earlier tile's out
 * beat has not transferred, a beat with in_last = 1 waits (it would overwrite the out register); beats with
 * in_last = 0 always stream in. Latency = ROWS + COLS - 1.
 *
 * <p>The output-stationary array (lower-systolic-os) on the two IR levels. Datapath modules: the PE
 * (operand forwarding, acc = fit(acc + a*b), result at the tile's last step), the result holder and the
 * flow control. Array level: skew lines for A (with the beat's valid/last marker) and B, the PE grid,
 * a holder per PE feeding slice (r, c) of out_c.
 */
public final class LowerSystolicOs implements LoweringPass {
    @Override
    public String name() {
        return "lower-systolic-os";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof SystolicArray s && s.dataflow() == Dataflow.OUTPUT_STATIONARY;
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
        String peLoc = pe.loc().locator();
        String arrayLoc = array.loc().locator();

        RtlModule delay = LoweringSupport.delayModule(unit, arrayLoc);
        boolean pair = array.compressedAccumulation();
        RtlModule peModule = pair
                ? DatapathModules.module(LoweringSupport.moduleName(unit, "pe"),
                        "output-stationary PE '" + pe.name() + "', compressed accumulation (OPT1): (sum, carry) ="
                                + " heap(a*b, sum, carry) per step, no carry-propagate adder; the pair at the tile's last step",
                        peLoc, CompressedAccumulation.outputStationaryPe(pe))
                : DatapathModules.module(LoweringSupport.moduleName(unit, "pe"),
                        "output-stationary PE '" + pe.name() + "': acc = fit(acc + a*b) per step, result at the tile's last step",
                        peLoc, peGraph(pe));
        boolean raw = array.rawPairs();
        RtlModule hold = pair && !raw
                ? DatapathModules.module(LoweringSupport.moduleName(unit, "hold"),
                        "holds one PE's final (sum, carry) pair until the next tile's; one carry-propagate adder fuses it",
                        peLoc, CompressedAccumulation.outputStationaryHold(accw))
                : DatapathModules.module(LoweringSupport.moduleName(unit, "hold"),
                        "holds one PE's result from the tile's last step until the next tile's", peLoc, holdGraph(accw));
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"),
                "flow control: a tile's last beat waits while the previous tile's out beat is pending", arrayLoc,
                ctrlGraph(arrayLoc));

        List<RtlParam> params = List.of(
                new RtlParam("ROWS", array.rows(), "rows of the PE grid"),
                new RtlParam("COLS", array.cols(), "columns of the PE grid"),
                new RtlParam("A_W", aw, "width of a (" + pe.a().dslName() + ")"),
                new RtlParam("B_W", bw, "width of b (" + pe.b().dslName() + ")"),
                new RtlParam("ACC_W", accw, "width of acc (" + pe.acc().dslName() + ", " + pe.policy().dslName() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(array), Map.of(
                "in_a", "ROWS*A_W", "in_b", "COLS*B_W", "out_c", "ROWS*COLS*ACC_W"));
        RtlModule top = new RtlModule(unit,
                "systolic array '" + array.name() + "' " + array.rows() + "x" + array.cols()
                        + ", output_stationary, of PE '" + pe.name() + "'",
                arrayLoc, params, ports, new StructuralBody(topItems(delay.name(), peModule.name(), hold.name(),
                        ctrl.name(), peLoc, arrayLoc, pair, raw)));
        return new RtlDesign(List.of(delay, peModule, hold, ctrl, top), top.name(),
                array.rows() + array.cols() - 1, array.peakMacsPerCycle());
    }

    /** PE(r, c): registers a (with valid/last) and b towards the neighbours; accumulates on valid steps. */
    static bitweave.datapath.Datapath peGraph(PeSpec pe) {
        int aw = pe.a().width();
        int bw = pe.b().width();
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value aIn = g.input("a_in", aw);
        Value validIn = g.input("valid_in", 1);
        Value lastIn = g.input("last_in", 1);
        Value bIn = g.input("b_in", bw);
        Value aOut = g.output("a_out", aw);
        Value validOut = g.output("valid_out", 1);
        Value lastOut = g.output("last_out", 1);
        Value bOut = g.output("b_out", bw);
        Value resultLoad = g.output("result_load", 1);
        Value resultValue = g.output("result_value", accw);

        Value accQ = g.fresh("acc_q", accw);
        Value product = MacDatapath.product(g, aIn, pe.a(), bIn, pe.b(), "product");
        Value exact = MacDatapath.exactSum(g, accQ, pe.acc(), product, "exact_sum");
        MacDatapath.fit(g, resultValue, exact, pe);
        // The tile's last valid step hands the result out (result_load) and clears acc for the next tile.
        g.add(new Op.Logic(resultLoad, Op.LogicKind.AND, List.of(validIn, lastIn), g.loc()));
        Value accHold = g.mux("acc_step", validIn, resultValue, accQ);
        Value zero = g.constant("acc_clear", accw, 0);
        Value accD = g.mux("acc_d", resultLoad, zero, accHold);
        g.register(accQ, accD, null, BigInteger.ZERO);
        g.register(aOut, aIn, null, BigInteger.ZERO);
        g.register(validOut, validIn, null, BigInteger.ZERO);
        g.register(lastOut, lastIn, null, BigInteger.ZERO);
        g.register(bOut, bIn, null, BigInteger.ZERO);
        return g.build();
    }

    static bitweave.datapath.Datapath holdGraph(int accw) {
        DatapathBuilder g = new DatapathBuilder("");
        Value load = g.input("load", 1);
        Value value = g.input("value", accw);
        Value held = g.output("held", accw);
        g.register(held, value, load, BigInteger.ZERO);
        return g.build();
    }

    /**
     * in_ready refuses only a tile's last beat while an earlier out beat is pending; out_valid rises when
     * the corner PE sees the tile's last step and stays until the beat transfers.
     */
    static bitweave.datapath.Datapath ctrlGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        Value inValid = g.input("in_valid", 1);
        Value inLast = g.input("in_last", 1);
        Value outReady = g.input("out_ready", 1);
        Value cornerValid = g.input("corner_valid", 1);
        Value cornerLast = g.input("corner_last", 1);
        Value inReady = g.output("in_ready", 1);
        Value outValid = g.output("out_valid", 1);
        Value inFire = g.output("in_fire", 1);

        Value pendingQ = g.fresh("pending_q", 1);
        Value outFire = g.and("out_fire", outValid, outReady);
        Value blocked = g.and("last_blocked", inLast, pendingQ, g.not("no_out_fire", outFire));
        g.add(new Op.Not(inReady, blocked, loc));
        g.add(new Op.Logic(inFire, Op.LogicKind.AND, List.of(inValid, inReady), loc));
        Value stillPending = g.and("still_pending", pendingQ, g.not("out_not_fired", outFire));
        Value pendingD = g.or("pending_d", stillPending, g.and("tile_accepted", inFire, inLast));
        Value cornerEnd = g.and("corner_tile_end", cornerValid, cornerLast);
        Value outValidD = g.or("out_valid_d", cornerEnd, g.and("out_waiting", outValid, g.not("out_not_ready", outReady)));
        g.register(pendingQ, pendingD, null, BigInteger.ZERO);
        g.register(outValid, outValidD, null, BigInteger.ZERO);
        return g.build();
    }

    /**
     * {@code pair}: compressed accumulation, the PE hands its result to the holder as a (sum, carry) pair;
     * {@code raw}: raw pairs, two plain holders keep the pair unfused for out_c_sum and out_c_carry.
     */
    private static List<ArrayItem> topItems(String delay, String pe, String hold, String ctrl, String peLoc,
                                            String arrayLoc, boolean pair, boolean raw) {
        List<ArrayItem> skewA = List.of(
                new Comment("row r of A waits r cycles, with the beat's valid and last marker beside it"),
                new Wire("a", "A_W", false), new Wire("valid", null, false), new Wire("last", null, false),
                Structure.delay(delay, "u_skew", "A_W + 2", "r", "1'b1", "{in_fire, in_last, in_a[r*A_W +: A_W]}",
                        "{valid, last, a}", arrayLoc));
        List<ArrayItem> skewB = List.of(
                new Comment("column c of B waits c cycles"),
                new Wire("b", "B_W", false),
                Structure.delay(delay, "u_skew", "B_W", "c", "1'b1", "in_b[c*B_W +: B_W]", "b", arrayLoc));
        List<ArrayItem> cell = new ArrayList<>(List.of(
                new Wire("a_in", "A_W", false), new Wire("valid_in", null, false), new Wire("last_in", null, false),
                new Wire("b_in", "B_W", false),
                new Comment("outputs of the right column and the bottom row are not read"),
                new Wire("a_out", "A_W", true), new Wire("valid_out", null, true), new Wire("last_out", null, true),
                new Wire("b_out", "B_W", true),
                new Wire("result_load", null, false)));
        if (pair) {
            cell.add(new Wire("result_sum", "ACC_W", false));
            cell.add(new Wire("result_carry", "ACC_W", false));
        } else {
            cell.add(new Wire("result_value", "ACC_W", false));
        }
        cell.addAll(List.of(
                new Branch("c == 0", "g_from_skew", List.of(
                        new Assign("a_in", "g_skew_a[r].a"), new Assign("valid_in", "g_skew_a[r].valid"),
                        new Assign("last_in", "g_skew_a[r].last")),
                        "g_from_left", List.of(
                        new Assign("a_in", "g_row[r].g_col[c-1].a_out"),
                        new Assign("valid_in", "g_row[r].g_col[c-1].valid_out"),
                        new Assign("last_in", "g_row[r].g_col[c-1].last_out"))),
                new Branch("r == 0", "g_from_top", List.of(new Assign("b_in", "g_skew_b[c].b")),
                        "g_from_above", List.of(new Assign("b_in", "g_row[r-1].g_col[c].b_out")))));
        List<String> pePorts = new ArrayList<>(List.of("clk", "clk", "rst", "rst", "a_in", "a_in",
                "valid_in", "valid_in", "last_in", "last_in", "b_in", "b_in", "a_out", "a_out",
                "valid_out", "valid_out", "last_out", "last_out", "b_out", "b_out", "result_load", "result_load"));
        pePorts.addAll(pair ? List.of("result_sum", "result_sum", "result_carry", "result_carry")
                : List.of("result_value", "result_value"));
        cell.add(Structure.instance(pe, "u_pe", peLoc, pePorts.toArray(String[]::new)));
        if (raw) {
            cell.add(new Comment("raw pairs: slice (r, c) of out_c_sum and out_c_carry, PE(r, c)'s unfused pair"));
            cell.add(Structure.instance(hold, "u_hold_sum", peLoc, "clk", "clk", "rst", "rst", "load", "result_load",
                    "value", "result_sum", "held", "out_c_sum[(r*COLS+c)*ACC_W +: ACC_W]"));
            cell.add(Structure.instance(hold, "u_hold_carry", peLoc, "clk", "clk", "rst", "rst", "load", "result_load",
                    "value", "result_carry", "held", "out_c_carry[(r*COLS+c)*ACC_W +: ACC_W]"));
        } else if (pair) {
            cell.add(new Comment("slice (r, c) of out_c: PE(r, c)'s pair of the last finished tile, added in the holder"));
            cell.add(Structure.instance(hold, "u_hold", peLoc, "clk", "clk", "rst", "rst", "load", "result_load",
                    "sum", "result_sum", "carry", "result_carry", "held", "out_c[(r*COLS+c)*ACC_W +: ACC_W]"));
        } else {
            cell.add(new Comment("slice (r, c) of out_c holds PE(r, c)'s result of the last finished tile"));
            cell.add(Structure.instance(hold, "u_hold", peLoc, "clk", "clk", "rst", "rst", "load", "result_load",
                    "value", "result_value", "held", "out_c[(r*COLS+c)*ACC_W +: ACC_W]"));
        }
        return List.of(
                new Wire("in_fire", null, false),
                new Comment("the corner PE sees a tile's last step after every other PE: the whole C is then held"),
                Structure.instance(ctrl, "u_ctrl", arrayLoc, "clk", "clk", "rst", "rst", "in_valid", "in_valid",
                        "in_last", "in_last", "out_ready", "out_ready",
                        "corner_valid", "g_row[ROWS-1].g_col[COLS-1].valid_in",
                        "corner_last", "g_row[ROWS-1].g_col[COLS-1].last_in",
                        "in_ready", "in_ready", "out_valid", "out_valid", "in_fire", "in_fire"),
                new Comment("neighbours are linked through per-PE generate-block wires, not wide buses: the text"),
                new Comment("does not grow with the array and Verilator need not re-assemble a bus every evaluation"),
                new Generate(List.of(
                        new Loop("r", "ROWS", "g_skew_a", skewA),
                        new Loop("c", "COLS", "g_skew_b", skewB),
                        new Loop("r", "ROWS", "g_row", List.of(new Loop("c", "COLS", "g_col", cell))))));
    }
}
