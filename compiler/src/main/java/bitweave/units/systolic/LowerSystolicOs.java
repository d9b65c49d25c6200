package bitweave.units.systolic;

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
 * lower-systolic-os: an output-stationary ROWS x COLS array.
 *
 * <p>Row r of A enters PE(r,0) after r skew registers together with the beat's valid/last marker;
 * column c of B enters PE(0,c) after c registers; each PE forwards both through one register, so the
 * step meets in PE(r,c) r+c cycles after the beat was accepted. With {@code skew host} the host has
 * already delayed the data lanes (dsl/INTERFACE.md), so only the 2-bit valid/last marker keeps its
 * skew line. Latency = ROWS + COLS - 1 in every mode.
 *
 * <p>{@code output held} (the default): the result of PE(r,c) is captured in slice (r,c) of the top's
 * out register when the tile's last step reaches it; the out beat is valid once the corner PE has
 * delivered. Only a tile's last beat can be refused: while an earlier tile's out beat has not
 * transferred, a beat with in_last = 1 waits (it would overwrite the out register); beats with
 * in_last = 0 always stream in. {@code output direct}: out_c reads the accumulators, which keep the
 * result after the tile's last step; so it is the next tile's FIRST beat that waits until the out beat
 * has transferred, and no held copy exists.
 *
 * <p>Only the state the contract needs is reset: valid/last markers, the flow control, the accumulators
 * of the held-mode PE. Operand forwarding registers, the skew lines' data bits and the held results
 * are data that a valid marker qualifies and have no reset (dsl/INTERFACE.md, "Reset").
 *
 * <p>Datapath modules: the PE, the result holder (held mode), the edge adder of compressed
 * accumulation and the flow control; the array level: skew lines, the PE grid, the holders.
 */
public final class LowerSystolicOs implements LoweringPass {
    @Override
    public String name() {
        return "lower-systolic-os";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof SystolicArray s && s.dataflow() == Dataflow.OUTPUT_STATIONARY && !s.pe().hasBlockOperands();
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
        boolean pair = array.compressedAccumulation();
        boolean raw = array.rawPairs();  // raw_pairs: the pairs leave unfused on out_c_sum / out_c_carry
        boolean held = array.output() == OutputMode.HELD;
        int stages = array.edgePipeline();  // edge_pipeline N: register stages in the edge adder, N cycles later

        List<RtlModule> modules = new ArrayList<>();
        RtlModule delay = LoweringSupport.delayModule(unit, arrayLoc);
        modules.add(delay);
        String peName = LoweringSupport.moduleName(unit, "pe");
        RtlModule peModule;
        if (pair) {
            peModule = DatapathModules.module(peName, "output-stationary PE '" + pe.name()
                            + "', compressed accumulation (OPT1): (sum, carry) = heap(a*b, sum, carry) per step, no"
                            + " carry-propagate adder; the pair stays until the next tile's first step"
                            + (held ? ", handed out (masked) in the cycle after the tile's last step" : ""),
                    peLoc, CompressedAccumulation.outputStationaryPe(pe, held));
        } else if (held) {
            peModule = DatapathModules.module(peName, "output-stationary PE '" + pe.name()
                    + "': acc = fit(acc + a*b) per step, result at the tile's last step", peLoc, peGraph(pe));
        } else {
            peModule = DatapathModules.module(peName, "output-stationary PE '" + pe.name()
                    + "': acc = fit(acc + a*b) per step, from 0 at a tile's first step; acc is the result", peLoc,
                    directPeGraph(pe));
        }
        modules.add(peModule);
        String holdName = null;
        if (held) {
            RtlModule hold = pair
                    ? DatapathModules.module(LoweringSupport.moduleName(unit, "hold"),
                            (raw ? "holds one half of one PE's (sum, carry) pair, from its row's OR chain, until the next"
                                    + " tile's; in the load cycle the chain's value passes straight through"
                                    : "holds one PE's result, fused by its row's adder, until the next tile's; in the load"
                                    + " cycle the adder's value passes straight through"), peLoc,
                            CompressedAccumulation.outputStationaryHold(accw))
                    : DatapathModules.module(LoweringSupport.moduleName(unit, "hold"),
                            "holds one PE's result from the tile's last step until the next tile's", peLoc,
                            holdGraph(accw));
            modules.add(hold);
            holdName = hold.name();
        }
        String edgeName = null;
        if (pair && !raw) {
            RtlModule edge = DatapathModules.module(LoweringSupport.moduleName(unit, "edge"),
                    (held ? "a row's one carry-propagate adder under compressed accumulation (OPT1)"
                            : "one PE's carry-propagate adder under compressed accumulation (OPT1), on out_c")
                            + ": value = sum + carry mod 2^ACC_W"
                            + (stages > 0 ? ", in " + stages + " register stages (edge_pipeline)" : ""), arrayLoc,
                    EdgeAdder.graph(accw, stages, false, arrayLoc));
            modules.add(edge);
            edgeName = edge.name();
        }
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"), held
                        ? "flow control: a tile's last beat waits while the previous tile's out beat is pending"
                        : "flow control: a tile's first beat waits while the previous tile's out beat is pending",
                arrayLoc, ctrlGraph(arrayLoc, held));
        modules.add(ctrl);

