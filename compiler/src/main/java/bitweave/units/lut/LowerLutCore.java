package bitweave.units.lut;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import bitweave.passes.DatapathModules;
import bitweave.passes.LoweringPass;
import bitweave.passes.LoweringSupport;
import bitweave.passes.Structure;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.ArrayItem.Comment;
import bitweave.rtl.ArrayItem.Generate;
import bitweave.rtl.ArrayItem.Loop;
import bitweave.rtl.ArrayItem.Wire;
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
 * lower-lut-core: an M x N LUT-core tile (LANGUAGE.md 6.10). A tile's beat loads, at the edge it is accepted, every
 * row's tables and sum ({@link LutGraphs#tableGraph}, one module per row shared by the N columns) and every
 * column's weight codes; then b steps, one bit plane each (most significant first), run every PE's
 * shift-accumulate; the last step loads each PE's result into its output register. Latency b + 1 (the table
 * register, then b planes); a new tile is accepted in the last step's cycle, so one tile every b cycles.
 * {@code datapath mac} keeps the control, the ports and the timing and replaces the tables, the weight shift
 * registers and the PEs by held operands and multiplier PEs ({@link MacTileGraphs}): the reference equiv proves
 * the table datapath against.
 */
public final class LowerLutCore implements LoweringPass {
    @Override
    public String name() {
        return "lower-lut-core";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof LutCore;
    }

