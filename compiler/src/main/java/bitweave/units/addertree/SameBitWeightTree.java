package bitweave.units.addertree;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.DatapathSimulator;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.MacStructure;
import bitweave.ir.IntType;
import bitweave.ir.MacStructure.Multiplier;
import bitweave.ir.PeSpec;
import bitweave.passes.DatapathModules;
import bitweave.passes.LowerMultipliers;
import bitweave.passes.LowerMultipliers.DigitRow;
import bitweave.passes.LowerMultipliers.Digits;
import bitweave.passes.LoweringSupport;
import bitweave.passes.MacDatapath;
import bitweave.passes.Structure;
import bitweave.rtl.ArrayItem.Assign;
import bitweave.rtl.ArrayItem.Comment;
import bitweave.rtl.ArrayItem.LocalParam;
import bitweave.rtl.ArrayItem.Loop;
import bitweave.rtl.ArrayItem.Wire;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.RtlModule;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The dot units of {@code transform same_bit_weight_reduction} (TPE OPT2, DOMAIN.md 2.2): the bit-weight
 * loop is moved below the K loop. A dot product is Σ_i a_i·b_i = Σ_d 2^shift(d) · Σ_i (digit d of
 * a_i)·b_i, so for every digit weight d the K partial products of that weight go into ONE flat bit heap
 * (compressed by compress-bit-heaps with the PE's reduction), and only the per-weight (sum, carry) pairs
 * are shifted, once, into a final heap with one carry-propagate adder. Used by the adder tree (a unit
 * per column) and the 2D-Matrix (a unit per grid cell), through {@link DotUnit}.
 *
 * <p>Modules (datapath graphs):
 * <ul>
 * <li>{@code _enc}: the digits of one a (Booth or EN-T encoder; the AND array's digits are a's bits, no
 *   module). The encoding depends on a only, so it is made once per a and beat and shared by every
 *   unit that multiplies by that a (the N columns of the tree, the N units of a matrix row).</li>
 * <li>{@code _pp}: the DIGITS partial-product rows of one a·b (selectors of lower-multipliers, via
 *   {@link LowerMultipliers#digitRow}), ROW_W bits each, and the digits' extra bits (a negative digit's
 *   +1). A signed row is sent in offset form, its top bit inverted (row + 2^(ROW_W-1)), so every bit a
 *   heap sees is a non-negative weight: no sign extension anywhere. The K·Σ offsets are one constant,
 *   subtracted in {@code _final}.</li>
 * <li>{@code _weights}: per digit weight one bit heap over the K rows of that weight. The extra bit of
 *   digit d sits at the weight of digit d's row bit 0, which is two columns (radix 4; one for the AND
 *   array) below the rows of digit d+1: so the K extras of digit d fill the empty bottom column of digit
 *   d+1's heap instead of doubling the height of a column (a Booth array's classic placement), and the
 *   top digit's extras are a small heap of their own. As every bit is non-negative and a heap's width
 *   holds its largest total, each pair is exact (or exact modulo 2^DOT_W once at its weight, when the
 *   width is cut there), so it can be shifted afterwards.</li>
 * <li>{@code _final}: the pairs, each at its weight, and the offset constant: one bit heap and one
 *   carry-propagate adder, the dot product of DOT_W bits.</li>
 * </ul>
 * The dot's top bit ({@link TopBit}): DOT_W has one bit per tree level, but with signed int8 operands and
 * K a power of two the sum reaches 2^(DOT_W-2) (= K·(-128)·(-128)) only when every a and b is the most
 * negative value, and everywhere else the top bit equals the bit below it. Computed by the flat heap, that
 * top bit is a node random simulation never tells apart from its neighbour, and ABC's SAT sweeping
 * ({@code &fraig -x} in {@code abc -g cmos2}) needs minutes to hours to find the one input that does
 * (K=16: over 10 minutes for one column). So the heap and the adder make DOT_W-1 bits, and the top bit is
 * that sign bit, cleared when {@code _weights} sees every row and extra bit in the pattern of the
 * most-negative corner ({@code corner}, a plain AND of compared bits); when the range never reaches
 * 2^(DOT_W-2) the top bit is the sign bit alone. Same values, easy proofs.
 * The datapath modules grow with K (the heaps take K rows); the array level keeps its generate loops.
 *
 * <p>Pipeline (PIPE registers, latency PIPE + 1 as in the plain tree): PIPE >= 1 registers the dot
 * product, PIPE >= 2 also the pairs between the heaps and the final adder, PIPE >= 3 also the selected
 * rows before the heaps; stages beyond three are further registers on the dot product.
 */
