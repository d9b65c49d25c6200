package bitweave.units.matrix;

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
 * The golden side of {@code matrix(M, N, K)}: problems are {@link MatrixGroup}s, the model is
 * {@link MatrixModel}. In the text a group is one tile of a larger GEMM: {@code a} holds M rows of J*K
 * values, {@code b} J*K rows of N values, and beat j takes columns jK..jK+K-1 of A and the same rows of B
 * (dsl/GOLDEN.md). The output is C, M rows of N values per group.
 */
final class MatrixGolden implements UnitGolden {
    /** Most beats in a random group. */
    static final int MAX_RANDOM_GROUP = 8;

    private final MatrixArray t;

    MatrixGolden(MatrixArray t) {
        this.t = t;
    }

    // ---- the model ----

    @Override
    public void validate(Problem p, String where) {
        if (!(p instanceof MatrixGroup g)) {
            throw new IllegalArgumentException(where + ": matrix needs MatrixGroup problems");
        }
        if (g.beats() == 0 || g.b().length != g.beats()) {
            throw new IllegalArgumentException(where + ": bad number of beats " + g.beats());
        }
        for (int j = 0; j < g.beats(); j++) {
            GoldenModel.checkMatrix(where + " A[" + j + "]", g.a()[j], t.m(), t.k(), t.pe().a());
            GoldenModel.checkMatrix(where + " B[" + j + "]", g.b()[j], t.k(), t.n(), t.pe().b());
        }
    }