    @Override
    public RtlDesign lower(Design design) {
        LutCore t = (LutCore) design.top();
        String unit = design.unitName();
        String loc = t.loc().locator();
        RtlModule delay = LoweringSupport.delayModule(unit, loc);
        RtlModule ctrl = DatapathModules.module(LoweringSupport.moduleName(unit, "ctrl"),
                "the step counter (b planes per tile) and the handshake", loc, ctrlGraph(t.weightBits(), loc));
        List<RtlModule> modules = new ArrayList<>(List.of(delay));
        List<ArrayItem> row = new ArrayList<>();
        List<ArrayItem> column = new ArrayList<>();
        List<String> pePorts = new ArrayList<>(List.of("clk", "clk", "rst", "rst"));
        RtlModule pe;
        if (t.macDatapath()) {
            pe = macTile(t, unit, delay, row, column, pePorts);
        } else {
            pe = lutTile(t, unit, delay, modules, row, column, pePorts);
        }
        modules.addAll(List.of(pe, ctrl));

        List<RtlParam> params = List.of(
                new RtlParam("M", t.m(), "rows of A and O"),
                new RtlParam("N", t.n(), "rows of W (columns of O)"),
                new RtlParam("K", t.k(), "the reduction length (" + t.groups() + " groups of " + t.group() + ")"),
                new RtlParam("A_W", t.pe().a().width(), "an activation (" + t.pe().a().dslName() + ")"),
                new RtlParam("W_W", t.weightBits(), "a weight code (" + t.pe().b().dslName() + ")"),
                new RtlParam("ACC_W", t.pe().acc().width(), "a result (" + t.pe().acc().dslName() + ")"));
        Map<String, String> widths = new java.util.HashMap<>(Map.of("in_a", "M*K*A_W", "in_w", "N*K*W_W",
                "out_o", "M*N*ACC_W"));
        if (t.accumulateIn()) {
            widths.put("in_c", "M*N*ACC_W");
        }
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(t), widths);
        List<ArrayItem> body = new ArrayList<>(List.of(
                new Wire("in_fire", null, false), new Wire("advance", null, false), new Wire("first", null, false),
                new Wire("last", null, false),
                Structure.instance(ctrl.name(), "u_ctrl", loc, "clk", "clk", "rst", "rst", "in_valid", "in_valid",
                        "out_ready", "out_ready", "in_ready", "in_ready", "out_valid", "out_valid", "in_fire", "in_fire",
                        "advance", "advance", "first", "first", "last", "last")));
        List<ArrayItem> cell = new ArrayList<>();
        if (t.accumulateIn()) {
            cell.add(new Wire("c", "ACC_W", false));
            cell.add(Structure.dataDelay(delay.name(), "u_c_q", "ACC_W", "1", "in_fire", "in_c[(m*N+n)*ACC_W +: ACC_W]",
                    "c", loc));
            pePorts.addAll(List.of("c", "c"));
        }
        pePorts.addAll(List.of("o", "out_o[(m*N+n)*ACC_W +: ACC_W]"));
        cell.add(Structure.instance(pe.name(), "u_pe", t.pe().loc().locator(), pePorts.toArray(String[]::new)));
        body.add(new Generate(List.of(
                new Loop("m", "M", "g_row", row),
                new Loop("n", "N", "g_col", column),
                new Loop("m", "M", "g_pe_row", List.of(new Loop("n", "N", "g_pe", cell))))));
        RtlModule top = new RtlModule(unit, "LUT tensor core '" + t.name() + "' " + t.m() + "x" + t.n() + "x" + t.k()
                + ", W" + t.weightBits() + " x " + t.pe().a().dslName() + ", group " + t.group()
                + (t.macDatapath() ? ", datapath mac (the multiplier reference)"
                        : t.symmetrize() ? ", symmetrized tables" : ", full tables")
                + (t.preEncoded() ? ", pre-encoded weights" : ""), loc, params, ports, new StructuralBody(body));
        modules.add(top);
        return new RtlDesign(modules, top.name(), t.weightBits() + 1, t.peakMacsPerCycle());
    }

    /**
     * The table datapath: per row the table module (shared by the row's N PEs) and its register, per column the
     * weight shift register, PEs that look up, negate and shift-accumulate.
     */
    private static RtlModule lutTile(LutCore t, String unit, RtlModule delay, List<RtlModule> modules,
                                     List<ArrayItem> row, List<ArrayItem> column, List<String> pePorts) {
        String loc = t.loc().locator();
        LutGraphs graphs = new LutGraphs(t);
        RtlModule table = DatapathModules.module(LoweringSupport.moduleName(unit, "table"),
                "table precompute of one activation row: per group of " + t.group() + " the " + t.tables().storedEntries()
                        + " stored entries sum(+-x) (" + graphs.entryWidth() + " bits each), and the row's sum S",
                loc, graphs.tableGraph(loc));
        RtlModule weights = DatapathModules.module(LoweringSupport.moduleName(unit, "weights"),
                "one weight column's codes, loaded with the tile and shifted left per step: the top bits are the plane",
                loc, graphs.weightsGraph(loc));
        modules.addAll(List.of(table, weights));
        String tw = Integer.toString(graphs.tableWidth());
        String sw = Integer.toString(graphs.sumWidth());
        row.addAll(List.of(
                new Comment("row m's tables and sum, computed from the beat and held for the tile's b steps"),
                new Wire("table_d", tw, false), new Wire("s_d", sw, false),
                new Wire("tables", tw, false), new Wire("s", sw, false),
                Structure.instance(table.name(), "u_table", loc, "x", "in_a[m*K*A_W +: K*A_W]", "tables", "table_d",
                        "s", "s_d"),
                Structure.dataDelay(delay.name(), "u_table_q", tw, "1", "in_fire", "table_d", "tables", loc),
                Structure.dataDelay(delay.name(), "u_s_q", sw, "1", "in_fire", "s_d", "s", loc)));
        column.addAll(List.of(
                new Wire("plane", "K", false),
                Structure.instance(weights.name(), "u_weights", loc, "clk", "clk", "rst", "rst", "load", "in_fire",
                        "advance", "advance", "w", "in_w[n*K*W_W +: K*W_W]", "plane", "plane")));
        pePorts.addAll(List.of("tables", "g_row[m].tables", "s", "g_row[m].s", "plane", "g_col[n].plane",
                "first", "first", "last", "last", "advance", "advance"));
        return DatapathModules.module(LoweringSupport.moduleName(unit, "pe"),
                "one output: table lookups by the plane's indices, acc = 2*acc +- P per step, (acc + C*S)/2 at the last",
                t.pe().loc().locator(), graphs.peGraph(loc));
    }

    /** datapath mac: per row and per column the beat's operands held for the tile, PEs that multiply. */
    private static RtlModule macTile(LutCore t, String unit, RtlModule delay, List<ArrayItem> row,
                                     List<ArrayItem> column, List<String> pePorts) {
        String loc = t.loc().locator();
        row.addAll(List.of(
                new Comment("row m's activations, held for the tile's b steps"),
                new Wire("a_row", "K*A_W", false),
                Structure.dataDelay(delay.name(), "u_a_q", "K*A_W", "1", "in_fire", "in_a[m*K*A_W +: K*A_W]", "a_row",
                        loc)));
        column.addAll(List.of(
                new Wire("w_col", "K*W_W", false),
                Structure.dataDelay(delay.name(), "u_w_q", "K*W_W", "1", "in_fire", "in_w[n*K*W_W +: K*W_W]", "w_col",
                        loc)));
        pePorts.addAll(List.of("a", "g_row[m].a_row", "w", "g_col[n].w_col", "last", "last", "advance", "advance"));
        return DatapathModules.module(LoweringSupport.moduleName(unit, "pe"),
                "one output, the multiplier reference: sum_k x_k*(w_k - z) at the last step", t.pe().loc().locator(),
                new MacTileGraphs(t).peGraph(loc));
    }

    /**
     * busy from an accepted beat until its last step; advance: a step runs (the last one only when the output
     * register is free or being read); in_ready while idle or in a last step that advances, so the next tile's
     * beat loads at the edge the previous one's result does.
     */
    static Datapath ctrlGraph(int steps, String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        Value inValid = g.input("in_valid", 1);
        Value outReady = g.input("out_ready", 1);
        Value inReady = g.output("in_ready", 1);
        Value outValid = g.output("out_valid", 1);
        Value inFire = g.output("in_fire", 1);
        Value advance = g.output("advance", 1);
        Value first = g.output("first", 1);
        Value last = g.output("last", 1);
        int w = Math.max(1, LutGraphs.ceilLog2(steps));
        Value busyQ = g.fresh("busy_q", 1);
        Value stepQ = g.fresh("step_q", w);
        Value stepAny = w == 1 ? g.bit("step_any", stepQ, 0) : g.logic("step_any", Op.LogicKind.OR, bits(g, stepQ));
        g.add(new Op.Not(first, stepAny, loc));
        Value lastD = steps == 1 ? g.constant("one_step", 1, 1)
                : equalsConstant(g, stepQ, steps - 1);
        g.add(new Op.Extend(last, lastD, false, loc));
        Value outFree = g.or("out_free", g.not("out_empty", outValid), outReady);
        Value lastBlocked = g.and("last_blocked", last, g.not("out_full", outFree));
        g.add(new Op.Logic(advance, Op.LogicKind.AND, List.of(busyQ, g.not("not_blocked", lastBlocked)), loc));
        Value finishing = g.and("finishing", advance, last);
        g.add(new Op.Logic(inReady, Op.LogicKind.OR, List.of(g.not("idle", busyQ), finishing), loc));
        g.add(new Op.Logic(inFire, Op.LogicKind.AND, List.of(inValid, inReady), loc));
        Value busyD = g.or("busy_d", inFire, g.and("busy_stay", busyQ, g.not("not_finishing", finishing)));
        g.register(busyQ, busyD, null, BigInteger.ZERO);
        Value stepNext = g.fresh("step_next", w);
        g.add(new Op.Add(stepNext, stepQ, g.constant("step_one", w, 1), false, loc));
        Value stepD = g.mux("step_d", g.or("step_restart", inFire, finishing), g.constant("step_zero", w, 0),
                g.mux("step_adv", advance, stepNext, stepQ));
        g.register(stepQ, stepD, null, BigInteger.ZERO);
        Value outValidD = g.or("out_valid_d", finishing, g.and("out_waiting", outValid, g.not("out_not_ready", outReady)));
        g.register(outValid, outValidD, null, BigInteger.ZERO);
        return g.build();
    }

    private static Value[] bits(DatapathBuilder g, Value v) {
        Value[] out = new Value[v.width()];
        for (int i = 0; i < v.width(); i++) {
            out[i] = g.bit(v.name() + "_b" + i, v, i);
        }
        return out;
    }

    private static Value equalsConstant(DatapathBuilder g, Value v, long c) {
        Value[] b = bits(g, v);
        Value[] terms = new Value[b.length];
        for (int i = 0; i < b.length; i++) {
            terms[i] = (c >> i & 1) != 0 ? b[i] : g.not(v.name() + "_nb" + i, b[i]);
        }
        return terms.length == 1 ? terms[0] : g.and(v.name() + "_is_" + c, terms);
    }
}
