package bitweave.units.lut;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.numeric.LutTables;
import bitweave.passes.MacDatapath;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The datapath graphs of a LUT-core tile ({@link LowerLutCore}), from {@link LutTables}' identity (DOMAIN.md 4):
 * <ul>
 *   <li>{@link #tableGraph}: one activation row's tables (per group of g, the stored entries Σ ±x_k) and its sum
 *       S, combinational: all N columns of the row share them;</li>
 *   <li>{@link #weightsGraph}: one weight column's codes, loaded with the tile and shifted left every step, so
 *       the top bit of each code is the current bit plane (most significant first);</li>
 *   <li>{@link #peGraph}: one output: per group the plane's index selects an entry (a mux and, symmetrized, a
 *       conditional negation with the other bits complemented unless pre-encoded), the groups' entries added
 *       (P), acc = 2·acc ± P per step; after the last plane (acc + C·S) / 2, plus c_in, fitted to acc.</li>
 * </ul>
 */
final class LutGraphs {
    private final LutCore t;
    private final LutTables tables;
    private final int aw;
    private final int entryW;

    LutGraphs(LutCore t) {
        this.t = t;
        this.tables = t.tables();
        this.aw = t.pe().a().width();
        this.entryW = tables.entryWidth(t.pe().a().min().longValueExact(), t.pe().a().max().longValueExact());
    }

    int entryWidth() {
        return entryW;
    }

    /** Bits of one row's tables: groups x stored entries x entry width. */
    int tableWidth() {
        return t.groups() * tables.storedEntries() * entryW;
    }

    /** Bits of S = Σ_k x_k (signed). */
    int sumWidth() {
        return aw + 1 + ceilLog2(t.k());
    }

    /** Bits of P = Σ over groups of one entry. */
    private int planeWidth() {
        return entryW + ceilLog2(t.groups());
    }

    /** Bits of acc = Σ_i ±2^i·P_i (b planes) with a sign to spare. */
    private int accWidth() {
        return planeWidth() + t.weightBits() + 1;
    }

    static int ceilLog2(int n) {
        return n <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(n - 1);
    }

    Datapath tableGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        int k = t.k();
        int gs = t.group();
        Value x = g.input("x", k * aw);
        Value tOut = g.output("tables", tableWidth());
        Value sOut = g.output("s", sumWidth());
        boolean signed = t.pe().a().signed();
        List<Value> xs = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            xs.add(g.extend("x" + i, g.slice("x" + i + "_code", x, i * aw, aw), Math.max(entryW, sumWidth()), signed));
        }
        List<Value> entries = new ArrayList<>();
        int stored = tables.storedEntries();
        for (int j = 0; j < t.groups(); j++) {
            for (int e = 0; e < stored; e++) {
                int idx = tables.symmetrize() ? tables.insertBit(e, 0) : e;
                Value sum = null;
                for (int q = 0; q < gs; q++) {
                    Value term = g.slice("g" + j + "_e" + e + "_x" + q, xs.get(j * gs + q), 0, entryW);
                    boolean plus = (idx >> q & 1) != 0;
                    if (sum == null) {
                        sum = plus ? term : g.fresh("g" + j + "_e" + e + "_neg", entryW);
                        if (!plus) {
                            g.add(new Op.Add(sum, g.constant("g" + j + "_e" + e + "_zero", entryW, 0), term, true, g.loc()));
                        }
                    } else {
                        Value next = g.fresh("g" + j + "_e" + e + "_s" + q, entryW);
                        g.add(new Op.Add(next, sum, term, !plus, g.loc()));
                        sum = next;
                    }
                }
                entries.add(sum);
            }
        }
        g.add(new Op.Concat(tOut, reversed(entries), g.loc()));
        Value s = g.slice("s0", xs.get(0), 0, sumWidth());
        for (int i = 1; i < k; i++) {
            Value next = g.fresh("s" + i, sumWidth());
            g.add(new Op.Add(next, s, g.slice("s" + i + "_x", xs.get(i), 0, sumWidth()), false, g.loc()));
            s = next;
        }
        g.add(new Op.Extend(sOut, s, true, g.loc()));
        return g.build();
    }

    /** Concat takes the most significant part first; entry 0 is the lowest. */
    private static List<Value> reversed(List<Value> v) {
        List<Value> out = new ArrayList<>(v);
        java.util.Collections.reverse(out);
        return out;
    }

    Datapath weightsGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        int b = t.weightBits();
        Value load = g.input("load", 1);
        Value advance = g.input("advance", 1);
        Value w = g.input("w", t.k() * b);
        Value plane = g.output("plane", t.k());
        Value enable = g.or("shift_or_load", load, advance);
        List<Value> tops = new ArrayList<>();
        for (int i = 0; i < t.k(); i++) {
            Value q = g.fresh("code" + i + "_q", b);
            Value shifted = b == 1 ? g.constant("code" + i + "_shifted", 1, 0)
                    : g.fresh("code" + i + "_shifted", b);
            if (b > 1) {
                g.add(new Op.ShiftLeft(shifted, q, 1, g.loc()));
            }
            g.register(q, g.mux("code" + i + "_d", load, g.slice("code" + i + "_in", w, i * b, b), shifted), enable, null);
            tops.add(g.bit("code" + i + "_top", q, b - 1));
        }
        g.add(new Op.Concat(plane, reversed(tops), g.loc()));
        return g.build();
    }

    Datapath peGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        Value table = g.input("tables", tableWidth());
        Value s = g.input("s", sumWidth());
        Value plane = g.input("plane", t.k());
        Value first = g.input("first", 1);
        Value last = g.input("last", 1);
        Value advance = g.input("advance", 1);
        Value c = t.accumulateIn() ? g.input("c", t.pe().acc().width()) : null;
        Value o = g.output("o", t.pe().acc().width());
        Value accD = t.compressedAccumulation()
                ? compressedPlaneAccumulation(g, table, plane, first, advance)
                : planeAccumulation(g, table, plane, first, advance);
        int accW = accWidth();
        // the bracket (acc + C*S) is even; O is its half
        int bw = Math.max(accW, sumWidth() + 5) + 1;
        Value cs = g.fresh("cs", bw);
        g.add(new Op.Multiply(cs, g.extend("s_wide", s, bw, true),
                g.constant("c_const", bw, BigInteger.valueOf(tables.correction()).and(mask(bw))), g.loc()));
        Value bracket = g.fresh("bracket", bw);
        g.add(new Op.Add(bracket, g.extend("acc_wide", accD, bw, true), cs, false, g.loc()));
        Value half = g.slice("half", bracket, 1, bw - 1);
        loadResult(g, t, half, c, o, g.and("o_load", advance, last));
        return g.build();
    }

    /**
     * The PE's tail, the same for every datapath: the exact GEMM value (signed) plus c_in, fitted to acc by its
     * overflow policy, into the output register when {@code load} (the tile's last step).
     */
    static void loadResult(DatapathBuilder g, LutCore t, Value gemm, Value c, Value o, Value load) {
        int ew = Math.max(gemm.width(), t.pe().acc().width() + 1) + 1;
        Value exact = g.extend("o_exact_gemm", gemm, ew, true);
        if (c != null) {
            Value sum = g.fresh("o_exact", ew);
            g.add(new Op.Add(sum, exact, g.extend("c_wide", c, ew, t.pe().acc().signed()), false, g.loc()));
            exact = sum;
        }
        Value fitted = g.fresh("o_fitted", t.pe().acc().width());
        MacDatapath.fit(g, fitted, exact, t.pe());
        g.register(o, fitted, load, null);
    }

    /** acc = 2·acc ± P with carry-propagate adders: P from the groups' values, then the accumulator's add. */
    private Value planeAccumulation(DatapathBuilder g, Value table, Value plane, Value first, Value advance) {
        int pw = planeWidth();
        Value p = null;
        for (int j = 0; j < t.groups(); j++) {
            List<Value> idx = groupIndex(g, plane, j);
            Value entry = lookup(g, j, groupEntries(g, table, j), idx);
            Value value = entry;
            if (tables.symmetrize()) {
                Value sel = idx.get(tables.signBit());
                Value neg = g.fresh("g" + j + "_negated", entryW);
                g.add(new Op.Add(neg, g.constant("g" + j + "_zero", entryW, 0), entry, true, g.loc()));
                value = g.mux("g" + j + "_value", sel, neg, entry);
            }
            Value wide = g.extend("g" + j + "_wide", value, pw, true);
            if (p == null) {
                p = wide;
            } else {
                Value next = g.fresh("p" + j, pw);
                g.add(new Op.Add(next, p, wide, false, g.loc()));
                p = next;
            }
        }
        int accW = accWidth();
        Value pWide = g.extend("p_wide", p, accW, true);
        Value term = pWide;
        if (t.pe().b().signed()) {
            // the sign plane (most significant, the first step) weighs -2^(b-1): it is subtracted
            Value negP = g.fresh("p_negated", accW);
            g.add(new Op.Add(negP, g.constant("p_zero", accW, 0), pWide, true, g.loc()));
            term = g.mux("p_term", first, negP, pWide);
        }
        Value accQ = g.fresh("acc_q", accW);
        Value doubled = g.fresh("acc_doubled", accW);
        g.add(new Op.ShiftLeft(doubled, accQ, 1, g.loc()));
        Value base = g.mux("acc_base", first, g.constant("acc_clear", accW, 0), doubled);
        Value accD = g.fresh("acc_d", accW);
        g.add(new Op.Add(accD, base, term, false, g.loc()));
        // acc is data: the first step of every tile clears it, so it needs no reset
        g.register(accQ, accD, advance, null);
        return accD;
    }

    /** Group j's entries (from the row's tables) and the plane's index bits of its g elements. */
    private List<Value> groupEntries(DatapathBuilder g, Value table, int j) {
        List<Value> entries = new ArrayList<>();
        for (int e = 0; e < tables.storedEntries(); e++) {
            entries.add(g.slice("g" + j + "_t" + e, table, (j * tables.storedEntries() + e) * entryW, entryW));
        }
        return entries;
    }

    private List<Value> groupIndex(DatapathBuilder g, Value plane, int j) {
        List<Value> idx = new ArrayList<>();
        for (int q = 0; q < t.group(); q++) {
            idx.add(g.bit("g" + j + "_i" + q, plane, j * t.group() + q));
        }
        return idx;
    }

    /**
     * The stored entry an index reads, before its negation: symmetrized, the other bits address the half table,
     * complemented when the select bit is set (unless the weights are pre-encoded).
     */
    private Value lookup(DatapathBuilder g, int j, List<Value> entries, List<Value> idx) {
        if (!tables.symmetrize()) {
            return select(g, "g" + j + "_m", entries, idx);
        }
        Value sel = idx.get(tables.signBit());
        List<Value> addr = new ArrayList<>(idx);
        addr.remove(tables.signBit());
        if (!tables.preEncoded()) {
            List<Value> flipped = new ArrayList<>();
            for (int q = 0; q < addr.size(); q++) {
                flipped.add(g.logic("g" + j + "_a" + q, Op.LogicKind.XOR, addr.get(q), sel));
            }
            addr = flipped;
        }
        return select(g, "g" + j + "_m", entries, addr);
    }

    /**
     * transform compressed_accumulation: the accumulator is a (sum, carry) pair of accWidth bits (exact: the true
     * acc fits, so sum + carry mod 2^accWidth is it). Each step one bit heap takes the doubled pair and every
     * group's entry, negated as ~e + 1 (the +1 a one-bit row), where the negation is the select bit XOR (signed
     * codes) the sign plane's step; so the step loop has counters only. The pair is resolved after the loop.
     */
    private Value compressedPlaneAccumulation(DatapathBuilder g, Value table, Value plane, Value first,
                                              Value advance) {
        int accW = accWidth();
        Value sumQ = g.fresh("acc_sum_q", accW);
        Value carryQ = g.fresh("acc_carry_q", accW);
        Value zero = g.constant("acc_clear", accW, 0);
        List<Op.HeapRow> rows = new ArrayList<>(List.of(
                new Op.HeapRow(g.mux("acc_sum_base", first, zero, sumQ), 1, false),
                new Op.HeapRow(g.mux("acc_carry_base", first, zero, carryQ), 1, false)));
        for (int j = 0; j < t.groups(); j++) {
            List<Value> idx = groupIndex(g, plane, j);
            Value entry = lookup(g, j, groupEntries(g, table, j), idx);
            Value negate = tables.symmetrize() ? idx.get(tables.signBit()) : null;
            if (t.pe().b().signed()) {
                negate = negate == null ? first : g.logic("g" + j + "_negate", Op.LogicKind.XOR, negate, first);
            }
            if (negate == null) {
                rows.add(new Op.HeapRow(entry, 0, true));
            } else {
                rows.add(new Op.HeapRow(g.mux("g" + j + "_ones", negate, g.not("g" + j + "_inverted", entry), entry), 0,
                        true));
                rows.add(new Op.HeapRow(negate, 0, false));
            }
        }
        Value sumD = g.fresh("acc_heap_sum", accW);
        Value carryD = g.fresh("acc_heap_carry", accW);
        g.add(new Op.BitHeap(sumD, carryD, rows, MacDatapath.reduction(t.pe().mac()), t.pe().mac().fourTwo(), g.loc()));
        g.register(sumQ, sumD, advance, null);
        g.register(carryQ, carryD, advance, null);
        Value accD = g.fresh("acc_d", accW);
        g.add(new Op.Add(accD, sumD, carryD, false, g.loc()));
        return accD;
    }

    private static BigInteger mask(int w) {
        return BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
    }

    /** entries[addr] by a mux tree, addr's last bit (the most significant) choosing first. */
    private static Value select(DatapathBuilder g, String base, List<Value> entries, List<Value> addr) {
        if (addr.isEmpty()) {
            return entries.get(0);
        }
        int half = entries.size() / 2;
        List<Value> rest = addr.subList(0, addr.size() - 1);
        Value low = select(g, base + "l", entries.subList(0, half), rest);
        Value high = select(g, base + "h", entries.subList(half, entries.size()), rest);
        return g.mux(base, addr.get(addr.size() - 1), high, low);
    }
}