final class SameBitWeightTree {
    private final PeSpec pe;
    private final int k;
    private final String unitLoc;
    private final Multiplier kind;
    private final int digits;
    private final int codeWidth;
    private final int rowWidth;
    private final boolean rowSigned;
    /** For each digit, its index among the extra bits of one multiplier, or -1 (none). */
    private final int[] extraIndex;
    private final int extrasWidth;
    private final int dotw;
    private final List<Heap> heaps;
    private final int pairsWidth;
    private final RtlModule enc;
    private final RtlModule pp;
    private final RtlModule weights;
    private final RtlModule fin;
    private final int pairWidth;
    private final TopBit topBit;
    /** With {@link TopBit#CORNER}: the rows and extras of one multiplier at the most-negative corner. */
    private final BigInteger cornerRows;
    private final BigInteger cornerExtras;

    /** How {@code _final} makes the dot's top bit (class comment). */
    private enum TopBit {
        /** the heap's own top bit: the range needs all DOT_W bits */
        HEAP,
        /** the sum always fits DOT_W-1 bits: the top bit repeats the sign bit */
        SIGN,
        /** the sum fits DOT_W-1 bits except 2^(DOT_W-2) at the corner a = b = most negative, every row */
        CORNER
    }

    /**
     * One per-weight heap: K rows of digit {@code rowDigit} (-1: none) at column {@code rowShift}, the K
     * extras of digit {@code extraDigit} (-1: none) at column 0; the heap sits at weight 2^base.
     */
    private record Heap(String name, int rowDigit, int extraDigit, int base, int rowShift, int width) {
    }

    SameBitWeightTree(PeSpec pe, int k, String unit, String unitLoc, int dotw) {
        this(pe, k, unit, unitLoc, dotw, 0);
    }

