package bitweave.units.cube;

import static bitweave.golden.Stimulus.alternating;
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
import bitweave.ir.TopInterface;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The golden side of {@code cube(X, Y, Z)}: problems are {@link CubeProblem}s (one beat each), the model
 * is {@link CubeModel}, the text inputs are {@code a} (Z rows of Y values per beat) and {@code b} (Y rows
 * of X values per beat), the output is C, Z rows of X values per beat (dsl/GOLDEN.md).
 */
final class CubeGolden implements UnitGolden {
    private final CubeArray c;

    CubeGolden(CubeArray c) {
        this.c = c;
    }

    // ---- the model ----

    @Override
    public void validate(Problem p, String where) {
        if (!(p instanceof CubeProblem cp)) {
            throw new IllegalArgumentException(where + ": cube needs CubeProblem problems");
        }
        GoldenModel.checkMatrix(where + " A", cp.a(), c.z(), c.y(), c.pe().a());
        GoldenModel.checkMatrix(where + " B", cp.b(), c.y(), c.x(), c.pe().b());
    }

    @Override
    public List<List<BigInteger>> run(List<? extends Problem> problems) {
        CubeModel model = new CubeModel(c);
        List<List<BigInteger>> results = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            CubeProblem cp = (CubeProblem) p;
            List<BigInteger> out = new ArrayList<>();
            for (BigInteger[] row : model.product(cp.a(), cp.b())) {
                out.addAll(Arrays.asList(row));
            }
            results.add(out);
        }
        return results;
    }

    @Override
    public int outputMatrixCols() {
        return c.x();
    }

    // ---- stimulus ----

    @Override
    public List<Problem> corners(ValueSource a, ValueSource b, int limit) {
        int z = c.z();
        int y = c.y();
        int x = c.x();
        List<Problem> out = new ArrayList<>();
        // Every pair of operand extremes in every PE (min * min chains included).
        for (BigInteger va : a.corners()) {
            for (BigInteger vb : b.corners()) {
                out.add(new CubeProblem(filled(z, y, va), filled(y, x, vb)));
            }
        }
        out.add(new CubeProblem(checkerboard(z, y, a), checkerboard(y, x, b)));
        // Products of alternating sign along y: the partial sum swings by the largest steps.
        BigInteger[][] alt = new BigInteger[z][];
        for (int zi = 0; zi < z; zi++) {
            alt[zi] = alternating(y, a);
        }
        out.add(new CubeProblem(alt, filled(y, x, b.type().max())));
        // Large partial sums along y, then one step of the opposite sign: with saturate the result depends
        // on the order of the steps (y = 0 first). Reaches the limit where Y products can.
        for (OverflowRun run : OverflowRun.all(c.pe(), BigInteger.ONE, 1)) {
            BigInteger[][] ma = new BigInteger[z][y];
            BigInteger[][] mb = new BigInteger[y][x];
            for (int yi = 0; yi < y; yi++) {
                boolean back = yi == y - 1 && y > 1;
                for (int zi = 0; zi < z; zi++) {
                    ma[zi][yi] = back ? run.backA() : run.a();
                }
                Arrays.fill(mb[yi], back ? run.backB() : run.b());
            }
            out.add(new CubeProblem(ma, mb));
        }
        return out;
    }

    @Override
    public Problem random(ValueSource a, ValueSource b, Random random) {
        return new CubeProblem(a.matrix(c.z(), c.y()), b.matrix(c.y(), c.x()));
    }

    /** One beat: A row-major on in_a, B row-major on in_b. */
    @Override
    public List<Beat> inputBeats(Problem p, int vector, TopInterface iface) {
        CubeProblem cp = (CubeProblem) p;
        Map<String, List<BigInteger>> values = new LinkedHashMap<>();
        values.put("a", rowMajor(cp.a()));
        values.put("b", rowMajor(cp.b()));
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
        return List.of("a", "b");
    }

    @Override
    public List<Problem> read(Map<String, NumberFile> files, ProblemReader reader) {
        NumberFile a = files.get("a");
        NumberFile b = files.get("b");
        List<List<NumberFile.Row>> groupsA = ProblemReader.groupsOf(a);
        List<List<NumberFile.Row>> groupsB = ProblemReader.groupsOf(b);
        reader.checkSameCount(a, groupsA, b, groupsB, "beat");
        List<Problem> out = new ArrayList<>();
        for (int g = 0; g < Math.min(groupsA.size(), groupsB.size()); g++) {
            String where = "beat " + (g + 1);
            boolean rowsOk = reader.checkRowCount(groupsA.get(g), c.z(), where + " of a (matrix A)", "Z");
            rowsOk &= reader.checkRowCount(groupsB.get(g), c.y(), where + " of b (matrix B)", "Y");
            if (!rowsOk) {
                continue;
            }
            BigInteger[][] ma = reader.rows(groupsA.get(g), c.y(), "Y", c.pe().a(), "a");
            BigInteger[][] mb = reader.rows(groupsB.get(g), c.x(), "X", c.pe().b(), "b");
            out.add(new CubeProblem(ma, mb));
        }
        return out;
    }

    @Override
    public String format(List<List<BigInteger>> results) {
        StringBuilder sb = new StringBuilder();
        for (int t = 0; t < results.size(); t++) {
            if (t > 0) {
                sb.append('\n'); // a blank line between beats
            }
            List<BigInteger> m = results.get(t);
            for (int zi = 0; zi < c.z(); zi++) {
                GoldenText.appendRow(sb, m.subList(zi * c.x(), (zi + 1) * c.x()));
            }
        }
        return sb.toString();
    }

    @Override
    public Map<String, String> inputTexts(List<? extends Problem> problems) {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            CubeProblem cp = (CubeProblem) problems.get(i);
            if (i > 0) {
                first.append('\n');
                second.append('\n');
            }
            GoldenText.appendMatrix(first, cp.a());
            GoldenText.appendMatrix(second, cp.b());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("a", first.toString());
        texts.put("b", second.toString());
        return texts;
    }
}
