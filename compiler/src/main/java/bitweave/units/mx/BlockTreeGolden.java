package bitweave.units.mx;

import bitweave.diag.ErrorCode;
import bitweave.golden.Beat;
import bitweave.golden.NumberFile;
import bitweave.golden.Problem;
import bitweave.golden.ProblemReader;
import bitweave.golden.Stimulus;
import bitweave.golden.UnitGolden;
import bitweave.golden.ValueSource;
import bitweave.ir.BlockOperands;
import bitweave.ir.TopInterface;
import bitweave.numeric.BlockDot;
import bitweave.numeric.FloatText;
import bitweave.numeric.QuantizedBlock;
import bitweave.ir.ArraySpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The golden side of {@code adder_tree(K)} and {@code matrix(M, N, K)} over a PE with block-format operands
 * (LANGUAGE.md 5.2, a {@link BlockGrid} of R rows and C columns): every beat, unit (r, c) computes the dot product
 * of row r's K/block a blocks with column c's b blocks, summed exactly and rounded once to nearest even into
 * acc's format ({@link BlockDot} with exact accumulation). With {@code accumulate} (always for the matrix) each
 * unit keeps an acc-format accumulator that starts at +0 for every group and adds each beat's rounded dot
 * product, each addition rounded to nearest even ({@link BlockDot#addCodes}); the group's last beat outputs it.
 *
 * <p>Text inputs (dsl/GOLDEN.md): {@code a} and {@code b} hold block lines {@code SCALE | CODE ...} as the
 * quantizer prints them: per beat R*K/block lines of a (row 0's blocks first) and C*K/block lines of b (column
 * 0's first); with accumulate blank lines end groups. The output is one line per group: the R*C results,
 * row-major, as hex bit patterns.
 */
public final class BlockTreeGolden implements UnitGolden {
    /** Longest random accumulate group. */
    private static final int MAX_RANDOM_GROUP = 6;

    private final BlockGrid t;
    private final BlockOperands f;
    private final BlockDot rule;
    /** One column's problems: the block dot product's corner vectors and random vectors. */
    private final BlockDotGolden column;

    /** @param spec an adder tree or a 2D-Matrix whose PE has block-format operands */
    public BlockTreeGolden(ArraySpec spec) {
        this.t = BlockGrid.of(spec);
        this.f = t.formats();
        this.rule = new BlockDot(f.a(), f.b(), BlockDot.Accumulation.EXACT, f.out());
        this.column = new BlockDotGolden(new BlockDotUnit(t.name(), rule, t.blocks(), t.loc()));
    }

    private int blocks() {
        return t.blocks();
    }

    // ---- the model ----

    @Override
    public void validate(Problem p, String where) {
        if (!(p instanceof BlockDotGroup g)) {
            throw new IllegalArgumentException(where + ": a block-format adder_tree needs BlockDotGroup problems");
        }
        if (g.beats().isEmpty() || (!t.accumulate() && g.beats().size() != 1)) {
            throw new IllegalArgumentException(where + ": bad number of beats " + g.beats().size());
        }
        for (int j = 0; j < g.beats().size(); j++) {
            DotVectors v = g.beats().get(j);
            if (v.aScales().length != t.rows() * blocks() || v.bScales().length != t.columns() * blocks()) {
                throw new IllegalArgumentException(where + " beat " + j + ": " + v.aScales().length + " a blocks and "
                        + v.bScales().length + " b blocks");
            }
            for (int r = 0; r < t.rows(); r++) {
                for (int n = 0; n < t.columns(); n++) {
                    column.validate(unitVectors(v, r, n), where + " beat " + j + " unit (" + r + ", " + n + ")");
                }
            }
        }
    }

    /** Beat {@code v} as unit (r, n) sees it: the r-th of the rows' a vectors and the n-th of the columns' b. */
    private DotVectors unitVectors(DotVectors v, int r, int n) {
        int nb = blocks();
        return new DotVectors(Arrays.copyOfRange(v.aScales(), r * nb, (r + 1) * nb),
                Arrays.copyOfRange(v.aCodes(), r * t.k(), (r + 1) * t.k()),
                Arrays.copyOfRange(v.bScales(), n * nb, (n + 1) * nb),
                Arrays.copyOfRange(v.bCodes(), n * t.k(), (n + 1) * t.k()));
    }

    @Override
    public List<List<BigInteger>> run(List<? extends Problem> problems) {
        List<List<BigInteger>> out = new ArrayList<>();
        for (Problem p : problems) {
            BlockDotGroup g = (BlockDotGroup) p;
            List<BigInteger> row = new ArrayList<>();
            for (int r = 0; r < t.rows(); r++) {
                for (int n = 0; n < t.columns(); n++) {
                    long acc = 0; // +0
                    for (DotVectors beat : g.beats()) {
                        DotVectors v = unitVectors(beat, r, n);
                        long dot = rule.dot(blocks(v.aScales(), v.aCodes()), blocks(v.bScales(), v.bCodes()));
                        acc = t.accumulate() ? rule.addCodes(acc, dot) : dot;
                    }
                    row.add(BigInteger.valueOf(acc));
                }
            }
            out.add(row);
        }
        return out;
    }

    private List<QuantizedBlock> blocks(long[] scales, long[] codes) {
        int k = f.blockSize();
        List<QuantizedBlock> out = new ArrayList<>();
        for (int j = 0; j < scales.length; j++) {
            List<Long> c = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                c.add(codes[j * k + i]);
            }
            out.add(new QuantizedBlock(scales[j], c));
        }
        return out;
    }

    @Override
    public int outputMatrixCols() {
        return t.isMatrix() ? t.columns() : 0;
    }

    // ---- stimulus ----

    /**
     * The block dot product's corners (cancellation inside and across blocks, the ends of the scales, NaN scales,
     * every code of a's element) with column n taking the b of the corner n places on; with accumulate also the
     * same cancellation across beats (the ordered additions lose the small term), a long group that overflows
     * to Inf, and groups of corner beats.
     */
    @Override
    public List<Problem> corners(ValueSource a, ValueSource b, int limit) {
        List<DotVectors> singles = new ArrayList<>();
        for (Problem p : column.corners(a, b, limit)) {
            singles.add((DotVectors) p);
        }
        List<DotVectors> beats = new ArrayList<>();
        for (int i = 0; i < singles.size(); i++) {
            List<DotVectors> rows = new ArrayList<>();
            for (int r = 0; r < t.rows(); r++) {
                rows.add(singles.get((i + 2 * r) % singles.size()));
            }
            List<DotVectors> cols = new ArrayList<>();
            for (int n = 0; n < t.columns(); n++) {
                cols.add(singles.get((i + n) % singles.size()));
            }
            beats.add(combine(rows, cols));
        }
        List<Problem> out = new ArrayList<>();
        for (DotVectors beat : beats) {
            out.add(new BlockDotGroup(List.of(beat)));
        }
        if (t.accumulate()) {
            out.add(acrossBeats());
            DotVectors top = beats.get(3); // the largest scales and codes: sums that overflow
            out.add(new BlockDotGroup(java.util.Collections.nCopies(8, top)));
            for (int i = 0; i + 3 <= beats.size(); i += 3) {
                out.add(new BlockDotGroup(beats.subList(i, i + 3)));
            }
        }
        return out;
    }

    /** One beat: the a of {@code rows.get(r)} for every row r, the b of {@code cols.get(n)} for every column n. */
    private DotVectors combine(List<DotVectors> rows, List<DotVectors> cols) {
        int nb = blocks();
        long[] as = new long[nb * rows.size()];
        long[] ac = new long[t.k() * rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            System.arraycopy(rows.get(r).aScales(), 0, as, r * nb, nb);
            System.arraycopy(rows.get(r).aCodes(), 0, ac, r * t.k(), t.k());
        }
        long[] bs = new long[nb * cols.size()];
        long[] bc = new long[t.k() * cols.size()];
        for (int n = 0; n < cols.size(); n++) {
            System.arraycopy(cols.get(n).bScales(), 0, bs, n * nb, nb);
            System.arraycopy(cols.get(n).bCodes(), 0, bc, n * t.k(), t.k());
        }
        return new DotVectors(as, ac, bs, bc);
    }

    /** Beat 0: max*max, beat 1: min*min, beat 2: -max*max (element 0 of block 0, all else zero, scales 1). */
    private BlockDotGroup acrossBeats() {
        long maxA = BlockDotGolden.maxCode(f.a().element());
        long maxB = BlockDotGolden.maxCode(f.b().element());
        long[][] pairs = {{maxA, maxB}, {1, 1}, {BlockDotGolden.negate(f.a().element(), maxA), maxB}};
        List<DotVectors> beats = new ArrayList<>();
        for (long[] pair : pairs) {
            long[] ac = new long[t.k() * t.rows()];
            long[] bc = new long[t.k() * t.columns()];
            for (int r = 0; r < t.rows(); r++) {
                ac[r * t.k()] = pair[0];
            }
            for (int n = 0; n < t.columns(); n++) {
                bc[n * t.k()] = pair[1];
            }
            long[] as = new long[blocks() * t.rows()];
            long[] bs = new long[blocks() * t.columns()];
            Arrays.fill(as, f.a().scale().bias());
            Arrays.fill(bs, f.b().scale().bias());
            beats.add(new DotVectors(as, ac, bs, bc));
        }
        return new BlockDotGroup(beats);
    }

    @Override
    public Problem random(ValueSource a, ValueSource b, Random random) {
        int count = t.accumulate() ? 1 + random.nextInt(MAX_RANDOM_GROUP) : 1;
        List<DotVectors> beats = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            List<DotVectors> rows = new ArrayList<>();
            for (int r = 0; r < t.rows(); r++) {
                rows.add((DotVectors) column.random(a, b, random));
            }
            List<DotVectors> cols = new ArrayList<>(List.of(rows.get(0)));
            for (int n = 1; n < t.columns(); n++) {
                cols.add((DotVectors) column.random(a, b, random));
            }
            beats.add(combine(rows, cols));
        }
        return new BlockDotGroup(beats);
    }

    @Override
    public List<Beat> inputBeats(Problem p, int vector, TopInterface iface) {
        BlockDotGroup g = (BlockDotGroup) p;
        List<Beat> out = new ArrayList<>();
        for (int j = 0; j < g.beats().size(); j++) {
            DotVectors v = g.beats().get(j);
            Map<String, List<BigInteger>> values = new LinkedHashMap<>();
            values.put("a_scale", big(v.aScales()));
            values.put("a_elem", big(v.aCodes()));
            values.put("b_scale", big(v.bScales()));
            values.put("b_elem", big(v.bCodes()));
            values.put("last", List.of(j == g.beats().size() - 1 ? BigInteger.ONE : BigInteger.ZERO));
            out.add(Stimulus.beat(iface.input("in"), values, vector));
        }
        return out;
    }

    private static List<BigInteger> big(long[] v) {
        List<BigInteger> out = new ArrayList<>();
        for (long x : v) {
            out.add(BigInteger.valueOf(x));
        }
        return out;
    }

    // ---- golden text ----

    @Override
    public boolean readsWords() {
        return true;
    }

    @Override
    public List<String> inputNames() {
        return List.of("a", "b");
    }

    @Override
    public List<Problem> read(Map<String, NumberFile> files, ProblemReader reader) {
        NumberFile a = files.get("a");
        NumberFile b = files.get("b");
        List<List<NumberFile.Row>> groupsA = t.accumulate() ? ProblemReader.groupsOf(a) : List.of(a.rows());
        List<List<NumberFile.Row>> groupsB = t.accumulate() ? ProblemReader.groupsOf(b) : List.of(b.rows());
        if (t.accumulate()) {
            reader.checkSameCount(a, groupsA, b, groupsB, "group");
        }
        int perA = blocks() * t.rows();
        int perB = blocks() * t.columns();
        List<Problem> out = new ArrayList<>();
        for (int g = 0; g < Math.min(groupsA.size(), groupsB.size()); g++) {
            List<NumberFile.Row> ra = groupsA.get(g);
            List<NumberFile.Row> rb = groupsB.get(g);
            if (!wholeBeats(ra, perA, "a", t.isMatrix() ? "M*K/block" : "K/block", reader) || !wholeBeats(rb, perB, "b", "N*K/block", reader)) {
                continue;
            }
            if (ra.size() / perA != rb.size() / perB) {
                reader.error(ErrorCode.GOLDEN_GROUP_MISMATCH, rb.get(0).loc(), (t.accumulate() ? "group " + (g + 1)
                        + " has " : "the files hold ") + ra.size() / perA + " beats in a but " + rb.size() / perB
                        + " in b");
                continue;
            }
            List<DotVectors> beats = new ArrayList<>();
            for (int j = 0; j < ra.size() / perA; j++) {
                long[][] x = BlockDotGolden.blockRows(ra.subList(j * perA, (j + 1) * perA), f.a(), f.blockSize(), "a", reader);
                long[][] y = BlockDotGolden.blockRows(rb.subList(j * perB, (j + 1) * perB), f.b(), f.blockSize(), "b", reader);
                beats.add(new DotVectors(x[0], x[1], y[0], y[1]));
            }
            if (t.accumulate()) {
                out.add(new BlockDotGroup(beats));
            } else {
                beats.forEach(v -> out.add(new BlockDotGroup(List.of(v))));
            }
        }
        return out;
    }

    private static boolean wholeBeats(List<NumberFile.Row> rows, int per, String name, String what,
                                      ProblemReader reader) {
        if (rows.isEmpty()) {
            return false; // an empty input is reported by the shared reader
        }
        if (rows.size() % per != 0) {
            reader.error(ErrorCode.GOLDEN_WRONG_COUNT, rows.get(rows.size() - 1).loc(),
                    name + " has " + rows.size() + " block lines here, not a whole number of beats of " + what
                            + " = " + per + " lines");
            return false;
        }
        return true;
    }

    @Override
    public String format(List<List<BigInteger>> results) {
        // the tree: one line of N results per group; the matrix: C as M lines of N, groups apart by a blank line
        StringBuilder sb = new StringBuilder();
        for (int g = 0; g < results.size(); g++) {
            List<BigInteger> row = results.get(g);
            if (g > 0 && t.isMatrix()) {
                sb.append('\n');
            }
            for (int i = 0; i < row.size(); i++) {
                boolean lineStart = i % t.columns() == 0;
                sb.append(lineStart ? "" : " ").append(FloatText.hex(row.get(i).longValue(), f.out().width()));
                if (i % t.columns() == t.columns() - 1 && (t.isMatrix() || i == row.size() - 1)) {
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    @Override
    public Map<String, String> inputTexts(List<? extends Problem> problems) {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            if (i > 0 && t.accumulate()) {
                a.append('\n');
                b.append('\n');
            }
            for (DotVectors v : ((BlockDotGroup) problems.get(i)).beats()) {
                BlockDotGolden.appendBlocks(a, v.aScales(), v.aCodes(), f.a(), f.blockSize());
                BlockDotGolden.appendBlocks(b, v.bScales(), v.bCodes(), f.b(), f.blockSize());
            }
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("a", a.toString());
        texts.put("b", b.toString());
        return texts;
    }
}