    /**
     * @param pairWidth 0: the unit ends in its adder (the wire {@code dot}); W > 0: it ends in the final
     *                  heap's (sum, carry) pair mod 2^W (the wire {@code dot_pair}, sum in the high half),
     *                  for a consumer that keeps accumulating in carry-save form (the 2D-Matrix with OPT1)
     */
    SameBitWeightTree(PeSpec pe, int k, String unit, String unitLoc, int dotw, int pairWidth) {
        this.pe = pe;
        this.pairWidth = pairWidth;
        this.k = k;
        this.unitLoc = unitLoc;
        this.kind = pe.mac().multiplier();
        if (!kind.makesPartialProducts()) {
            throw new IllegalStateException("same_bit_weight_reduction needs partial products (checker: E0218)");
        }
        this.dotw = dotw;
        this.digits = Digits.count(kind, pe.a().width(), pe.a().signed());
        this.codeWidth = kind == Multiplier.AND_ARRAY ? pe.a().width() : 3 * digits;
        String peLoc = pe.loc().locator();
        this.extraIndex = new int[digits];
        RowShape shape = rowShape();
        this.rowWidth = shape.width();
        this.rowSigned = shape.signed();
        this.extrasWidth = shape.extras();
        this.heaps = heaps();
        this.pairsWidth = heaps.stream().mapToInt(h -> 2 * h.width()).sum();
        // an unfused pair mod 2^pairWidth has no top bit to make beside the heap
        this.topBit = pairWidth > 0 ? TopBit.HEAP : topBitRule();
        this.enc = kind == Multiplier.AND_ARRAY ? null : DatapathModules.module(LoweringSupport.moduleName(unit, "enc"),
                "the " + kind.dslName() + " digits of one a (neg, one, two; digit i is bit i of each), shared by"
                        + " every unit that multiplies by it", peLoc, encGraph());
        Datapath ppGraph = ppGraph();
        this.pp = DatapathModules.module(LoweringSupport.moduleName(unit, "pp"),
                "the partial-product rows of one a*b, one per digit weight, in offset form (top bit inverted)"
                        + (extrasWidth > 0 ? ", and the digits' extra bits" : ""), peLoc, ppGraph);
        if (topBit == TopBit.CORNER) {
            Map<String, BigInteger> corner = cornerPattern(ppGraph);
            this.cornerRows = corner.get("rows");
            this.cornerExtras = extrasWidth > 0 ? corner.get("extras") : BigInteger.ZERO;
        } else {
            this.cornerRows = null;
            this.cornerExtras = null;
        }
        this.weights = DatapathModules.module(LoweringSupport.moduleName(unit, "weights"),
                "per digit weight one flat bit heap over the K rows of that weight: exact (sum, carry) pairs"
                        + (topBit == TopBit.CORNER ? "; corner: every multiplier at a = b = most negative" : ""),
                unitLoc, weightsGraph());
        this.fin = DatapathModules.module(LoweringSupport.moduleName(unit, "final"),
                pairWidth > 0 ? "the per-weight pairs shifted to their weights, minus the offsets: one bit heap, its"
                        + " (sum, carry) pair mod 2^" + pairWidth + " unfused"
                        : "the per-weight pairs shifted to their weights, minus the offsets: one bit heap and one adder",
                unitLoc, finalGraph());
    }

    List<RtlModule> modules() {
        List<RtlModule> out = new ArrayList<>();
        if (enc != null) {
            out.add(enc);
        }
        out.addAll(List.of(pp, weights, fin));
        return out;
    }

    List<ArrayItem> localParams() {
        List<ArrayItem> out = new ArrayList<>(List.of(
                new LocalParam("DIGITS", String.valueOf(digits)),
                new LocalParam("CODE_W", String.valueOf(codeWidth)),
                new LocalParam("ROW_W", String.valueOf(rowWidth))));
        if (extrasWidth > 0) {
            out.add(new LocalParam("EXTRA_W", String.valueOf(extrasWidth)));
        }
        out.add(new LocalParam("PAIRS_W", String.valueOf(pairsWidth)));
        return out;
    }

    /**
     * The encoding of every a, once per beat ({@code count} of them, a_j = in_a[j]), before the units:
     * the units read the digits of their i-th a as {@code g_enc[...].code}.
     */
    List<ArrayItem> encoderItems(String count, String aWire) {
        String peLoc = pe.loc().locator();
        List<ArrayItem> body = new ArrayList<>();
        body.add(new Wire("code", "CODE_W", false));
        if (enc == null) {
            body.add(new Assign("code", aWire + "[j*A_W +: A_W]"));
        } else {
            body.add(Structure.instance(enc.name(), "u_enc", peLoc, "a", aWire + "[j*A_W +: A_W]", "code", "code"));
        }
        return List.of(
                new Comment(enc == null ? "the digits of every a (the AND array's digits are its bits), shared by the units"
                        : "the encoding of every a, once per beat, shared by every unit that multiplies by it"),
                new Loop("j", "0", count, "g_enc", body));
    }

