package bitweave.units.systolic;

import static bitweave.golden.Stimulus.alternating;
import static bitweave.golden.Stimulus.checkerboard;
import static bitweave.golden.Stimulus.filled;

import bitweave.diag.ErrorCode;
import bitweave.diag.Plural;
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
import bitweave.ir.PeSpec;
import bitweave.ir.TopInterface;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The golden side of a weight-stationary {@code systolic(ROWS, COLS)}: problems are {@link WsVector}s, the
 * model is {@link WeightStationaryModel} (stateful: weights stay until the next load), the text inputs
 * are {@code w} (weight matrices) and {@code x} (one group of activation vectors per matrix), the
 * output is one y per vector (dsl/GOLDEN.md).
 */
final class WeightStationaryGolden implements UnitGolden {
    private final SystolicArray s;

    WeightStationaryGolden(SystolicArray s) {
        this.s = s;
    }

    // ---- the model ----

    @Override
    public void validate(Problem p, String where) {
        if (!(p instanceof WsVector v)) {
            throw new IllegalArgumentException(where + ": weight_stationary needs WsVector problems");
        }
        if (v.load() != null) {
            GoldenModel.checkMatrix(where + " W", v.load(), s.rows(), s.cols(), s.pe().b());
        }
        GoldenModel.checkVector(where + " x", v.x(), s.rows(), s.pe().a());
    }

    @Override
    public List<List<BigInteger>> run(List<? extends Problem> problems) {
        WeightStationaryModel model = new WeightStationaryModel(s);
        List<List<BigInteger>> results = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            WsVector v = (WsVector) p;
            if (v.load() != null) {
                model.loadWeights(v.load());
            }
            results.add(Arrays.asList(model.apply(v.x())));
        }
        return results;
    }

    /** y is a vector, not a matrix. */
    @Override
    public int outputMatrixCols() {
        return 0;
    }

    // ---- stimulus ----

    @Override
    public List<Problem> corners(ValueSource a, ValueSource b, int limit) {
        List<Problem> out = new ArrayList<>();
        int rows = s.rows();
        int cols = s.cols();
        // Before any load W must be 0 (reset state), whatever x is.
        out.add(new WsVector(null, filled(rows, a.type().max())));
        for (BigInteger vw : b.corners()) {
            boolean first = true;
            for (BigInteger vx : a.corners()) {
                out.add(new WsVector(first ? filled(rows, cols, vw) : null, filled(rows, vx)));
                first = false;
            }
        }
        out.add(new WsVector(checkerboard(rows, cols, b), alternating(rows, a)));
        // Large partial sums down the column, then one row of the opposite sign: with saturate the result
        // depends on the order rows are added in (row 0 first).
        PeSpec pe = s.pe();
        for (OverflowRun run : OverflowRun.all(pe, BigInteger.ONE, 1)) {
            BigInteger[][] w = new BigInteger[rows][cols];
            BigInteger[] x = new BigInteger[rows];
            for (int r = 0; r < rows; r++) {
                boolean last = r == rows - 1 && rows > 1;
                Arrays.fill(w[r], last ? run.backB() : run.b());
                x[r] = last ? run.backA() : run.a();
            }
            out.add(new WsVector(w, x));
        }
        return out;
    }

    @Override
    public Problem random(ValueSource a, ValueSource b, Random random) {
        // New weights now and then; activations in between reuse them.
        BigInteger[][] load = random.nextInt(4) == 0 ? b.matrix(s.rows(), s.cols()) : null;
        return new WsVector(load, a.vector(s.rows()));
    }

    /** A weight load (W row-major on stream w) when the problem has one, then x on stream in. */
    @Override
    public List<Beat> inputBeats(Problem p, int vector, TopInterface iface) {
        WsVector v = (WsVector) p;
        List<Beat> beats = new ArrayList<>();
        if (v.load() != null) {
            List<BigInteger> rowMajor = new ArrayList<>();
            for (BigInteger[] row : v.load()) {
                rowMajor.addAll(Arrays.asList(row));
            }
            beats.add(Stimulus.beat(iface.input("w"), Map.of("data", rowMajor), vector));
        }
        beats.add(Stimulus.beat(iface.input("in"), Map.of("x", Arrays.asList(v.x())), vector));
        return beats;
    }

    // ---- golden text ----

    @Override
    public List<String> inputNames() {
        return List.of("w", "x");
    }

    @Override
    public List<Problem> read(Map<String, NumberFile> files, ProblemReader reader) {
        List<List<NumberFile.Row>> mats = ProblemReader.groupsOf(files.get("w"));
        List<List<NumberFile.Row>> vecs = ProblemReader.groupsOf(files.get("x"));
        if (mats.size() != vecs.size()) {
            reader.error(ErrorCode.GOLDEN_GROUP_MISMATCH,
                    mats.size() > vecs.size() ? mats.get(vecs.size()).get(0).loc()
                            : vecs.get(mats.size()).get(0).loc(),
                    "w holds " + Plural.count(mats.size(), "weight matrix", "weight matrices") + " but x holds "
                            + Plural.count(vecs.size(), "group") + " of activation vectors:"
                            + " group i of x is applied with matrix i");
        }
        List<Problem> out = new ArrayList<>();
        for (int g = 0; g < Math.min(mats.size(), vecs.size()); g++) {
            if (!reader.checkRowCount(mats.get(g), s.rows(), "weight matrix " + (g + 1) + " of w", "ROWS")) {
                continue;
            }
            BigInteger[][] weights = reader.rows(mats.get(g), s.cols(), "COLS", s.pe().b(), "w");
            BigInteger[][] xs = reader.rows(vecs.get(g), s.rows(), "ROWS", s.pe().a(), "x");
            for (int i = 0; i < xs.length; i++) {
                out.add(new WsVector(i == 0 ? weights : null, xs[i]));
            }
        }
        return out;
    }

    @Override
    public String format(List<List<BigInteger>> results) {
        StringBuilder sb = new StringBuilder();
        for (List<BigInteger> row : results) {
            GoldenText.appendRow(sb, row);
        }
        return sb.toString();
    }

    /** Activations before the first weight load get an explicit all-zero matrix (the reset state). */
    @Override
    public Map<String, String> inputTexts(List<? extends Problem> problems) {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            WsVector v = (WsVector) problems.get(i);
            BigInteger[][] load = v.load();
            if (load == null && i == 0) {
                load = new BigInteger[s.rows()][s.cols()];
                for (BigInteger[] row : load) {
                    Arrays.fill(row, BigInteger.ZERO);
                }
            }
            if (load != null) {
                if (i > 0) {
                    first.append('\n');
                    second.append('\n');
                }
                GoldenText.appendMatrix(first, load);
            }
            GoldenText.appendRow(second, Arrays.asList(v.x()));
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("w", first.toString());
        texts.put("x", second.toString());
        return texts;
    }
}
