package bitweave.golden;

import static bitweave.golden.TestSupport.int8;
import static bitweave.golden.TestSupport.seed;
import static bitweave.golden.TestSupport.seedNote;
import static bitweave.golden.TestSupport.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import bitweave.units.systolic.OutputStationaryModel;
import bitweave.units.systolic.SystolicArray;
import bitweave.units.systolic.Tile;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StimulusTest {
    private static final PeSpec WRAP16 = int8(type(16, true), OverflowPolicy.WRAP);
    private static final PeSpec SAT16 = TestSupport.pe(type(8, true), type(4, false), type(16, true),
            OverflowPolicy.SATURATE);

    private static List<ArraySpec> designs() {
        return List.of(
                TestSupport.tree(WRAP16, 4, false),
                TestSupport.tree(SAT16, 3, true),
                TestSupport.os(WRAP16, 3, 2),
                TestSupport.os(SAT16, 2, 4),
                TestSupport.ws(WRAP16, 3, 2),
                TestSupport.ws(SAT16, 4, 3),
                TestSupport.os(TestSupport.pe(type(64, true), type(64, false), type(64, true), OverflowPolicy.WRAP), 2, 2),
                TestSupport.tree(TestSupport.pe(type(1, true), type(1, false), type(1, false), OverflowPolicy.SATURATE),
                        2, true),
                TestSupport.cube(WRAP16, 3, 2, 4),
                TestSupport.cube(SAT16, 2, 5, 1),
                TestSupport.matrix(WRAP16, 2, 3, 4),
                TestSupport.matrix(SAT16, 1, 2, 3));
    }

    @Test
    void deterministicForASeedAndDifferentForAnother() {
        long seed = seed();
        for (ArraySpec top : designs()) {
            VectorSet one = Stimulus.generate(top, 120, seed);
            VectorSet two = Stimulus.generate(top, 120, seed);
            assertEquals(one, two, top + seedNote(seed));
            VectorSet other = Stimulus.generate(top, 120, seed + 1);
            assertNotEquals(one.inputs(), other.inputs(), top + seedNote(seed));
        }
    }

    @Test
    void encodedBeatsFitTheirPortsAndCountsMatchTheInterface() {
        long seed = seed();
        for (ArraySpec top : designs()) {
            int vectors = 150;
            VectorSet set = Stimulus.generate(top, vectors, seed);
            TopInterface iface = TopInterface.of(top);
            String what = top + seedNote(seed);
            assertEquals(iface, set.iface(), what);
            assertEquals(vectors, set.vectors(), what);
            assertEquals(vectors, set.expected().size(), "one output beat per problem " + what);
            for (Beat beat : set.inputs()) {
                checkFits(iface.input(beat.stream()), beat, what);
            }
            int lastVector = 0;
            for (Beat beat : set.inputs()) {
                assertTrue(beat.vector() >= lastVector && beat.vector() < vectors, "vector order " + what);
                lastVector = beat.vector();
            }
            for (int i = 0; i < vectors; i++) {
                Beat out = set.expected().get(i);
                assertEquals(iface.output().name(), out.stream(), what);
                assertEquals(i, out.vector(), what);
                checkFits(iface.output(), out, what);
            }
            // Problems end where the interface says: a 'last' flag, or one 'in' beat per problem.
            Stream in = iface.input("in");
            long ends = set.inputs().stream().filter(b -> b.stream().equals("in"))
                    .filter(b -> !hasLast(in) || b.fields().get(in.fields().size() - 1).equals(BigInteger.ONE))
                    .count();
            assertEquals(vectors, ends, what);
        }
    }

    @Test
    void cornerValuesAppearInTheStimulus() {
        long seed = seed();
        for (ArraySpec top : designs()) {
            VectorSet set = Stimulus.generate(top, 200, seed);
            TopInterface iface = TopInterface.of(top);
            Set<BigInteger> a = new HashSet<>();
            Set<BigInteger> b = new HashSet<>();
            for (Beat beat : set.inputs()) {
                Stream s = iface.input(beat.stream());
                for (int f = 0; f < s.fields().size(); f++) {
                    Field field = s.fields().get(f);
                    List<BigInteger> elems = IntArith.unpack(beat.fields().get(f), field.type(), field.elements());
                    if (field.name().equals("a") || field.name().equals("x")) {
                        a.addAll(elems);
                    } else if (field.name().equals("b") || field.name().equals("data")) {
                        b.addAll(elems);
                    }
                }
            }
            PeSpec pe = top.pe();
            String what = top + seedNote(seed);
            for (BigInteger v : List.of(pe.a().min(), pe.a().max(), BigInteger.ZERO)) {
                assertTrue(a.contains(v), "operand a value " + v + " missing " + what);
            }
            for (BigInteger v : List.of(pe.b().min(), pe.b().max(), BigInteger.ZERO)) {
                assertTrue(b.contains(v), "operand b value " + v + " missing " + what);
            }
            if (pe.a().signed() && pe.a().width() > 1) {
                assertTrue(a.contains(BigInteger.ONE.negate()) && a.contains(BigInteger.ONE), what);
            }
        }
    }

    @Test
    void saturatingAccumulatorsReachTheirLimits() {
        long seed = seed();
        for (ArraySpec top : List.of(TestSupport.os(SAT16, 2, 2), TestSupport.tree(SAT16, 3, true),
                TestSupport.cube(SAT16, 2, 20, 1), TestSupport.matrix(SAT16, 2, 2, 3))) {
            VectorSet set = Stimulus.generate(top, 60, seed);
            Field out = set.iface().output().fields().get(0);
            Set<BigInteger> seen = new HashSet<>();
            for (Beat beat : set.expected()) {
                seen.addAll(IntArith.unpack(beat.fields().get(0), out.type(), out.elements()));
            }
            assertTrue(seen.contains(type(16, true).max()), "acc max reached " + top + seedNote(seed));
        }
    }

    @Test
    void wrappingTilesOverflowTheAccumulator() {
        // int8 x int8 into int16 wrap: the overflow tile's exact sum leaves int16, so some output differs
        // from the exact matmul of the decoded beats.
        long seed = seed();
        ArraySpec top = TestSupport.os(WRAP16, 2, 2);
        List<Problem> problems = Stimulus.problems(top, 60, seed);
        boolean wrapped = false;
        for (Problem p : problems) {
            Tile t = (Tile) p;
            BigInteger exact = BigInteger.ZERO;
            for (int k = 0; k < t.k(); k++) {
                exact = exact.add(t.a()[0][k].multiply(t.b()[k][0]));
            }
            wrapped |= !IntArith.fits(exact, type(16, true));
        }
        assertTrue(wrapped, seedNote(seed));
    }

    @Test
    void decodedBeatsReproduceTheExpectedResults() {
        // Decode the 'in' beats of an OS tile back into A and B (column k of A, row k of B) and recompute.
        long seed = seed();
        ArraySpec top = TestSupport.os(SAT16, 3, 2);
        VectorSet set = Stimulus.generate(top, 80, seed);
        Stream in = set.iface().input("in");
        List<BigInteger[]> cols = new ArrayList<>();
        List<BigInteger[]> rows = new ArrayList<>();
        int tile = 0;
        for (Beat beat : set.inputs()) {
            cols.add(IntArith.unpack(beat.fields().get(0), in.fields().get(0).type(), 3).toArray(new BigInteger[0]));
            rows.add(IntArith.unpack(beat.fields().get(1), in.fields().get(1).type(), 2).toArray(new BigInteger[0]));
            if (beat.fields().get(2).equals(BigInteger.ONE)) {
                int k = cols.size();
                BigInteger[][] a = new BigInteger[3][k];
                for (int r = 0; r < 3; r++) {
                    for (int j = 0; j < k; j++) {
                        a[r][j] = cols.get(j)[r];
                    }
                }
                BigInteger[][] c = new OutputStationaryModel((SystolicArray) top)
                        .tile(a, rows.toArray(new BigInteger[0][]));
                List<BigInteger> flat = new ArrayList<>();
                for (BigInteger[] row : c) {
                    flat.addAll(List.of(row));
                }
                Field outField = set.iface().output().fields().get(0);
                assertEquals(IntArith.pack(flat, outField.type()), set.expected().get(tile).fields().get(0),
                        "tile " + tile + seedNote(seed));
                cols.clear();
                rows.clear();
                tile++;
            }
        }
        assertEquals(80, tile);
    }

    @Test
    void weightStationaryStartsWithoutALoadAndLoadsLater() {
        long seed = seed();
        ArraySpec top = TestSupport.ws(WRAP16, 2, 2);
        VectorSet set = Stimulus.generate(top, 100, seed);
        assertEquals("in", set.inputs().get(0).stream(), "first activation sees the reset weights");
        assertEquals(BigInteger.ZERO, set.expected().get(0).fields().get(0));
        long loads = set.inputs().stream().filter(b -> b.stream().equals("w")).count();
        assertTrue(loads > 5, "weight loads at the start and later " + seedNote(seed));
        assertTrue(set.inputs().get(set.inputs().size() - 1).stream().equals("in"));
    }

    private static boolean hasLast(Stream s) {
        return s.fields().get(s.fields().size() - 1).name().equals("last");
    }

    private static void checkFits(Stream s, Beat beat, String what) {
        assertEquals(s.fields().size(), beat.fields().size(), what);
        for (int f = 0; f < s.fields().size(); f++) {
            BigInteger value = beat.fields().get(f);
            assertTrue(value.signum() >= 0 && value.bitLength() <= s.fields().get(f).width(),
                    s.portOf(s.fields().get(f)) + " = " + value + " " + what);
        }
    }
}
