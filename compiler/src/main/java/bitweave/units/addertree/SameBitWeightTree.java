package bitweave.units.addertree;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.MacStructure;
import bitweave.ir.MacStructure.Multiplier;
import bitweave.ir.PeSpec;
import bitweave.passes.DatapathModules;
import bitweave.passes.LowerMultipliers;
import bitweave.passes.MacDatapath;
import bitweave.passes.LowerMultipliers.DigitRow;
import bitweave.passes.LowerMultipliers.Digits;
import bitweave.passes.LoweringSupport;
import bitweave.passes.Structure;
import bitweave.rtl.ArrayItem.Assign;
import bitweave.rtl.ArrayItem.Branch;
import bitweave.rtl.ArrayItem.Comment;
import bitweave.rtl.ArrayItem.LocalParam;
import bitweave.rtl.ArrayItem.Loop;
import bitweave.rtl.ArrayItem.Wire;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.RtlModule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The trees of {@code transform same_bit_weight_reduction} (TPE OPT2, DOMAIN.md 2.2): the bit-weight
 * loop is moved below the K loop. A column's dot product is Σ_i a_i·b_i = Σ_d 2^shift(d) · Σ_i
 * (d-th digit of a_i)·b_i, so for every digit weight d the K partial products of that weight are
 * reduced together in a narrow carry-save tree, and only the DIGITS per-weight sums are shifted and
 * added, once per column, by one bit heap and one carry-propagate adder.
 *
 * <p>Modules (datapath graphs):
 * <ul>
 * <li>{@code _enc}: the digits of one a_i (Booth or EN-T encoder; the AND array's digits are a's bits,
 *   no module). The encoding depends on a only, which all N columns share, so it is built once per
 *   multiplier and beat, outside the column loop.</li>
 * <li>{@code _pp}: the DIGITS partial-product rows of one a_i·b (selectors of lower-multipliers, via
 *   {@link LowerMultipliers#digitRow}), each ROW_W bits, and one extra bit per digit (a negative
 *   digit's +1). A signed row is sent in offset form, its top bit inverted (row + 2^(ROW_W-1)), so every
 *   bit the trees see is a non-negative weight: no sign extension anywhere. The K·N offsets are one
 *   constant, subtracted in {@code _final}.</li>
 * <li>{@code _csa}: one node of a per-weight tree, a bit heap of two carry-save pairs (4 rows) into
 *   one pair. As every row is non-negative and the tree's total is below 2^SUM_W, the pairs are exact
 *   (no carry leaves the top), so a pair can be shifted by its weight afterwards.</li>
 * <li>{@code _final}: the DIGITS root pairs, each at its weight, and the offset constant: one bit heap
 *   and one carry-propagate adder, the exact dot product of DOT_W bits.</li>
 * </ul>
 * The array level keeps its generate loops: the encoders (K), per column the selectors (K) and per
 * digit weight a binary heap of csa nodes (2·LEAVES - 1), so the text does not grow with K or N.
 *
 * <p>Pipeline: as in the plain tree, level j (0 = the selected rows, LEVELS = the root) is followed
 * by a register when j >= LEVELS + 1 - PIPE; the root level's register sits after {@code _final} (on
 * the finished DOT_W-bit dot product rather than on DIGITS carry-save pairs), so latency = PIPE + 1.
 */
final class SameBitWeightTree {
    private final AdderTree tree;
    private final PeSpec pe;
    private final Multiplier kind;
    private final int digits;
    private final int codeWidth;
    private final int rowWidth;
    private final boolean rowSigned;
    private final int sumWidth;
    private final int dotw;
    private final RtlModule enc;
    private final RtlModule pp;
    private final RtlModule csa;
    private final RtlModule fin;

    SameBitWeightTree(AdderTree tree, String unit, int dotw) {
        this.tree = tree;
        this.pe = tree.pe();
        this.kind = pe.mac().multiplier();
        if (!kind.makesPartialProducts()) {
            throw new IllegalStateException("same_bit_weight_reduction needs partial products (checker: E0218)");
        }
        this.dotw = dotw;
        this.digits = Digits.count(kind, pe.a().width(), pe.a().signed());
        this.codeWidth = kind == Multiplier.AND_ARRAY ? pe.a().width() : 3 * digits;
        String peLoc = pe.loc().locator();
        String treeLoc = tree.loc().locator();
        RowShape shape = rowShape();
        this.rowWidth = shape.width();
        this.rowSigned = shape.signed();
        this.sumWidth = rowWidth + LowerAdderTree.levels(tree.k()) + 1;
        this.enc = kind == Multiplier.AND_ARRAY ? null : DatapathModules.module(LoweringSupport.moduleName(unit, "enc"),
                "the " + kind.dslName() + " digits of one a (neg, one, two; digit i is bit i of each), shared by the columns",
                peLoc, encGraph());
        this.pp = DatapathModules.module(LoweringSupport.moduleName(unit, "pp"),
                "the partial-product rows of one a*b, one per digit weight, in offset form (top bit inverted), and"
                        + " each digit's extra bit", peLoc, ppGraph());
        this.csa = DatapathModules.module(LoweringSupport.moduleName(unit, "csa"),
                "one node of a per-weight carry-save tree: two exact (sum, carry) pairs into one", treeLoc, csaGraph());
        this.fin = DatapathModules.module(LoweringSupport.moduleName(unit, "final"),
                "the per-weight pairs shifted to their weights, minus the offsets: one bit heap and one adder", treeLoc,
                finalGraph());
    }

    List<RtlModule> modules() {
        List<RtlModule> out = new ArrayList<>();
        if (enc != null) {
            out.add(enc);
        }
        out.addAll(List.of(pp, csa, fin));
        return out;
    }

    List<ArrayItem> localParams() {
        return List.of(
                new LocalParam("DIGITS", String.valueOf(digits)),
                new LocalParam("CODE_W", String.valueOf(codeWidth)),
                new LocalParam("ROW_W", String.valueOf(rowWidth)),
                new LocalParam("SUM_W", String.valueOf(sumWidth)));
    }

    /** Before the column loop: the encoding of every a_i, shared by all columns. */
    List<ArrayItem> sharedItems() {
        String peLoc = pe.loc().locator();
        List<ArrayItem> body = new ArrayList<>();
        body.add(new Wire("code", "CODE_W", false));
        if (enc == null) {
            body.add(new Assign("code", "in_a[i*A_W +: A_W]"));
        } else {
            body.add(Structure.instance(enc.name(), "u_enc", peLoc, "a", "in_a[i*A_W +: A_W]", "code", "code"));
        }
        return List.of(
                new Comment(enc == null ? "the digits of every a_i (the AND array's digits are its bits), shared by the columns"
                        : "the encoding of every a_i, once per beat, shared by the columns"),
                new Loop("i", "0", "K", "g_enc", body));
    }

    /** Inside g_col[c]: the selectors, one tree per digit weight, the final shift-and-add; result {@code dot}. */
    List<ArrayItem> columnItems(String delay) {
        String peLoc = pe.loc().locator();
        String treeLoc = tree.loc().locator();
        List<ArrayItem> mul = List.of(
                new Wire("rows", "DIGITS*ROW_W", false), new Wire("extras", "DIGITS", false),
                Structure.instance(pp.name(), "u_pp", peLoc, "code", "g_enc[i].code", "b", "in_b[(c*K+i)*B_W +: B_W]",
                        "rows", "rows", "extras", "extras"));
        String leaf = "{{(SUM_W-ROW_W){1'b0}}, g_mul[n-LEAVES].rows[d*ROW_W +: ROW_W], {(SUM_W-1){1'b0}},"
                + " g_mul[n-LEAVES].extras[d]}";
        List<ArrayItem> node = List.of(
                new LocalParam("LEVEL", "LEVELS + 1 - $clog2(n + 1)"),
                new Wire("pair_d", "2*SUM_W", false), new Wire("pair", "2*SUM_W", false),
                new Branch("n >= LEAVES", "g_leaf", List.of(
                        new Branch("n - LEAVES < K", "g_row", List.of(new Assign("pair_d", leaf)),
                                "g_padding", List.of(new Assign("pair_d", "{(2*SUM_W){1'b0}}")))),
                        "g_csa", List.of(Structure.instance(csa.name(), "u_csa", treeLoc, "l", "g_node[2*n].pair",
                                "r", "g_node[2*n+1].pair", "pair", "pair_d"))),
                Structure.delay(delay, "u_stage", "2*SUM_W", "(n > 1 && LEVEL >= LEVELS + 1 - PIPE) ? 1 : 0", "advance",
                        "pair_d", "pair", treeLoc));
        List<ArrayItem> weight = List.of(
                new Loop("n", "1", "2*LEAVES", "g_node", node),
                new Assign("weights[d*2*SUM_W +: 2*SUM_W]", "g_node[1].pair"));
        return List.of(
                new Comment("the rows of every multiplier: digit d of a_i times this column's b_i"),
                new Loop("i", "0", "K", "g_mul", mul),
                new Comment("per digit weight d a binary heap of carry-save nodes over the K rows of that weight"
                        + " ({sum, carry} pairs; 1 is the root, LEAVES..2*LEAVES-1 the rows, zero beyond K)"),
                new Wire("weights", "DIGITS*2*SUM_W", false),
                new Loop("d", "0", "DIGITS", "g_weight", weight),
                new Comment("shifted once, added once: the root level's register holds the finished dot product"),
                new Wire("dot_d", "DOT_W", false), new Wire("dot", "DOT_W", false),
                Structure.instance(fin.name(), "u_final", treeLoc, "weights", "weights", "dot", "dot_d"),
                Structure.delay(delay, "u_dot_stage", "DOT_W", "(PIPE >= 1) ? 1 : 0", "advance", "dot_d", "dot", treeLoc));
    }

    private record RowShape(int width, boolean signed) {
    }

    /** ROW_W and whether the rows are signed: the widest digit row, signed if any is. */
    private RowShape rowShape() {
        DatapathBuilder g = new DatapathBuilder("");
        Digits d = digitsOf(g, g.input("code", codeWidth));
        Value b = g.input("b", pe.b().width());
        int width = 0;
        boolean signed = false;
        for (int i = 0; i < digits; i++) {
            DigitRow r = LowerMultipliers.digitRow(g, d, i, "m", b, pe.b().signed());
            width = Math.max(width, r.row().width());
            signed |= r.signed();
        }
        return new RowShape(width, signed);
    }

    /** The digits as the encoder packs them into {@code code}: {two, one, neg} (the AND array: a itself). */
    private Digits digitsOf(DatapathBuilder g, Value code) {
        if (kind == Multiplier.AND_ARRAY) {
            return new Digits(kind, digits, null, null, null, code, pe.a().signed());
        }
        Value neg = g.slice("neg", code, 0, digits);
        Value one = g.slice("one", code, digits, digits);
        Value two = g.slice("two", code, 2 * digits, digits);
        return new Digits(kind, digits, neg, one, two, null, pe.a().signed());
    }

    private Datapath encGraph() {
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value a = g.input("a", pe.a().width());
        Value code = g.output("code", codeWidth);
        Digits d = LowerMultipliers.encode(g, kind, "a", a, pe.a().signed());
        g.add(new Op.Concat(code, List.of(d.two(), d.one(), d.neg()), g.loc()));
        return g.build();
    }

    private Datapath ppGraph() {
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value code = g.input("code", codeWidth);
        Value b = g.input("b", pe.b().width());
        Value rows = g.output("rows", digits * rowWidth);
        Value extras = g.output("extras", digits);
        Digits d = digitsOf(g, code);
        List<Value> rowParts = new ArrayList<>();
        List<Value> extraParts = new ArrayList<>();
        for (int i = digits - 1; i >= 0; i--) {
            DigitRow r = LowerMultipliers.digitRow(g, d, i, "m", b, pe.b().signed());
            Value row = g.extend("m_row" + i, r.row(), rowWidth, r.signed());
            if (rowSigned) {
                // offset form: row + 2^(ROW_W-1) is the row with its sign bit inverted, never negative
                Value top = g.constant("m_sign" + i, rowWidth, BigInteger.ONE.shiftLeft(rowWidth - 1));
                row = g.logic("m_offset" + i, Op.LogicKind.XOR, row, top);
            }
            rowParts.add(row);
            extraParts.add(r.extra() != null ? r.extra() : g.constant("m_no_extra" + i, 1, 0));
        }
        g.add(new Op.Concat(rows, rowParts, g.loc()));
        g.add(new Op.Concat(extras, extraParts, g.loc()));
        return g.build();
    }

    private Datapath csaGraph() {
        MacStructure mac = pe.mac();
        DatapathBuilder g = new DatapathBuilder(tree.loc().locator());
        Value l = g.input("l", 2 * sumWidth);
        Value r = g.input("r", 2 * sumWidth);
        Value pair = g.output("pair", 2 * sumWidth);
        List<Op.HeapRow> rows = new ArrayList<>();
        for (Value side : List.of(l, r)) {
            rows.add(new Op.HeapRow(g.slice(side.name() + "_sum", side, sumWidth, sumWidth), 0, false));
            rows.add(new Op.HeapRow(g.slice(side.name() + "_carry", side, 0, sumWidth), 0, false));
        }
        Value sum = g.fresh("node_sum", sumWidth);
        Value carry = g.fresh("node_carry", sumWidth);
        g.add(new Op.BitHeap(sum, carry, rows, MacDatapath.reduction(mac), mac.fourTwo(), g.loc()));
        g.add(new Op.Concat(pair, List.of(sum, carry), g.loc()));
        return g.build();
    }

    private Datapath finalGraph() {
        MacStructure mac = pe.mac();
        DatapathBuilder g = new DatapathBuilder(tree.loc().locator());
        Value weights = g.input("weights", digits * 2 * sumWidth);
        Value dot = g.output("dot", dotw);
        Digits shifts = new Digits(kind, digits, null, null, null, null, pe.a().signed());
        List<Op.HeapRow> rows = new ArrayList<>();
        BigInteger offsets = BigInteger.ZERO;
        for (int d = 0; d < digits; d++) {
            int shift = shifts.shift(d);
            Value pair = g.slice("weight" + d, weights, d * 2 * sumWidth, 2 * sumWidth);
            rows.add(new Op.HeapRow(g.slice("weight" + d + "_sum", pair, sumWidth, sumWidth), shift, false));
            rows.add(new Op.HeapRow(g.slice("weight" + d + "_carry", pair, 0, sumWidth), shift, false));
            if (rowSigned) {
                offsets = offsets.add(BigInteger.ONE.shiftLeft(shift + rowWidth - 1));
            }
        }
        BigInteger modulus = BigInteger.ONE.shiftLeft(dotw);
        BigInteger correction = offsets.multiply(BigInteger.valueOf(tree.k())).negate().mod(modulus);
        if (correction.signum() != 0) {
            rows.add(new Op.HeapRow(g.constant("offsets", dotw, correction), 0, false));
        }
        Value sum = g.fresh("dot_heap_sum", dotw);
        Value carry = g.fresh("dot_heap_carry", dotw);
        g.add(new Op.BitHeap(sum, carry, rows, MacDatapath.reduction(mac), mac.fourTwo(), g.loc()));
        g.add(new Op.Add(dot, sum, carry, false, g.loc()));
        return g.build();
    }
}
