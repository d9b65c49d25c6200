package bitweave.units.lut;

import bitweave.golden.Beat;
import bitweave.golden.GoldenModel;
import bitweave.golden.GoldenText;
import bitweave.golden.IntArith;
import bitweave.golden.NumberFile;
import bitweave.golden.Problem;
import bitweave.golden.ProblemReader;
import bitweave.golden.Stimulus;
import bitweave.golden.UnitGolden;
import bitweave.golden.ValueSource;
import bitweave.ir.TopInterface;
import bitweave.numeric.LowBitGemm;
import bitweave.numeric.LutTables;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The golden side of {@code lut_core}: the plain integer GEMM ({@link LowBitGemm}), O[m][n] = fit(c[m][n] + Σ_k
 * A[m][k]·(W[n][k] − z)), one fit per tile. Nothing here knows the tables; the only table fact the golden side
 * needs is the documented weight pre-encoding ({@link LutTables#encode}) the host applies before driving a
 * {@code index pre_encoded} core. Text (dsl/GOLDEN.md): {@code a} M rows of K activations, {@code w} N rows of K
 * codes, {@code c} M rows of N values with accumulate_in; a blank line ends a tile in every file.
 */
final class LutGolden implements UnitGolden {
    private final LutCore t;
    private final LowBitGemm gemm;

    LutGolden(LutCore t) {
        this.t = t;
        this.gemm = t.gemm();
    }

    @Override
    public void validate(Problem p, String where) {
        if (!(p instanceof LutTile tile)) {
            throw new IllegalArgumentException(where + ": lut_core needs LutTile problems");
        }
        GoldenModel.checkMatrix(where + " A", tile.a(), t.m(), t.k(), t.pe().a());
        GoldenModel.checkMatrix(where + " W", tile.w(), t.n(), t.k(), t.pe().b());
        if (t.accumulateIn() != (tile.c() != null)) {
            throw new IllegalArgumentException(where + ": accumulate_in and the tile's c disagree");
        }
        if (tile.c() != null) {
            GoldenModel.checkMatrix(where + " C_in", tile.c(), t.m(), t.n(), t.pe().acc());
        }
    }

    @Override
    public List<List<BigInteger>> run(List<? extends Problem> problems) {
        List<List<BigInteger>> out = new ArrayList<>();
        for (Problem p : problems) {
            LutTile tile = (LutTile) p;
            List<BigInteger> o = new ArrayList<>();
            for (int m = 0; m < t.m(); m++) {
                long[] a = longs(tile.a()[m]);
                for (int n = 0; n < t.n(); n++) {
                    BigInteger v = BigInteger.valueOf(gemm.dot(a, codes(tile.w()[n])));
                    if (tile.c() != null) {
                        v = v.add(tile.c()[m][n]);
                    }
                    o.add(IntArith.fit(v, t.pe().acc(), t.pe().policy()));
                }
            }
            out.add(o);
        }
        return out;
    }

    /** A row of W as unsigned codes (a signed b type carries two's-complement values). */
    private long[] codes(BigInteger[] row) {
        long[] out = new long[row.length];
        long mask = (1L << t.weightBits()) - 1;
        for (int i = 0; i < row.length; i++) {
            out[i] = row[i].longValue() & mask;
        }
        return out;
    }

    private static long[] longs(BigInteger[] row) {
        return Arrays.stream(row).mapToLong(BigInteger::longValue).toArray();
    }

    @Override
    public int outputMatrixCols() {
        return t.n();
    }

    // ---- stimulus ----

    /**
     * Every pair of activation and weight extremes (all −128 activations with all-zero codes: every bit plane's
     * index is all "minus", the table's largest entry), checkerboards, all-minimum activations against a
     * checkerboard of codes, and with accumulate_in the addend at both ends.
     */
    @Override
    public List<Problem> corners(ValueSource a, ValueSource b, int limit) {
        List<Problem> out = new ArrayList<>();
        for (BigInteger va : a.corners()) {
            for (BigInteger vb : b.corners()) {
                out.add(tile(Stimulus.filled(t.m(), t.k(), va), Stimulus.filled(t.n(), t.k(), vb), BigInteger.ZERO));
            }
        }
        out.add(tile(Stimulus.checkerboard(t.m(), t.k(), a), Stimulus.checkerboard(t.n(), t.k(), b), BigInteger.ZERO));
        out.add(tile(Stimulus.filled(t.m(), t.k(), a.type().min()), Stimulus.checkerboard(t.n(), t.k(), b),
                BigInteger.ZERO));
        if (t.accumulateIn()) {
            for (BigInteger c : List.of(t.pe().acc().max(), t.pe().acc().min())) {
                out.add(tile(Stimulus.filled(t.m(), t.k(), a.type().max()), Stimulus.filled(t.n(), t.k(), b.type().max()),
                        c));
                out.add(tile(Stimulus.filled(t.m(), t.k(), a.type().min()), Stimulus.filled(t.n(), t.k(), b.type().max()),
                        c));
            }
        }
        return out;
    }

    private LutTile tile(BigInteger[][] a, BigInteger[][] w, BigInteger c) {
        return new LutTile(a, w, t.accumulateIn() ? Stimulus.filled(t.m(), t.n(), c) : null);
    }

    @Override
    public Problem random(ValueSource a, ValueSource b, Random random) {
        BigInteger[][] c = null;
        if (t.accumulateIn()) {
            c = new BigInteger[t.m()][t.n()];
            for (BigInteger[] row : c) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = new BigInteger(t.pe().acc().width(), random).add(t.pe().acc().min());
                }
            }
        }
        return new LutTile(a.matrix(t.m(), t.k()), b.matrix(t.n(), t.k()), c);
    }

    /** One beat per tile; with {@code index pre_encoded} the host's re-encoding of W is applied here. */
    @Override
    public List<Beat> inputBeats(Problem p, int vector, TopInterface iface) {
        LutTile tile = (LutTile) p;
        Map<String, List<BigInteger>> values = new LinkedHashMap<>();
        values.put("a", rowMajor(tile.a()));
        List<BigInteger> w = new ArrayList<>();
        LutTables tables = t.tables();
        for (BigInteger[] row : tile.w()) {
            long[] codes = codes(row);
            for (long code : t.preEncoded() ? tables.encode(codes) : codes) {
                // the field carries the b type: a signed type's codes as two's-complement values
                boolean negative = t.pe().b().signed() && code >= 1L << (t.weightBits() - 1);
                w.add(BigInteger.valueOf(negative ? code - (1L << t.weightBits()) : code));
            }
        }
        values.put("w", w);
        if (tile.c() != null) {
            values.put("c", rowMajor(tile.c()));
        }
        return List.of(Stimulus.beat(iface.input("in"), values, vector));
    }

    private static List<BigInteger> rowMajor(BigInteger[][] m) {
        List<BigInteger> out = new ArrayList<>();
        for (BigInteger[] row : m) {
            out.addAll(Arrays.asList(row));
        }
        return out;
    }

    // ---- golden text ----

    @Override
    public List<String> inputNames() {
        return t.accumulateIn() ? List.of("a", "w", "c") : List.of("a", "w");
    }

    @Override
    public List<Problem> read(Map<String, NumberFile> files, ProblemReader reader) {
        List<List<NumberFile.Row>> ga = ProblemReader.groupsOf(files.get("a"));
        List<List<NumberFile.Row>> gw = ProblemReader.groupsOf(files.get("w"));
        reader.checkSameCount(files.get("a"), ga, files.get("w"), gw, "tile");
        List<List<NumberFile.Row>> gc = t.accumulateIn() ? ProblemReader.groupsOf(files.get("c")) : null;
        if (gc != null) {
            reader.checkSameCount(files.get("a"), ga, files.get("c"), gc, "tile");
        }
        int tiles = Math.min(ga.size(), gw.size());
        if (gc != null) {
            tiles = Math.min(tiles, gc.size());
        }
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < tiles; i++) {
            String where = "tile " + (i + 1);
            if (!reader.checkRowCount(ga.get(i), t.m(), where + " of a (A)", "M")
                    || !reader.checkRowCount(gw.get(i), t.n(), where + " of w (W)", "N")
                    || (gc != null && !reader.checkRowCount(gc.get(i), t.m(), where + " of c", "M"))) {
                continue;
            }
            BigInteger[][] a = reader.rows(ga.get(i), t.k(), "K", t.pe().a(), "a");
            BigInteger[][] w = reader.rows(gw.get(i), t.k(), "K", t.pe().b(), "w");
            BigInteger[][] c = gc == null ? null : reader.rows(gc.get(i), t.n(), "N", t.pe().acc(), "c");
            out.add(new LutTile(a, w, c));
        }
        return out;
    }

    @Override
    public String format(List<List<BigInteger>> results) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                sb.append('\n');
            }
            for (int m = 0; m < t.m(); m++) {
                GoldenText.appendRow(sb, results.get(i).subList(m * t.n(), (m + 1) * t.n()));
            }
        }
        return sb.toString();
    }

    @Override
    public Map<String, String> inputTexts(List<? extends Problem> problems) {
        Map<String, StringBuilder> texts = new LinkedHashMap<>();
        for (String name : inputNames()) {
            texts.put(name, new StringBuilder());
        }
        for (int i = 0; i < problems.size(); i++) {
            LutTile tile = (LutTile) problems.get(i);
            if (i > 0) {
                texts.values().forEach(sb -> sb.append('\n'));
            }
            GoldenText.appendMatrix(texts.get("a"), tile.a());
            GoldenText.appendMatrix(texts.get("w"), tile.w());
            if (tile.c() != null) {
                GoldenText.appendMatrix(texts.get("c"), tile.c());
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        texts.forEach((k, v) -> out.put(k, v.toString()));
        return out;
    }
}
