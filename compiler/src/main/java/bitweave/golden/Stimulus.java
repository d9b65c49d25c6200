package bitweave.golden;

import bitweave.ir.AdderTree;
import bitweave.ir.ArraySpec;
import bitweave.ir.Dataflow;
import bitweave.ir.Field;
import bitweave.ir.PeSpec;
import bitweave.ir.Stream;
import bitweave.ir.SystolicArray;
import bitweave.ir.TopInterface;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Co-simulation stimulus: problem instances (corner cases first, then seeded random ones), their golden
 * results, and both encoded as port beats of {@link TopInterface#of}.
 */
public final class Stimulus {
    /**
     * Longest tile / accumulate group built to reach accumulator overflow; longer ones are skipped. An
     * int32 accumulator of int8 products needs 131,073 steps: cheap to simulate (one beat per cycle), so
     * the cap is set by memory instead, see {@link #MAX_OVERFLOW_OPERANDS}.
     */
    static final int MAX_OVERFLOW_STEPS = 1 << 18;
    /** Cap on steps x operands per step of one overflow run (the run's matrices are held in memory). */
    static final long MAX_OVERFLOW_OPERANDS = 1L << 23;
    /** Longest random accumulate group of an adder tree. */
    static final int MAX_RANDOM_GROUP = 16;
    /** Longest random output-stationary tile. */
    static final int MAX_RANDOM_K = 64;
    /**
     * Each overflow run is emitted twice: alone (ends at the limit, or wrapped) and followed by this many
     * steps of the opposite sign (a saturated value must come back from the limit).
     */
    private static final int[] TURN_BACK_STEPS = {0, 1};

    private Stimulus() {
    }

    /**
     * {@code vectors} problems for {@code top} (corner cases first, then random), deterministic for a seed.
     * If there are more corner cases than {@code vectors}, only the first {@code vectors} are used.
     */
    public static VectorSet generate(ArraySpec top, int vectors, long seed) {
        if (vectors < 0) {
            throw new IllegalArgumentException("vectors must be >= 0");
        }
        return encode(top, problems(top, vectors, seed));
    }

    /** The problems {@link #generate} encodes. */
    public static List<Problem> problems(ArraySpec top, int vectors, long seed) {
        Random random = new Random(seed);
        ValueSource a = new ValueSource(top.pe().a(), random);
        ValueSource b = new ValueSource(top.pe().b(), random);
        List<Problem> out = new ArrayList<>();
        if (top instanceof AdderTree t) {
            out.addAll(adderTreeCorners(t, a, b, vectors));
            while (out.size() < vectors) {
                int beats = t.accumulate() ? 1 + random.nextInt(MAX_RANDOM_GROUP) : 1;
                out.add(new Problem.DotGroup(a.matrix(beats, t.k()), b.matrix(beats, t.k())));
            }
        } else {
            SystolicArray s = (SystolicArray) top;
            if (s.dataflow() == Dataflow.OUTPUT_STATIONARY) {
                out.addAll(outputStationaryCorners(s, a, b, vectors));
                int maxK = Math.min(MAX_RANDOM_K, Math.max(2, 2 * s.rows()));
                while (out.size() < vectors) {
                    int k = 1 + random.nextInt(maxK);
                    out.add(new Problem.Tile(a.matrix(s.rows(), k), b.matrix(k, s.cols())));
                }
            } else {
                out.addAll(weightStationaryCorners(s, a, b));
                while (out.size() < vectors) {
                    // New weights now and then; activations in between reuse them.
                    BigInteger[][] load = random.nextInt(4) == 0 ? b.matrix(s.rows(), s.cols()) : null;
                    out.add(new Problem.WsVector(load, a.vector(s.rows())));
                }
            }
        }
        return new ArrayList<>(out.subList(0, Math.min(vectors, out.size())));
    }

    /**
     * Runs the golden model over {@code problems} (from reset) and encodes input and expected output beats.
     *
     * @throws IllegalArgumentException as {@link GoldenModel#run}
     */
    public static VectorSet encode(ArraySpec top, List<? extends Problem> problems) {
        TopInterface iface = TopInterface.of(top);
        List<List<BigInteger>> results = GoldenModel.run(top, problems);
        List<Beat> inputs = new ArrayList<>();
        List<Beat> expected = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            if (p instanceof Problem.DotGroup g) {
                Stream in = iface.input("in");
                for (int j = 0; j < g.beats(); j++) {
                    Map<String, List<BigInteger>> values = new LinkedHashMap<>();
                    values.put("a", Arrays.asList(g.a()[j]));
                    values.put("b", Arrays.asList(g.b()[j]));
                    values.put("last", List.of(j == g.beats() - 1 ? BigInteger.ONE : BigInteger.ZERO));
                    inputs.add(beat(in, values, i));
                }
            } else if (p instanceof Problem.Tile tile) {
                Stream in = iface.input("in");
                for (int k = 0; k < tile.k(); k++) {
                    List<BigInteger> column = new ArrayList<>();
                    for (BigInteger[] row : tile.a()) {
                        column.add(row[k]);
                    }
                    Map<String, List<BigInteger>> values = new LinkedHashMap<>();
                    values.put("a", column);
                    values.put("b", Arrays.asList(tile.b()[k]));
                    values.put("last", List.of(k == tile.k() - 1 ? BigInteger.ONE : BigInteger.ZERO));
                    inputs.add(beat(in, values, i));
                }
            } else {
                Problem.WsVector v = (Problem.WsVector) p;
                if (v.load() != null) {
                    List<BigInteger> rowMajor = new ArrayList<>();
                    for (BigInteger[] row : v.load()) {
                        rowMajor.addAll(Arrays.asList(row));
                    }
                    inputs.add(beat(iface.input("w"), Map.of("data", rowMajor), i));
                }
                inputs.add(beat(iface.input("in"), Map.of("x", Arrays.asList(v.x())), i));
            }
            Stream out = iface.output();
            expected.add(beat(out, Map.of(out.fields().get(0).name(), results.get(i)), i));
        }
        return new VectorSet(iface, inputs, expected, problems.size());
    }

    /** One beat of {@code stream}: each field's elements packed, in the stream's field order. */
    private static Beat beat(Stream stream, Map<String, List<BigInteger>> values, int vector) {
        List<BigInteger> fields = new ArrayList<>();
        for (Field f : stream.fields()) {
            List<BigInteger> elements = values.get(f.name());
            if (elements == null || elements.size() != f.elements()) {
                throw new IllegalStateException("no value for field " + f.name() + " of stream " + stream.name());
            }
            fields.add(IntArith.pack(elements, f.type()));
        }
        return new Beat(stream.name(), List.copyOf(fields), vector);
    }

    // ---- corner cases -------------------------------------------------------------------------------

    /** Corner cases; {@code limit} stops before building overflow runs nobody will simulate (they are large). */
    private static List<Problem> adderTreeCorners(AdderTree t, ValueSource a, ValueSource b, int limit) {
        List<Problem> out = new ArrayList<>();
        int k = t.k();
        for (BigInteger va : a.corners()) {
            for (BigInteger vb : b.corners()) {
                out.add(oneBeat(filled(k, va), filled(k, vb)));
            }
        }
        out.add(oneBeat(alternating(k, a), filled(k, b.type().max())));
        out.add(oneBeat(filled(k, a.type().max()), alternating(k, b)));
        if (t.accumulate()) {
            for (OverflowRun run : OverflowRun.all(t.pe(), BigInteger.valueOf(k), 2L * k)) {
                for (int back : TURN_BACK_STEPS) {
                    if (out.size() >= limit) {
                        return out;
                    }
                    List<BigInteger[]> as = new ArrayList<>();
                    List<BigInteger[]> bs = new ArrayList<>();
                    for (int j = 0; j < run.steps() + back; j++) {
                        boolean overflowing = j < run.steps();
                        as.add(filled(k, overflowing ? run.a() : run.backA()));
                        bs.add(filled(k, overflowing ? run.b() : run.backB()));
                    }
                    out.add(group(as, bs));
                }
            }
        }
        return out;
    }

    /** Corner cases; {@code limit} stops before building overflow tiles nobody will simulate (they are large). */
    private static List<Problem> outputStationaryCorners(SystolicArray s, ValueSource a, ValueSource b, int limit) {
        List<Problem> out = new ArrayList<>();
        int rows = s.rows();
        int cols = s.cols();
        for (BigInteger va : a.corners()) {
            for (BigInteger vb : b.corners()) {
                out.add(new Problem.Tile(filled(rows, 1, va), filled(1, cols, vb)));
            }
        }
        int k = Math.max(2, rows);
        out.add(new Problem.Tile(checkerboard(rows, k, a), checkerboard(k, cols, b)));
        for (OverflowRun run : OverflowRun.all(s.pe(), BigInteger.ONE, (long) rows + cols)) {
            for (int back : TURN_BACK_STEPS) {
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
                out.add(new Problem.Tile(ma, mb));
            }
        }
        return out;
    }

    private static List<Problem> weightStationaryCorners(SystolicArray s, ValueSource a, ValueSource b) {
        List<Problem> out = new ArrayList<>();
        int rows = s.rows();
        int cols = s.cols();
        // Before any load W must be 0 (reset state), whatever x is.
        out.add(new Problem.WsVector(null, filled(rows, a.type().max())));
        for (BigInteger vw : b.corners()) {
            boolean first = true;
            for (BigInteger vx : a.corners()) {
                out.add(new Problem.WsVector(first ? filled(rows, cols, vw) : null, filled(rows, vx)));
                first = false;
            }
        }
        out.add(new Problem.WsVector(checkerboard(rows, cols, b), alternating(rows, a)));
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
            out.add(new Problem.WsVector(w, x));
        }
        return out;
    }

    private static Problem.DotGroup oneBeat(BigInteger[] a, BigInteger[] b) {
        return new Problem.DotGroup(new BigInteger[][] {a}, new BigInteger[][] {b});
    }

    private static Problem.DotGroup group(List<BigInteger[]> a, List<BigInteger[]> b) {
        return new Problem.DotGroup(a.toArray(new BigInteger[0][]), b.toArray(new BigInteger[0][]));
    }

    private static BigInteger[] filled(int n, BigInteger v) {
        BigInteger[] out = new BigInteger[n];
        Arrays.fill(out, v);
        return out;
    }

    private static BigInteger[][] filled(int rows, int cols, BigInteger v) {
        BigInteger[][] out = new BigInteger[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = filled(cols, v);
        }
        return out;
    }

    /** max, min, max, ... : the largest swings between neighbours. */
    private static BigInteger[] alternating(int n, ValueSource s) {
        BigInteger[] out = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            out[i] = i % 2 == 0 ? s.type().max() : s.type().min();
        }
        return out;
    }

    private static BigInteger[][] checkerboard(int rows, int cols, ValueSource s) {
        BigInteger[][] out = new BigInteger[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                out[r][c] = (r + c) % 2 == 0 ? s.type().max() : s.type().min();
            }
        }
        return out;
    }

    /**
     * A run of identical steps whose products (a*b, {@code perStep} of them per step) push the accumulator
     * past max(acc) (or below min(acc)) after {@code steps} steps, followed by steps of (backA*backB), the
     * product of the opposite sign.
     */
    record OverflowRun(BigInteger a, BigInteger b, int steps, BigInteger backA, BigInteger backB) {
        static List<OverflowRun> all(PeSpec pe, BigInteger perStep, long operandsPerStep) {
            long maxSteps = Math.min(MAX_OVERFLOW_STEPS, MAX_OVERFLOW_OPERANDS / Math.max(1, operandsPerStep));
            BigInteger amin = pe.a().min();
            BigInteger amax = pe.a().max();
            BigInteger bmin = pe.b().min();
            BigInteger bmax = pe.b().max();
            // The most positive and the most negative product.
            BigInteger[] pos = amax.multiply(bmax).compareTo(amin.multiply(bmin)) >= 0
                    ? new BigInteger[] {amax, bmax} : new BigInteger[] {amin, bmin};
            BigInteger[] neg = amin.multiply(bmax).compareTo(amax.multiply(bmin)) <= 0
                    ? new BigInteger[] {amin, bmax} : new BigInteger[] {amax, bmin};
            List<OverflowRun> runs = new ArrayList<>();
            BigInteger up = pos[0].multiply(pos[1]).multiply(perStep);
            if (up.signum() > 0) {
                // Smallest n with n * up > max(acc).
                BigInteger n = pe.acc().max().divide(up).add(BigInteger.ONE);
                if (n.compareTo(BigInteger.valueOf(maxSteps)) <= 0) {
                    runs.add(new OverflowRun(pos[0], pos[1], n.intValueExact(), neg[0], neg[1]));
                }
            }
            BigInteger down = neg[0].multiply(neg[1]).multiply(perStep);
            if (down.signum() < 0) {
                // Smallest n with n * down < min(acc).
                BigInteger room = pe.acc().min().negate();
                BigInteger n = room.divide(down.negate()).add(BigInteger.ONE);
                if (n.compareTo(BigInteger.valueOf(maxSteps)) <= 0) {
                    runs.add(new OverflowRun(neg[0], neg[1], n.intValueExact(), pos[0], pos[1]));
                }
            }
            return runs;
        }
    }
}