    /**
     * One dot unit: the selectors of its K multipliers (multiplier i reads the digits {@code code.apply("i")}
     * and the operand {@code b.apply("i")}), the per-weight heaps, the final adder; its result is the
     * wire {@code dot}.
     */
    List<ArrayItem> unitItems(String delay, UnaryOperator<String> code, UnaryOperator<String> b) {
        String peLoc = pe.loc().locator();
        List<String> ppPorts = new ArrayList<>(List.of("code", code.apply("i"), "b", b.apply("i"),
                "rows", "rows_d[i*DIGITS*ROW_W +: DIGITS*ROW_W]"));
        if (extrasWidth > 0) {
            ppPorts.addAll(List.of("extras", "extras_d[i*EXTRA_W +: EXTRA_W]"));
        }
        List<ArrayItem> mul = List.of(Structure.instance(pp.name(), "u_pp", peLoc, ppPorts.toArray(String[]::new)));
        List<ArrayItem> items = new ArrayList<>(List.of(
                new Comment("the rows of every multiplier: digit d of its a times its b"),
                new Wire("rows_d", "K*DIGITS*ROW_W", false), new Wire("rows", "K*DIGITS*ROW_W", false)));
        if (extrasWidth > 0) {
            items.addAll(List.of(new Wire("extras_d", "K*EXTRA_W", false), new Wire("extras", "K*EXTRA_W", false)));
        }
        items.add(new Loop("i", "0", "K", "g_mul", mul));
        items.add(Structure.delay(delay, "u_rows_stage", "K*DIGITS*ROW_W", "(PIPE >= 3) ? 1 : 0", "advance", "rows_d",
                "rows", unitLoc));
        List<String> weightPorts = new ArrayList<>(List.of("rows", "rows"));
        if (extrasWidth > 0) {
            items.add(Structure.delay(delay, "u_extras_stage", "K*EXTRA_W", "(PIPE >= 3) ? 1 : 0", "advance",
                    "extras_d", "extras", unitLoc));
            weightPorts.addAll(List.of("extras", "extras"));
        }
        weightPorts.addAll(List.of("pairs", "pairs_d"));
        List<String> finalPorts = new ArrayList<>(List.of("pairs", "pairs"));
        items.addAll(List.of(
                new Comment("per digit weight one flat bit heap over the K rows of that weight"),
                new Wire("pairs_d", "PAIRS_W", false), new Wire("pairs", "PAIRS_W", false)));
        if (topBit == TopBit.CORNER) {
            weightPorts.addAll(List.of("corner", "corner_d"));
            finalPorts.addAll(List.of("corner", "corner"));
            items.addAll(List.of(new Wire("corner_d", "1", false), new Wire("corner", "1", false)));
        }
        items.addAll(List.of(
                Structure.instance(weights.name(), "u_weights", unitLoc, weightPorts.toArray(String[]::new)),
                Structure.delay(delay, "u_pairs_stage", "PAIRS_W", "(PIPE >= 2) ? 1 : 0", "advance", "pairs_d", "pairs",
                        unitLoc)));
        if (topBit == TopBit.CORNER) {
            items.add(Structure.delay(delay, "u_corner_stage", "1", "(PIPE >= 2) ? 1 : 0", "advance", "corner_d",
                    "corner", unitLoc));
        }
        items.add(new Comment(pairWidth > 0 ? "shifted once, compressed to one pair (the consumer adds it)"
                : "shifted once, added once"));
        String stages = "(PIPE >= 3) ? PIPE - 2 : ((PIPE >= 1) ? 1 : 0)";
        if (pairWidth > 0) {
            String w = String.valueOf(pairWidth);
            finalPorts.addAll(List.of("dot_sum", "dot_pair_d[" + w + " +: " + w + "]", "dot_carry",
                    "dot_pair_d[0 +: " + w + "]"));
            items.addAll(List.of(
                    new Wire("dot_pair_d", "2*" + w, false), new Wire("dot_pair", "2*" + w, false),
                    Structure.instance(fin.name(), "u_final", unitLoc, finalPorts.toArray(String[]::new)),
                    Structure.delay(delay, "u_dot_stage", "2*" + w, stages, "advance", "dot_pair_d", "dot_pair",
                            unitLoc)));
        } else {
            finalPorts.addAll(List.of("dot", "dot_d"));
            items.addAll(List.of(
                    new Wire("dot_d", "DOT_W", false), new Wire("dot", "DOT_W", false),
                    Structure.instance(fin.name(), "u_final", unitLoc, finalPorts.toArray(String[]::new)),
                    Structure.delay(delay, "u_dot_stage", "DOT_W", stages, "advance", "dot_d", "dot", unitLoc)));
        }
        return items;
    }

