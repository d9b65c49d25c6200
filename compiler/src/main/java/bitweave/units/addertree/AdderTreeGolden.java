package bitweave.units.addertree;

import static bitweave.golden.Stimulus.alternating;
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
 * The golden side of {@code adder_tree(K)}: problems are {@link DotGroup}s, the model is
 * {@link AdderTreeModel}, the text inputs are {@code a} (one K-value row per beat) and {@code b} (one
 * N*K-value row per beat: the N weight vectors one after another); with accumulate, blank lines end
 * groups. The output is one row of N sums per group (dsl/GOLDEN.md).
 */
final class AdderTreeGolden implements UnitGolden {
    /** Longest random accumulate group. */
    static final int MAX_RANDOM_GROUP = 16;

    private final AdderTree t;

    AdderTreeGolden(AdderTree t) {
        this.t = t;
    }

    // ---- the model ----

    @Override
    public void validate(Problem p, String where) {
        if (!(p instanceof DotGroup g)) {
            throw new IllegalArgumentException(where + ": adder_tree needs DotGroup problems");
        }
        int beats = g.a().length;
        if (beats == 0 || g.b().length != beats || (!t.accumulate() && beats != 1)) {
            throw new IllegalArgumentException(where + ": bad number of beats " + beats);
        }
        for (int j = 0; j < beats; j++) {
            GoldenModel.checkVector(where + " a[" + j + "]", g.a()[j], t.k(), t.pe().a());
            GoldenModel.checkVector(where + " b[" + j + "]", g.b()[j], bWidth(), t.pe().b());
        }
    }

    @Override
    public List<List<BigInteger>> run(List<? extends Problem> problems) {
        AdderTreeModel model = new AdderTreeModel(t);
        List<List<BigInteger>> results = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            DotGroup g = (DotGroup) p;
            results.add(List.of(model.columns(g.a(), g.b())));
        }
        return results;
    }

    /** Values of b per beat: the N weight vectors one after another. */
    private int bWidth() {
        return t.k() * t.columns();
    }

    @Override
    public int outputMatrixCols() {
        return 0;
    }

    // ---- stimulus ----

    @Override
    public List<Problem> corners(ValueSource a, ValueSource b, int limit) {
        List<Problem> out = new ArrayList<>();
        int k = t.k();
        int nb = bWidth();
        for (BigInteger va : a.corners()) {
            for (BigInteger vb : b.corners()) {
                out.add(oneBeat(filled(k, va), filled(nb, vb)));
            }
        }
        out.add(oneBeat(alternating(k, a), filled(nb, b.type().max())));
        out.add(oneBeat(filled(k, a.type().max()), alternating(nb, b)));
        if (t.accumulate()) {
            for (OverflowRun run : OverflowRun.all(t.pe(), BigInteger.valueOf(k), 2L * k)) {
                for (int back : Stimulus.TURN_BACK_STEPS) {
                    if (out.size() >= limit) {
                        return out;
                    }
                    List<BigInteger[]> as = new ArrayList<>();
                    List<BigInteger[]> bs = new ArrayList<>();
                    for (int j = 0; j < run.steps() + back; j++) {
                        boolean overflowing = j < run.steps();
                        as.add(filled(k, overflowing ? run.a() : run.backA()));
                        bs.add(filled(nb, overflowing ? run.b() : run.backB()));
                    }
                    out.add(new DotGroup(as.toArray(new BigInteger[0][]), bs.toArray(new BigInteger[0][])));
                }
            }
        }
        return out;
    }

    private static DotGroup oneBeat(BigInteger[] a, BigInteger[] b) {
        return new DotGroup(new BigInteger[][] {a}, new BigInteger[][] {b});
    }

    @Override
    public Problem random(ValueSource a, ValueSource b, Random random) {
        int beats = t.accumulate() ? 1 + random.nextInt(MAX_RANDOM_GROUP) : 1;
        return new DotGroup(a.matrix(beats, t.k()), b.matrix(beats, bWidth()));
    }

    /** One beat per row of the group; last marks the group's last beat (the port exists with accumulate). */
    @Override
    public List<Beat> inputBeats(Problem p, int vector, TopInterface iface) {
        DotGroup g = (DotGroup) p;
        Stream in = iface.input("in");
        List<Beat> beats = new ArrayList<>();
        for (int j = 0; j < g.beats(); j++) {
            Map<String, List<BigInteger>> values = new LinkedHashMap<>();
            values.put("a", Arrays.asList(g.a()[j]));
            values.put("b", Arrays.asList(g.b()[j]));
            values.put("last", List.of(j == g.beats() - 1 ? BigInteger.ONE : BigInteger.ZERO));
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
        // Without accumulate every row is its own group; blank lines are only layout.
        List<List<NumberFile.Row>> groupsA = t.accumulate() ? ProblemReader.groupsOf(a) : ProblemReader.rowsAsGroups(a);
        List<List<NumberFile.Row>> groupsB = t.accumulate() ? ProblemReader.groupsOf(b) : ProblemReader.rowsAsGroups(b);
        String unit = t.accumulate() ? "group" : "vector";
        reader.checkSameCount(a, groupsA, b, groupsB, unit);
        List<Problem> out = new ArrayList<>();
        for (int g = 0; g < Math.min(groupsA.size(), groupsB.size()); g++) {
            List<NumberFile.Row> ra = groupsA.get(g);
            List<NumberFile.Row> rb = groupsB.get(g);
            if (ra.size() != rb.size()) {
                reader.error(ErrorCode.GOLDEN_GROUP_MISMATCH, rb.get(0).loc(),
                        unit + " " + (g + 1) + " has " + Plural.count(ra.size(), "row") + " in a (line "
                                + ra.get(0).loc().line() + ") but " + rb.size() + " in b");
                continue;
            }
            BigInteger[][] va = reader.rows(ra, t.k(), "K", t.pe().a(), "a");
            BigInteger[][] vb = t.columns() == 1 ? reader.rows(rb, t.k(), "K", t.pe().b(), "b")
                    : reader.rows(rb, bWidth(), "N*K", t.pe().b(), "b");
            out.add(new DotGroup(va, vb));
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

    @Override
    public Map<String, String> inputTexts(List<? extends Problem> problems) {
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            DotGroup g = (DotGroup) problems.get(i);
            if (i > 0) {
                first.append('\n');
                second.append('\n');
            }
            for (int j = 0; j < g.beats(); j++) {
                GoldenText.appendRow(first, Arrays.asList(g.a()[j]));
                GoldenText.appendRow(second, Arrays.asList(g.b()[j]));
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("a", first.toString());
        texts.put("b", second.toString());
        return texts;
    }
}
