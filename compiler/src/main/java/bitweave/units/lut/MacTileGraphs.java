package bitweave.units.lut;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.numeric.LutTables;
import java.util.ArrayList;
import java.util.List;

/**
 * The PE of {@code datapath mac} ({@link LowerLutCore}): the reference build of a LUT-core tile, with the same
 * ports and cycles as the table datapath but none of its ideas. The row's activations and the column's codes are
 * held from the tile's beat; at the last step the PE computes Σ_k x_k·(w_k − z) with one behavioural multiplier
 * per product and loads it (plus c_in, fitted) into its output register. {@code bitweave equiv} proves a LUT tile
 * against it (the LUT core's baseline), and {@code bench/ppa.sh} measures it beside the LUT tile.
 */
final class MacTileGraphs {
    private final LutCore t;
    private final int aw;
    private final int bw;

    MacTileGraphs(LutCore t) {
        this.t = t;
        this.aw = t.pe().a().width();
        this.bw = t.weightBits();
    }

    /** Bits of x·(w − z): |x| ≤ 2^aw, |w − z| < 2^b, and a sign. */
    private int productWidth() {
        return aw + bw + 2;
    }

    Datapath peGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        int k = t.k();
        Value a = g.input("a", k * aw);
        Value w = g.input("w", k * bw);
        Value last = g.input("last", 1);
        Value advance = g.input("advance", 1);
        Value c = t.accumulateIn() ? g.input("c", t.pe().acc().width()) : null;
        Value o = g.output("o", t.pe().acc().width());
        int pw = productWidth();
        int sw = pw + LutGraphs.ceilLog2(k);
        List<Value> codes = codes(g, w);
        Value sum = null;
        for (int i = 0; i < k; i++) {
            Value x = g.extend("x" + i, g.slice("x" + i + "_code", a, i * aw, aw), pw, t.pe().a().signed());
            Value code = g.extend("w" + i, codes.get(i), pw, t.pe().b().signed());
            Value weight = code;
            if (t.zeroPoint() != 0) {
                weight = g.fresh("w" + i + "_minus_z", pw);
                g.add(new Op.Add(weight, code, g.constant("z" + i, pw, t.zeroPoint()), true, g.loc()));
            }
            Value product = g.fresh("p" + i, pw);
            g.add(new Op.Multiply(product, x, weight, g.loc()));
            Value wide = g.extend("p" + i + "_wide", product, sw, true);
            if (sum == null) {
                sum = wide;
            } else {
                Value next = g.fresh("sum" + i, sw);
                g.add(new Op.Add(next, sum, wide, false, g.loc()));
                sum = next;
            }
        }
        LutGraphs.loadResult(g, t, sum, c, o, g.and("o_load", advance, last));
        return g.build();
    }

    /**
     * The plain codes W[n][k]. Pre-encoded weights arrive re-encoded ({@link LutTables#encode}: in each group every
     * code except the sign-select element's XORed with that element's); the encoding is its own inverse, so the
     * same XOR decodes them.
     */
    private List<Value> codes(DatapathBuilder g, Value w) {
        List<Value> raw = new ArrayList<>();
        for (int i = 0; i < t.k(); i++) {
            raw.add(g.slice("code" + i, w, i * bw, bw));
        }
        LutTables tables = t.tables();
        if (!tables.preEncoded()) {
            return raw;
        }
        List<Value> plain = new ArrayList<>();
        for (int i = 0; i < t.k(); i++) {
            int select = i / t.group() * t.group() + tables.signBit();
            plain.add(i == select ? raw.get(i)
                    : g.logic("code" + i + "_decoded", Op.LogicKind.XOR, raw.get(i), raw.get(select)));
        }
        return plain;
    }
}