    private record RowShape(int width, boolean signed, int extras) {
    }

    /** ROW_W (the widest digit row), whether any row is signed, and which digits have an extra bit. */
    private RowShape rowShape() {
        DatapathBuilder g = new DatapathBuilder("");
        Digits d = digitsOf(g, g.input("code", codeWidth));
        Value b = g.input("b", pe.b().width());
        int width = 0;
        boolean signed = false;
        int extras = 0;
        for (int i = 0; i < digits; i++) {
            DigitRow r = LowerMultipliers.digitRow(g, d, i, "m", b, pe.b().signed());
            width = Math.max(width, r.row().width());
            signed |= r.signed();
            extraIndex[i] = r.extra() != null ? extras++ : -1;
        }
        return new RowShape(width, signed, extras);
    }

    /**
     * The heaps, lowest weight first: digit d's rows, with the extras of digit d-1 in the bottom column
     * when digit d-1 has them (its extra's weight is that column's); then the top digit's extras alone.
     */
    private List<Heap> heaps() {
        Digits shifts = new Digits(kind, digits, null, null, null, null, pe.a().signed());
        BigInteger rows = BigInteger.valueOf(k).multiply(BigInteger.ONE.shiftLeft(rowWidth).subtract(BigInteger.ONE));
        List<Heap> out = new ArrayList<>();
        for (int d = 0; d < digits; d++) {
            int lower = d > 0 && extraIndex[d - 1] >= 0 ? d - 1 : -1;
            int base = lower >= 0 ? shifts.shift(lower) : shifts.shift(d);
            int rowShift = shifts.shift(d) - base;
            BigInteger max = rows.shiftLeft(rowShift).add(BigInteger.valueOf(lower >= 0 ? k : 0));
            out.add(new Heap("weight" + d, d, lower, base, rowShift, width(max, base)));
        }
        int top = digits - 1;
        if (extraIndex[top] >= 0) {
            int base = shifts.shift(top);
            out.add(new Heap("top_extras", -1, top, base, 0, width(BigInteger.valueOf(k), base)));
        }
        return out;
    }

