package bitweave.golden;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.PeSpec;
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
 * Co-simulation stimulus: problem instances (corner cases first, then seeded random ones, both from the
 * unit's {@link UnitGolden}), their golden results, and both encoded as port beats of
 * {@link TopInterface#of}. The helpers below are shared by the kinds' corner cases.
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
    /**
     * Each overflow run is emitted twice: alone (ends at the limit, or wrapped) and followed by this many
     * steps of the opposite sign (a saturated value must come back from the limit).
     */
    public static final List<Integer> TURN_BACK_STEPS = List.of(0, 1);

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
        // a kind without a PE (the quantizer) draws its own operands from random
        ValueSource a = top.pe() == null ? null : new ValueSource(top.pe().a(), random);
        ValueSource b = top.pe() == null ? null : new ValueSource(top.pe().b(), random);
        UnitGolden unit = GoldenModel.unit(top);
        List<Problem> out = new ArrayList<>(unit.corners(a, b, vectors));
        while (out.size() < vectors) {
            out.add(unit.random(a, b, random));
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
        UnitGolden unit = GoldenModel.unit(top);
        List<List<BigInteger>> results = GoldenModel.run(top, problems);
        List<Beat> inputs = new ArrayList<>();
        List<Beat> expected = new ArrayList<>();
        for (int i = 0; i < problems.size(); i++) {
            inputs.addAll(unit.inputBeats(problems.get(i), i, iface));
            expected.add(beat(iface.output(), byField(iface.output(), results.get(i)), i));
        }
        return new VectorSet(iface, inputs, expected, problems.size());
    }

    /**
     * A result's elements split into the output's fields in field order (a quantizer's beat is its scale,
     * then its element codes); a one-field output takes them all.
     */
    private static Map<String, List<BigInteger>> byField(Stream out, List<BigInteger> elements) {
        Map<String, List<BigInteger>> values = new LinkedHashMap<>();
        int at = 0;
        for (Field f : out.fields()) {
            int n = out.fields().size() == 1 ? elements.size() : Math.min(f.elements(), elements.size() - at);
            values.put(f.name(), elements.subList(at, at + n));
            at += n;
        }
        return values;
    }

    /** One beat of {@code stream}: each field's elements (by field name) packed, in the stream's field order. */
    public static Beat beat(Stream stream, Map<String, List<BigInteger>> values, int vector) {
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

    // ---- shapes for corner cases -------------------------------------------------------------------

    /** n copies of v. */
    public static BigInteger[] filled(int n, BigInteger v) {
        BigInteger[] out = new BigInteger[n];
        Arrays.fill(out, v);
        return out;
    }

    /** A rows x cols matrix of v. */
    public static BigInteger[][] filled(int rows, int cols, BigInteger v) {
        BigInteger[][] out = new BigInteger[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = filled(cols, v);
        }
        return out;
    }

    /** max, min, max, ... : the largest swings between neighbours. */
    public static BigInteger[] alternating(int n, ValueSource s) {
        BigInteger[] out = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            out[i] = i % 2 == 0 ? s.type().max() : s.type().min();
        }
        return out;
    }

    /** max where r + c is even, min elsewhere. */
    public static BigInteger[][] checkerboard(int rows, int cols, ValueSource s) {
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
    public record OverflowRun(BigInteger a, BigInteger b, int steps, BigInteger backA, BigInteger backB) {
        public static List<OverflowRun> all(PeSpec pe, BigInteger perStep, long operandsPerStep) {
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