    @Override
    public List<List<BigInteger>> run(List<? extends Problem> problems) {
        MatrixModel model = new MatrixModel(t);
        List<List<BigInteger>> results = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            MatrixGroup g = (MatrixGroup) p;
            results.add(rowMajor(model.group(g.a(), g.b())));
        }
        return results;
    }

    @Override
    public int outputMatrixCols() {
        return t.n();
    }

    // ---- stimulus ----

    @Override
    public List<Problem> corners(ValueSource a, ValueSource b, int limit) {
        int m = t.m();
        int n = t.n();
        int k = t.k();
        List<Problem> out = new ArrayList<>();
        // Every pair of operand extremes in every multiplier (min * min dot products included).
        for (BigInteger va : a.corners()) {
            for (BigInteger vb : b.corners()) {
                out.add(oneBeat(filled(m, k, va), filled(k, n, vb)));
            }
        }
        out.add(oneBeat(checkerboard(m, k, a), checkerboard(k, n, b)));
        out.add(oneBeat(checkerboard(m, k, a), filled(k, n, b.type().max())));
        // A group of several beats whose dot products change sign from beat to beat.
        int beats = 3;
        BigInteger[][][] ga = new BigInteger[beats][][];
        BigInteger[][][] gb = new BigInteger[beats][][];
        for (int j = 0; j < beats; j++) {
            ga[j] = filled(m, k, j % 2 == 0 ? a.type().max() : a.type().min());
            gb[j] = checkerboard(k, n, b);
        }
        out.add(new MatrixGroup(ga, gb));
        // Groups long enough to wrap or saturate acc, alone and turning back from the limit.
        for (OverflowRun run : OverflowRun.all(t.pe(), BigInteger.valueOf(k), (long) m * k + (long) k * n)) {
            for (int back : Stimulus.TURN_BACK_STEPS) {
                if (out.size() >= limit) {
                    return out;
                }
                int steps = run.steps() + back;
                BigInteger[][][] ra = new BigInteger[steps][][];
                BigInteger[][][] rb = new BigInteger[steps][][];
                for (int j = 0; j < steps; j++) {
                    boolean overflowing = j < run.steps();
                    ra[j] = filled(m, k, overflowing ? run.a() : run.backA());
                    rb[j] = filled(k, n, overflowing ? run.b() : run.backB());
                }
                out.add(new MatrixGroup(ra, rb));
            }
        }
        return out;
    }

    private static MatrixGroup oneBeat(BigInteger[][] a, BigInteger[][] b) {
        return new MatrixGroup(new BigInteger[][][] {a}, new BigInteger[][][] {b});
    }

    @Override
    public Problem random(ValueSource a, ValueSource b, Random random) {
        int beats = 1 + random.nextInt(MAX_RANDOM_GROUP);
        BigInteger[][][] ga = new BigInteger[beats][][];
        BigInteger[][][] gb = new BigInteger[beats][][];
        for (int j = 0; j < beats; j++) {
            ga[j] = a.matrix(t.m(), t.k());
            gb[j] = b.matrix(t.k(), t.n());
        }
        return new MatrixGroup(ga, gb);
    }

    /** One beat per step: A and B row-major, last on the group's last beat. */
    @Override
    public List<Beat> inputBeats(Problem p, int vector, TopInterface iface) {
        MatrixGroup g = (MatrixGroup) p;
        Stream in = iface.input("in");
        List<Beat> beats = new ArrayList<>();
        for (int j = 0; j < g.beats(); j++) {
            Map<String, List<BigInteger>> values = new LinkedHashMap<>();
            values.put("a", rowMajor(g.a()[j]));
            values.put("b", rowMajor(g.b()[j]));
            values.put("last", List.of(j == g.beats() - 1 ? BigInteger.ONE : BigInteger.ZERO));
            beats.add(Stimulus.beat(in, values, vector));
        }
        return beats;
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
        reader.checkSameCount(a, groupsA, b, groupsB, "group");
        int k = t.k();
        List<Problem> out = new ArrayList<>();
        for (int g = 0; g < Math.min(groupsA.size(), groupsB.size()); g++) {
            List<NumberFile.Row> ra = groupsA.get(g);
            List<NumberFile.Row> rb = groupsB.get(g);
            String where = "group " + (g + 1);
            if (!reader.checkRowCount(ra, t.m(), where + " of a (matrix A)", "M")) {
                continue;
            }
            // The group's length J*K is the length of A's first row; it must hold whole beats of K values.
            int length = ra.get(0).values().size();
            if (length == 0 || length % k != 0) {
                reader.error(ErrorCode.GOLDEN_WRONG_COUNT, ra.get(0).loc(), "row of a has "
                        + Plural.count(length, "value") + ", expected a multiple of K = " + k
                        + " (K values per beat)");
                continue;
            }
            BigInteger[][] ma = reader.rows(ra, length, "J*K (from the first row of this group)", t.pe().a(), "a");
            if (!reader.checkRowCount(rb, length, where + " of b (matrix B)", "J*K")) {
                continue;
            }
            BigInteger[][] mb = reader.rows(rb, t.n(), "N", t.pe().b(), "b");
            int beats = length / k;
            BigInteger[][][] ga = new BigInteger[beats][t.m()][k];
            BigInteger[][][] gb = new BigInteger[beats][][];
            for (int j = 0; j < beats; j++) {
                for (int mi = 0; mi < t.m(); mi++) {
                    ga[j][mi] = Arrays.copyOfRange(ma[mi], j * k, (j + 1) * k);
                }
                gb[j] = Arrays.copyOfRange(mb, j * k, (j + 1) * k);
            }
            out.add(new MatrixGroup(ga, gb));
        }
        return out;
    }

    @Override
    public String format(List<List<BigInteger>> results) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                sb.append('\n'); // a blank line between groups
            }
            List<BigInteger> c = results.get(i);
            for (int mi = 0; mi < t.m(); mi++) {
                GoldenText.appendRow(sb, c.subList(mi * t.n(), (mi + 1) * t.n()));
            }
        }
        return sb.toString();
    }

    /** Each group as one tile: A's beats side by side (M rows of J*K values), B's beats one below the other. */
    @Override
    public Map<String, String> inputTexts(List<? extends Problem> problems) {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            MatrixGroup g = (MatrixGroup) problems.get(i);
            if (i > 0) {
                first.append('\n');
                second.append('\n');
            }
            for (int mi = 0; mi < t.m(); mi++) {
                List<BigInteger> row = new ArrayList<>();
                for (int j = 0; j < g.beats(); j++) {
                    row.addAll(Arrays.asList(g.a()[j][mi]));
                }
                GoldenText.appendRow(first, row);
            }
            for (int j = 0; j < g.beats(); j++) {
                GoldenText.appendMatrix(second, g.b()[j]);
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("a", first.toString());
        texts.put("b", second.toString());
        return texts;
    }
}