    /**
     * Bits of a heap whose total is at most {@code max}: exact, or cut at DOT_W once at its weight (the
     * dot product is kept modulo 2^DOT_W, so bits above it do not matter).
     */
    private int width(BigInteger max, int base) {
        return Math.min(max.bitLength(), dotw - base);
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
        Value extras = extrasWidth > 0 ? g.output("extras", extrasWidth) : null;
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
            if (r.extra() != null) {
                extraParts.add(r.extra());
            }
        }
        g.add(new Op.Concat(rows, rowParts, g.loc()));
        if (extras != null) {
            g.add(new Op.Concat(extras, extraParts, g.loc()));
        }
        return g.build();
    }

    private Datapath weightsGraph() {
        MacStructure mac = pe.mac();
        DatapathBuilder g = new DatapathBuilder(unitLoc);
        Value rows = g.input("rows", k * digits * rowWidth);
        Value extras = extrasWidth > 0 ? g.input("extras", k * extrasWidth) : null;
        Value pairs = g.output("pairs", pairsWidth);
        if (topBit == TopBit.CORNER) {
            cornerGraph(g, rows, extras);
        }
        List<Value> parts = new ArrayList<>();
        for (Heap h : heaps) {
            List<Op.HeapRow> heapRows = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                if (h.rowDigit() >= 0) {
                    Value row = g.slice(h.name() + "_row" + i, rows, (i * digits + h.rowDigit()) * rowWidth, rowWidth);
                    heapRows.add(new Op.HeapRow(row, h.rowShift(), false));
                }
                if (h.extraDigit() >= 0) {
                    Value extra = g.bit(h.name() + "_extra" + i, extras, i * extrasWidth + extraIndex[h.extraDigit()]);
                    heapRows.add(new Op.HeapRow(extra, 0, false));
                }
            }
            Value sum = g.fresh(h.name() + "_heap_sum", h.width());
            Value carry = g.fresh(h.name() + "_heap_carry", h.width());
            g.add(new Op.BitHeap(sum, carry, heapRows, MacDatapath.reduction(mac), mac.fourTwo(), g.loc()));
            parts.add(0, carry);
            parts.add(0, sum);
        }
        g.add(new Op.Concat(pairs, parts, g.loc()));
        return g.build();
    }

    /**
     * {@code corner}: every multiplier's rows and extras equal the most-negative corner's (the only
     * operands whose products sum to 2^(DOT_W-2)): bits compared with a constant, then one AND.
     */
    private void cornerGraph(DatapathBuilder g, Value rows, Value extras) {
        Value corner = g.output("corner", 1);
        List<Value> matches = new ArrayList<>();
        matches.add(matchAll(g, "corner_rows", rows, cornerRows, digits * rowWidth));
        if (extras != null) {
            matches.add(matchAll(g, "corner_extras", extras, cornerExtras, extrasWidth));
        }
        g.add(new Op.Logic(corner, Op.LogicKind.AND, matches, g.loc()));
    }

    /** 1 when each of the K slices of {@code in} ({@code width} bits each) equals {@code pattern}. */
    private Value matchAll(DatapathBuilder g, String base, Value in, BigInteger pattern, int width) {
        BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        BigInteger flips = BigInteger.ZERO;
        for (int i = 0; i < k; i++) {
            flips = flips.or(pattern.xor(mask).shiftLeft(i * width));  // XOR with ~pattern: all ones on a match
        }
        Value same = g.logic(base + "_same", Op.LogicKind.XOR, in, g.constant(base + "_flip", k * width, flips));
        Value all = g.fresh(base + "_all", 1);
        g.add(new Op.Reduce(all, Op.LogicKind.AND, same, g.loc()));
        return all;
    }

    /**
     * TopBit rule: the range of the dot is [K·pmin, K·pmax] over the products' range; the top bit is only
     * needed when it leaves [-2^(DOT_W-2), 2^(DOT_W-2)). Its one known exception, signed a and b, where
     * only a = b = most negative makes the largest product (|a·b| is largest only there), gives CORNER.
     */
    private TopBit topBitRule() {
        IntType at = pe.a();
        IntType bt = pe.b();
        BigInteger pmax = null;
        BigInteger pmin = null;
        for (BigInteger a : List.of(least(at), most(at))) {
            for (BigInteger b : List.of(least(bt), most(bt))) {
                BigInteger p = a.multiply(b);
                pmax = pmax == null ? p : pmax.max(p);
                pmin = pmin == null ? p : pmin.min(p);
            }
        }
        BigInteger kk = BigInteger.valueOf(k);
        BigInteger half = BigInteger.ONE.shiftLeft(dotw - 2);
        if (dotw < 2 || kk.multiply(pmin).compareTo(half.negate()) < 0) {
            return TopBit.HEAP;
        }
        BigInteger hi = kk.multiply(pmax);
        if (hi.compareTo(half) < 0) {
            return TopBit.SIGN;
        }
        boolean cornerOnly = at.signed() && bt.signed() && least(at).multiply(least(bt)).equals(pmax);
        return hi.equals(half) && cornerOnly ? TopBit.CORNER : TopBit.HEAP;
    }

    private static BigInteger least(IntType t) {
        return t.signed() ? BigInteger.ONE.shiftLeft(t.width() - 1).negate() : BigInteger.ZERO;
    }

    private static BigInteger most(IntType t) {
        return (t.signed() ? BigInteger.ONE.shiftLeft(t.width() - 1) : BigInteger.ONE.shiftLeft(t.width()))
                .subtract(BigInteger.ONE);
    }

    /** The rows and extras of _pp at a = b = most negative (the encoder's code for a, as _enc makes it). */
    private Map<String, BigInteger> cornerPattern(Datapath ppGraph) {
        BigInteger a = BigInteger.ONE.shiftLeft(pe.a().width() - 1);  // bit pattern of the most negative a
        BigInteger b = BigInteger.ONE.shiftLeft(pe.b().width() - 1);
        BigInteger code = kind == Multiplier.AND_ARRAY ? a
                : DatapathSimulator.evaluate(encGraph(), Map.of("a", a)).get("code");
        return DatapathSimulator.evaluate(ppGraph, Map.of("code", code, "b", b));
    }

    private Datapath finalGraph() {
        MacStructure mac = pe.mac();
        DatapathBuilder g = new DatapathBuilder(unitLoc);
        Value pairs = g.input("pairs", pairsWidth);
        Value corner = topBit == TopBit.CORNER ? g.input("corner", 1) : null;
        // the heap width: the pair's (mod 2^pairWidth), DOT_W, or DOT_W-1 when the top bit is made beside it
        int sumw = pairWidth > 0 ? pairWidth : topBit == TopBit.HEAP ? dotw : dotw - 1;
        Value sum = pairWidth > 0 ? g.output("dot_sum", sumw) : g.fresh("dot_heap_sum", sumw);
        Value carry = pairWidth > 0 ? g.output("dot_carry", sumw) : g.fresh("dot_heap_carry", sumw);
        Value dot = pairWidth > 0 ? null : g.output("dot", dotw);
        Digits shifts = new Digits(kind, digits, null, null, null, null, pe.a().signed());
        List<Op.HeapRow> rows = new ArrayList<>();
        int lo = 0;
        for (Heap h : heaps) {
            rows.add(new Op.HeapRow(g.slice(h.name() + "_carry", pairs, lo, h.width()), h.base(), false));
            rows.add(new Op.HeapRow(g.slice(h.name() + "_sum", pairs, lo + h.width(), h.width()), h.base(), false));
            lo += 2 * h.width();
        }
        BigInteger offsets = BigInteger.ZERO;
        if (rowSigned) {
            for (int d = 0; d < digits; d++) {
                offsets = offsets.add(BigInteger.ONE.shiftLeft(shifts.shift(d) + rowWidth - 1));
            }
        }
        // the offsets' correction works modulo any power of two (2^sumw)
        BigInteger correction = offsets.multiply(BigInteger.valueOf(k)).negate().mod(BigInteger.ONE.shiftLeft(sumw));
        if (correction.signum() != 0) {
            rows.add(new Op.HeapRow(g.constant("offsets", sumw, correction), 0, false));
        }
        g.add(new Op.BitHeap(sum, carry, rows, MacDatapath.reduction(mac), mac.fourTwo(), g.loc()));
        if (dot == null) {
            return g.build();  // the unfused pair is the output
        }
        if (topBit == TopBit.HEAP) {
            g.add(new Op.Add(dot, sum, carry, false, g.loc()));
            return g.build();
        }
        Value low = g.add("dot_low", sum, carry);
        Value sign = g.bit("dot_sign", low, sumw - 1);
        Value top = topBit == TopBit.SIGN ? sign : g.and("dot_top", sign, g.not("dot_below_corner", corner));
        g.add(new Op.Concat(dot, List.of(top, low), g.loc()));
        return g.build();
    }
}