        List<RtlParam> params = List.of(
                new RtlParam("ROWS", array.rows(), "rows of the PE grid"),
                new RtlParam("COLS", array.cols(), "columns of the PE grid"),
                new RtlParam("A_W", aw, "width of a (" + pe.a().dslName() + ")"),
                new RtlParam("B_W", bw, "width of b (" + pe.b().dslName() + ")"),
                new RtlParam("ACC_W", accw, "width of acc (" + pe.acc().dslName() + ", " + pe.policy().dslName() + ")"));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(array), Map.of(
                "in_a", "ROWS*A_W", "in_b", "COLS*B_W", "out_c", "ROWS*COLS*ACC_W"));
        String modes = (held ? "" : ", output direct") + (array.skew() == SkewMode.HOST ? ", skew host" : "");
        RtlModule top = new RtlModule(unit,
                "systolic array '" + array.name() + "' " + array.rows() + "x" + array.cols()
                        + ", output_stationary" + modes + ", of PE '" + pe.name() + "'",
                arrayLoc, params, ports, new StructuralBody(new Items(delay.name(), peModule.name(), holdName,
                        edgeName, ctrl.name(), peLoc, arrayLoc, pair, raw, held, array.skew() == SkewMode.HOST,
                        stages).top()));
        modules.add(top);
        return new RtlDesign(modules, top.name(), array.rows() + array.cols() - 1 + stages, array.peakMacsPerCycle());
    }

    /** The ports every PE variant shares: operands in, their forwarding registers out. */
    static final class PePorts {
        final Value aIn;
        final Value validIn;
        final Value lastIn;
        final Value bIn;
        final Value aOut;
        final Value validOut;
        final Value lastOut;
        final Value bOut;

        PePorts(DatapathBuilder g, PeSpec pe) {
            aIn = g.input("a_in", pe.a().width());
            validIn = g.input("valid_in", 1);
            lastIn = g.input("last_in", 1);
            bIn = g.input("b_in", pe.b().width());
            aOut = g.output("a_out", pe.a().width());
            validOut = g.output("valid_out", 1);
            lastOut = g.output("last_out", 1);
            bOut = g.output("b_out", pe.b().width());
        }

        /** The valid/last marker is reset (it qualifies everything); the operands are data, not reset. */
        void forward(DatapathBuilder g) {
            g.register(aOut, aIn, null, null);
            g.register(validOut, validIn, null, BigInteger.ZERO);
            g.register(lastOut, lastIn, null, BigInteger.ZERO);
            g.register(bOut, bIn, null, null);
        }
    }

    /**
     * {@code fresh_q}: the next valid step starts a tile (reset 1; a valid step sets it to its last bit).
     * A PE that keeps its result after the tile's end starts the next tile from 0 through it, so its
     * accumulator needs no reset.
     */
    public static Value freshFlag(DatapathBuilder g, Value validIn, Value lastIn) {
        Value freshQ = g.fresh("fresh_q", 1);
        g.register(freshQ, g.mux("fresh_d", validIn, lastIn, freshQ), null, BigInteger.ONE);
        return freshQ;
    }

    /** PE(r, c): registers a (with valid/last) and b towards the neighbours; accumulates on valid steps. */
    static bitweave.datapath.Datapath peGraph(PeSpec pe) {
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        PePorts p = new PePorts(g, pe);
        Value resultLoad = g.output("result_load", 1);
        Value resultValue = g.output("result_value", accw);

        Value accQ = g.fresh("acc_q", accw);
        Value product = MacDatapath.product(g, p.aIn, pe.a(), p.bIn, pe.b(), "product");
        Value exact = MacDatapath.exactSum(g, accQ, pe.acc(), product, "exact_sum");
        MacDatapath.fit(g, resultValue, exact, pe);
        // The tile's last valid step hands the result out (result_load) and clears acc for the next tile.
        g.add(new Op.Logic(resultLoad, Op.LogicKind.AND, List.of(p.validIn, p.lastIn), g.loc()));
        Value accHold = g.mux("acc_step", p.validIn, resultValue, accQ);
        Value zero = g.constant("acc_clear", accw, 0);
        Value accD = g.mux("acc_d", resultLoad, zero, accHold);
        g.register(accQ, accD, null, BigInteger.ZERO);
        p.forward(g);
        return g.build();
    }

    /**
     * PE(r, c) of {@code output direct}: acc keeps the tile's result after its last step (out_c reads it);
     * the next tile's first step adds to 0 instead ({@link #freshFlag}).
     */
    static bitweave.datapath.Datapath directPeGraph(PeSpec pe) {
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        PePorts p = new PePorts(g, pe);
        Value acc = g.output("acc", accw);

        Value accQ = g.fresh("acc_q", accw);
        Value freshQ = freshFlag(g, p.validIn, p.lastIn);
        Value base = g.mux("acc_base", freshQ, g.constant("acc_clear", accw, 0), accQ);
        Value product = MacDatapath.product(g, p.aIn, pe.a(), p.bIn, pe.b(), "product");
        Value exact = MacDatapath.exactSum(g, base, pe.acc(), product, "exact_sum");
        Value fitted = g.fresh("fitted_sum", accw);
        MacDatapath.fit(g, fitted, exact, pe);
        g.register(accQ, g.mux("acc_d", p.validIn, fitted, accQ), null, null);
        g.add(new Op.Slice(acc, accQ, 0, g.loc()));
        p.forward(g);
        return g.build();
    }

    /** The held result: data qualified by out_valid, so no reset. */
    static bitweave.datapath.Datapath holdGraph(int accw) {
        DatapathBuilder g = new DatapathBuilder("");
        Value load = g.input("load", 1);
        Value value = g.input("value", accw);
        Value held = g.output("held", accw);
        g.register(held, value, load, null);
        return g.build();
    }

    /**
     * Held: in_ready refuses only a tile's last beat while an earlier out beat is pending. Direct: it
     * refuses a tile's first beat instead (that beat would start overwriting the accumulators out_c
     * reads). out_valid rises when the corner PE sees the tile's last step and stays until the beat
     * transfers.
     */
    static bitweave.datapath.Datapath ctrlGraph(String loc, boolean held) {
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
        Value guarded;
        if (held) {
            guarded = inLast;
        } else {
            // the beat after a tile's last one (or the first after reset) starts the next tile
            Value firstQ = g.fresh("first_q", 1);
            g.register(firstQ, g.mux("first_d", inFire, inLast, firstQ), null, BigInteger.ONE);
            guarded = firstQ;
        }
        Value blocked = g.and(held ? "last_blocked" : "first_blocked", guarded, pendingQ, g.not("no_out_fire", outFire));
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

    /** The array level's items for one combination of the modes. */
    record Items(String delay, String pe, String hold, String edge, String ctrl, String peLoc, String arrayLoc,
                         boolean pair, boolean raw, boolean held, boolean hostSkew, int stages) {

        List<ArrayItem> skewA() {
            List<ArrayItem> items = new ArrayList<>();
            items.add(new Comment(hostSkew
                    ? "the host has delayed row r of A by r cycles; the beat's valid and last marker waits here"
                    : "row r of A waits r cycles, with the beat's valid and last marker beside it (only the marker is reset)"));
            items.add(new Wire("a", "A_W", false));
            items.add(new Wire("valid", null, false));
            items.add(new Wire("last", null, false));
            items.add(Structure.delay(delay, "u_skew_mark", "2", "r", "1'b1", "{in_fire, in_last}", "{valid, last}",
                    arrayLoc));
            items.add(hostSkew ? new Assign("a", "in_a[r*A_W +: A_W]")
                    : Structure.dataDelay(delay, "u_skew", "A_W", "r", "1'b1", "in_a[r*A_W +: A_W]", "a", arrayLoc));
            return items;
        }

        List<ArrayItem> skewB() {
            return hostSkew
                    ? List.of(new Comment("the host has delayed column c of B by c cycles"), new Wire("b", "B_W", false),
                            new Assign("b", "in_b[c*B_W +: B_W]"))
                    : List.of(new Comment("column c of B waits c cycles"), new Wire("b", "B_W", false),
                            Structure.dataDelay(delay, "u_skew", "B_W", "c", "1'b1", "in_b[c*B_W +: B_W]", "b",
                                    arrayLoc));
        }

        String outSlice() {
            return outSlice("out_c");
        }

        static String outSlice(String port) {
            return port + "[(r*COLS+c)*ACC_W +: ACC_W]";
        }

        List<ArrayItem> cell() {
            List<ArrayItem> cell = new ArrayList<>(List.of(
                    new Wire("a_in", "A_W", false), new Wire("valid_in", null, false), new Wire("last_in", null, false),
                    new Wire("b_in", "B_W", false),
                    new Comment("outputs of the right column and the bottom row are not read"),
                    new Wire("a_out", "A_W", true), new Wire("valid_out", null, true), new Wire("last_out", null, true),
                    new Wire("b_out", "B_W", true)));
            List<String> pePorts = new ArrayList<>(List.of("clk", "clk", "rst", "rst", "a_in", "a_in",
                    "valid_in", "valid_in", "last_in", "last_in", "b_in", "b_in", "a_out", "a_out",
                    "valid_out", "valid_out", "last_out", "last_out", "b_out", "b_out"));
            if (pair) {
                if (held) {
                    cell.add(new Wire("result_load", null, false));
                    pePorts.addAll(List.of("result_load", "result_load"));
                }
                cell.add(new Wire("result_sum", "ACC_W", false));
                cell.add(new Wire("result_carry", "ACC_W", false));
                pePorts.addAll(List.of("result_sum", "result_sum", "result_carry", "result_carry"));
            } else if (held) {
                cell.add(new Wire("result_load", null, false));
                cell.add(new Wire("result_value", "ACC_W", false));
                pePorts.addAll(List.of("result_load", "result_load", "result_value", "result_value"));
            } else {
                pePorts.addAll(List.of("acc", outSlice()));
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
            if (!held) {
                cell.add(new Comment(pair ? "slice (r, c) of out_c: PE(r, c)'s pair, fused by its own adder"
                        : "slice (r, c) of out_c is PE(r, c)'s accumulator"));
            }
            cell.add(Structure.instance(pe, "u_pe", peLoc, pePorts.toArray(String[]::new)));
            if (pair && held) {
                cell.add(new Comment("one PE of a row finishes per cycle: its masked pair reaches the row's "
                        + (raw ? "end" : "adder") + " through an OR chain"));
                cell.add(new Wire("or_sum", "ACC_W", false));
                cell.add(new Wire("or_carry", "ACC_W", false));
                cell.add(new Branch("c == 0", "g_or_first", List.of(new Assign("or_sum", "result_sum"),
                        new Assign("or_carry", "result_carry")),
                        "g_or_next", List.of(new Assign("or_sum", "g_row[r].g_col[c-1].or_sum | result_sum"),
                        new Assign("or_carry", "g_row[r].g_col[c-1].or_carry | result_carry"))));
                if (raw) {
                    cell.add(new Comment("raw pairs: slice (r, c) of out_c_sum and out_c_carry holds PE(r, c)'s unfused pair"));
                    cell.add(Structure.instance(hold, "u_hold_sum", peLoc, "clk", "clk", "rst", "rst", "load",
                            "result_load", "value", "g_row[r].g_col[COLS-1].or_sum", "held", outSlice("out_c_sum")));
                    cell.add(Structure.instance(hold, "u_hold_carry", peLoc, "clk", "clk", "rst", "rst", "load",
                            "result_load", "value", "g_row[r].g_col[COLS-1].or_carry", "held", outSlice("out_c_carry")));
                } else {
                    String load = "result_load";
                    if (stages > 0) {
                        cell.add(new Comment("the row's adder takes " + stages + " cycles: the load waits for it"));
                        cell.add(new Wire("load_late", null, false));
                        cell.add(Structure.delay(delay, "u_load_line", "1", Integer.toString(stages), "1'b1",
                                "result_load", "load_late", arrayLoc));
                        load = "load_late";
                    }
                    cell.add(new Comment("slice (r, c) of out_c holds PE(r, c)'s result of the last finished tile"));
                    cell.add(Structure.instance(hold, "u_hold", peLoc, "clk", "clk", "rst", "rst", "load", load,
                            "value", "g_row[r].row_value", "held", outSlice()));
                }
            } else if (pair && raw) {
                cell.add(new Comment("raw pairs: slices (r, c) of out_c_sum and out_c_carry are PE(r, c)'s unfused pair"));
                cell.add(new Assign(outSlice("out_c_sum"), "result_sum"));
                cell.add(new Assign(outSlice("out_c_carry"), "result_carry"));
            } else if (pair) {
                cell.add(EdgeAdder.instance(edge, arrayLoc, stages, false, "result_sum", "result_carry", outSlice()));
            } else if (held) {
                cell.add(new Comment("slice (r, c) of out_c holds PE(r, c)'s result of the last finished tile"));
                cell.add(Structure.instance(hold, "u_hold", peLoc, "clk", "clk", "rst", "rst", "load", "result_load",
                        "value", "result_value", "held", outSlice()));
            }
            return cell;
        }

        List<ArrayItem> row() {
            List<ArrayItem> row = new ArrayList<>();
            if (pair && held && !raw) {
                row.add(new Comment("the row's one carry-propagate adder fuses the pair of the PE that finished"));
                row.add(new Wire("row_value", "ACC_W", false));
            }
            row.add(new Loop("c", "COLS", "g_col", cell()));
            if (pair && held && !raw) {
                row.add(EdgeAdder.instance(edge, arrayLoc, stages, false, "g_col[COLS-1].or_sum",
                        "g_col[COLS-1].or_carry", "row_value"));
            }
            return row;
        }

        List<ArrayItem> top() {
            List<ArrayItem> items = new ArrayList<>(List.of(new Wire("in_fire", null, false)));
            String cornerValid = "g_row[ROWS-1].g_col[COLS-1].valid_in";
            String cornerLast = "g_row[ROWS-1].g_col[COLS-1].last_in";
            if (stages > 0) {
                items.addAll(List.of(
                        new Comment("the edge adders take " + stages + " cycles: the corner's marker waits as long"),
                        new Wire("corner_valid", null, false), new Wire("corner_last", null, false),
                        Structure.delay(delay, "u_corner_line", "2", Integer.toString(stages), "1'b1",
                                "{" + cornerValid + ", " + cornerLast + "}", "{corner_valid, corner_last}", arrayLoc)));
                cornerValid = "corner_valid";
                cornerLast = "corner_last";
            }
            items.addAll(List.of(
                    new Comment(held ? "the corner PE sees a tile's last step after every other PE: the whole C is then held"
                            : "the corner PE sees a tile's last step after every other PE: C is then in the accumulators"),
                    Structure.instance(ctrl, "u_ctrl", arrayLoc, "clk", "clk", "rst", "rst", "in_valid", "in_valid",
                            "in_last", "in_last", "out_ready", "out_ready",
                            "corner_valid", cornerValid,
                            "corner_last", cornerLast,
                            "in_ready", "in_ready", "out_valid", "out_valid", "in_fire", "in_fire"),
                    new Comment("neighbours are linked through per-PE generate-block wires, not wide buses: the text"),
                    new Comment("does not grow with the array and Verilator need not re-assemble a bus every evaluation"),
                    new Generate(List.of(
                            new Loop("r", "ROWS", "g_skew_a", skewA()),
                            new Loop("c", "COLS", "g_skew_b", skewB()),
                            new Loop("r", "ROWS", "g_row", row())))));
            return items;
        }
    }
}
