package bitweave.units.systolic;

import static bitweave.golden.Stimulus.checkerboard;
import static bitweave.golden.Stimulus.filled;

import bitweave.golden.Beat;
import bitweave.golden.GoldenModel;
import bitweave.golden.GoldenText;
import bitweave.golden.NumberFile;
import bitweave.golden.Problem;
import bitweave.golden.ProblemReader;
import bitweave.golden.Stimulus.OverflowRun;
import bitweave.golden.Stimulus;
import bitweave.golden.UnitGolden;
import bitweave.golden.ValueSource;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The golden side of an output-stationary {@code systolic(ROWS, COLS)}: problems are {@link Tile}s, the
 * model is {@link OutputStationaryModel}, the text inputs are {@code a} (A, ROWS rows per tile) and
 * {@code b} (B, K rows per tile), the output is C, ROWS rows per tile (dsl/GOLDEN.md).
 */
final class OutputStationaryGolden implements UnitGolden {
    /** Longest random tile. */
    static final int MAX_RANDOM_K = 64;

    private final SystolicArray s;

    OutputStationaryGolden(SystolicArray s) {
        this.s = s;
    }

    // ---- the model ----

    @Override
    public void validate(Problem p, String where) {
        if (!(p instanceof Tile tile)) {
            throw new IllegalArgumentException(where + ": output_stationary needs Tile problems");
        }
        int k = tile.b().length;
        if (k == 0) {
            throw new IllegalArgumentException(where + ": K must be >= 1");
        }
        GoldenModel.checkMatrix(where + " A", tile.a(), s.rows(), k, s.pe().a());
        GoldenModel.checkMatrix(where + " B", tile.b(), k, s.cols(), s.pe().b());
    }

    @Override
    public List<List<BigInteger>> run(List<? extends Problem> problems) {
        OutputStationaryModel model = new OutputStationaryModel(s);
        List<List<BigInteger>> results = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            Tile tile = (Tile) p;
            List<BigInteger> c = new ArrayList<>();
            for (BigInteger[] row : model.tile(tile.a(), tile.b())) {
                c.addAll(Arrays.asList(row));
            }
            results.add(c);
        }
        return results;
    }

    @Override
    public int outputMatrixCols() {
        return s.cols();
    }

    // ---- stimulus ----

    @Override
    public List<Problem> corners(ValueSource a, ValueSource b, int limit) {
        List<Problem> out = new ArrayList<>();
        int rows = s.rows();
        int cols = s.cols();
        for (BigInteger va : a.corners()) {
            for (BigInteger vb : b.corners()) {
                out.add(new Tile(filled(rows, 1, va), filled(1, cols, vb)));
            }
        }
        int k = Math.max(2, rows);
        out.add(new Tile(checkerboard(rows, k, a), checkerboard(k, cols, b)));
        for (OverflowRun run : OverflowRun.all(s.pe(), BigInteger.ONE, (long) rows + cols)) {
            for (int back : Stimulus.TURN_BACK_STEPS) {
                if (out.size() >= limit) {
                    return out;
                }
                int steps = run.steps() + back;
                BigInteger[][] ma = new BigInteger[rows][steps];
                BigInteger[][] mb = new BigInteger[steps][cols];
                for (int j = 0; j < steps; j++) {
                    boolean overflowing = j < run.steps();
                    for (int r = 0; r < rows; r++) {
                        ma[r][j] = overflowing ? run.a() : run.backA();
                    }
                    Arrays.fill(mb[j], overflowing ? run.b() : run.backB());
                }
                out.add(new Tile(ma, mb));
            }
        }
        return out;
    }

    @Override
    public Problem random(ValueSource a, ValueSource b, Random random) {
        int maxK = Math.min(MAX_RANDOM_K, Math.max(2, 2 * s.rows()));
        int k = 1 + random.nextInt(maxK);
        return new Tile(a.matrix(s.rows(), k), b.matrix(k, s.cols()));
    }

    /** One beat per step k: column k of A, row k of B, last on the tile's last step. */
    @Override
    public List<Beat> inputBeats(Problem p, int vector, TopInterface iface) {
        Tile tile = (Tile) p;
        Stream in = iface.input("in");
        List<Beat> beats = new ArrayList<>();
        for (int k = 0; k < tile.k(); k++) {
            List<BigInteger> column = new ArrayList<>();
            for (BigInteger[] row : tile.a()) {
                column.add(row[k]);
            }
            Map<String, List<BigInteger>> values = new LinkedHashMap<>();
            values.put("a", column);
            values.put("b", Arrays.asList(tile.b()[k]));
            values.put("last", List.of(k == tile.k() - 1 ? BigInteger.ONE : BigInteger.ZERO));
            beats.add(Stimulus.beat(in, values, vector));
        }
        return beats;
    }

    // ---- golden text ----

    @Override
    public List<String> inputNames() {
        return List.of("a", "b");
    }

    @Override
    public List<Problem> read(Map<String, NumberFile> files, ProblemReader reader) {
        NumberFile a = files.get("a");
        NumberFile b = files.get("b");
        List<List<NumberFile.Row>> tilesA = ProblemReader.groupsOf(a);
        List<List<NumberFile.Row>> tilesB = ProblemReader.groupsOf(b);
        reader.checkSameCount(a, tilesA, b, tilesB, "tile");
        List<Problem> out = new ArrayList<>();
        for (int t = 0; t < Math.min(tilesA.size(), tilesB.size()); t++) {
            List<NumberFile.Row> ra = tilesA.get(t);
            List<NumberFile.Row> rb = tilesB.get(t);
            String where = "tile " + (t + 1);
            if (!reader.checkRowCount(ra, s.rows(), where + " of a (matrix A)", "ROWS")) {
                continue;
            }
            // K is the length of A's first row; every other row of A and the row count of B must agree.
            int k = ra.get(0).values().size();
            if (k == 0) {
                continue;
            }
            BigInteger[][] ma = reader.rows(ra, k, "K (from the first row of this tile)", s.pe().a(), "a");
            if (!reader.checkRowCount(rb, k, where + " of b (matrix B)", "K")) {
                continue;
            }
            BigInteger[][] mb = reader.rows(rb, s.cols(), "COLS", s.pe().b(), "b");
            out.add(new Tile(ma, mb));
        }
        return out;
    }

    @Override
    public String format(List<List<BigInteger>> results) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < results.size(); t++) {
            if (t > 0) {
                sb.append('\n'); // a blank line between tiles
            }
            List<BigInteger> c = results.get(t);
            for (int r = 0; r < s.rows(); r++) {
                GoldenText.appendRow(sb, c.subList(r * s.cols(), (r + 1) * s.cols()));
            }
        }
        return sb.toString();
    }

    @Override
    public Map<String, String> inputTexts(List<? extends Problem> problems) {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            Tile t = (Tile) problems.get(i);
            if (i > 0) {
                first.append('\n');
                second.append('\n');
            }
            GoldenText.appendMatrix(first, t.a());
            GoldenText.appendMatrix(second, t.b());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("a", first.toString());
        texts.put("b", second.toString());
        return texts;
    }
}
