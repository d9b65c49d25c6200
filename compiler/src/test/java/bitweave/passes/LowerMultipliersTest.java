package bitweave.passes;

import static bitweave.golden.TestSupport.seed;
import static bitweave.golden.TestSupport.seedNote;
import static bitweave.passes.DatapathChecks.LOC;
import static bitweave.passes.DatapathChecks.count;
import static bitweave.passes.DatapathChecks.multiply;
import static bitweave.passes.DatapathChecks.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.DatapathSimulator;
import bitweave.ir.MacStructure.Multiplier;
import bitweave.datapath.Op;
import bitweave.datapath.OpSemantics;
import bitweave.datapath.Value;
import bitweave.passes.DatapathChecks.Shape;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * lower-multipliers alone and followed by compress-bit-heaps computes what the behavioural multiply
 * computes, for every multiplier kind, reduction and 4:2 choice: exhaustively on small operand types
 * (both signednesses, one-bit operands, a wider than b and the reverse, product widths exact, wider and
 * narrower), and on seeded random operands up to int16 x int16 and mixed types up to 24 bits.
 */
class LowerMultipliersTest {
    record Config(Multiplier kind, Op.Reduction reduction, boolean use42) {
        @Override
        public String toString() {
            return kind.dslName() + "/" + reduction.dslName() + (use42 ? "+4:2" : "");
        }
    }

    static List<Config> openConfigs() {
        List<Config> configs = new ArrayList<>();
        for (Multiplier kind : Multiplier.values()) {
            if (kind == Multiplier.BEHAVIORAL) {
                continue;
            }
            for (Op.Reduction reduction : Op.Reduction.values()) {
                configs.add(new Config(kind, reduction, false));
                configs.add(new Config(kind, reduction, true));
            }
        }
        return configs;
    }

    /** The graphs after each pass, checked by the verifier and for their shape. */
    private static List<Datapath> pipeline(Datapath original, Config c, String what) {
        verify(original, "test graph");
        Datapath lowered = new LowerMultipliers(c.kind(), c.reduction(), c.use42()).run(original);
        verify(lowered, "lower-multipliers");
        assertEquals(0, count(lowered, Op.Multiply.class), what + ": a multiply is left");
        assertEquals(count(original, Op.Multiply.class), count(lowered, Op.BitHeap.class), what);
        Datapath compressed = new CompressBitHeaps().run(lowered);
        verify(compressed, "compress-bit-heaps");
        assertEquals(0, count(compressed, Op.BitHeap.class), what + ": a bit heap is left");
        return List.of(original, lowered, compressed);
    }

    private static void check(Shape s, Config c, List<BigInteger[]> vectors, String note) {
        String what = s + " " + c + note;
        List<DatapathSimulator> sims = pipeline(multiply(s), c, what).stream().map(DatapathSimulator::new).toList();
        for (BigInteger[] v : vectors) {
            Map<String, BigInteger> in = Map.of("a", v[0], "b", v[1]);
            DatapathChecks.sameOutputs(in, Map.of("product", s.expected(v[0], v[1])),
                    what + " a=" + v[0] + " b=" + v[1], sims);
        }
    }

    private static List<BigInteger[]> allPairs(Shape s) {
        List<BigInteger[]> out = new ArrayList<>();
        for (long a = 0; a < (1L << s.wa()); a++) {
            for (long b = 0; b < (1L << s.wb()); b++) {
                out.add(new BigInteger[] {BigInteger.valueOf(a), BigInteger.valueOf(b)});
            }
        }
        return out;
    }

    @Test
    void everySmallOperandPairUnderEveryConfiguration() {
        List<Shape> shapes = new ArrayList<>();
        int[][] types = {{4, 1, 4, 1}, {3, 0, 5, 1}, {1, 1, 2, 0}, {5, 1, 3, 1}, {1, 1, 1, 1}, {1, 0, 1, 0},
            {1, 0, 1, 1}, {1, 1, 6, 1}, {6, 0, 1, 1}, {4, 0, 4, 0}, {3, 1, 4, 0}, {2, 1, 2, 1}, {5, 0, 2, 1}};
        for (int[] t : types) {
            Shape exact = Shape.exact(t[0], t[1] == 1, t[2], t[3] == 1);
            shapes.add(exact);
            shapes.add(new Shape(exact.wa(), exact.sa(), exact.wb(), exact.sb(), exact.p() + 3));
            // narrower than exact (wrapped); at max(wa, wb) one operand reaches the multiply without an Extend
            shapes.add(new Shape(exact.wa(), exact.sa(), exact.wb(), exact.sb(), Math.max(t[0], t[2])));
        }
        for (Config c : openConfigs()) {
            for (Shape s : shapes) {
                check(s, c, allPairs(s), "");
            }
        }
    }

    @Test
    void randomOperandsUpToInt16AndMixedTypesUpTo24Bits() {
        long seed = seed();
        Random r = new Random(seed);
        List<Shape> shapes = new ArrayList<>(List.of(Shape.exact(16, true, 16, true), Shape.exact(8, true, 8, true),
                Shape.exact(24, false, 24, false), Shape.exact(24, true, 7, false)));
        for (int i = 0; i < 16; i++) {
            shapes.add(Shape.exact(1 + r.nextInt(16), true, 1 + r.nextInt(16), true));
        }
        for (int i = 0; i < 10; i++) {
            int wa = 1 + r.nextInt(24);
            int wb = 1 + r.nextInt(24);
            int p = wa + wb + (r.nextInt(3) == 0 ? r.nextInt(5) - 4 : 0);
            shapes.add(new Shape(wa, r.nextBoolean(), wb, r.nextBoolean(), Math.max(p, Math.max(wa, wb))));
        }
        for (Shape s : shapes) {
            List<BigInteger[]> vectors = new ArrayList<>();
            List<BigInteger> edgesA = edges(s.wa());
            List<BigInteger> edgesB = edges(s.wb());
            for (int i = 0; i < edgesA.size(); i++) {
                vectors.add(new BigInteger[] {edgesA.get(i), edgesB.get(i)});
                vectors.add(new BigInteger[] {edgesA.get(i), edgesB.get(edgesB.size() - 1 - i)});
            }
            for (int i = 0; i < 12; i++) {
                vectors.add(new BigInteger[] {new BigInteger(s.wa(), r), new BigInteger(s.wb(), r)});
            }
            for (Config c : openConfigs()) {
                check(s, c, vectors, seedNote(seed));
            }
        }
    }

    /** 0, 1, all ones, the sign bit alone, all ones below it. */
    private static List<BigInteger> edges(int w) {
        BigInteger ones = BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
        BigInteger sign = BigInteger.ONE.shiftLeft(w - 1);
        return List.of(BigInteger.ZERO, BigInteger.ONE, ones, sign, sign.subtract(BigInteger.ONE));
    }

    @Test
    void behavioralLeavesTheGraphAlone() {
        Datapath g = multiply(Shape.exact(8, true, 8, true));
        assertSame(g, new LowerMultipliers(Multiplier.BEHAVIORAL, Op.Reduction.WALLACE, false).run(g));
    }

    /**
     * A MAC: product = a * b, out = acc + product. The product's reader is untouched, the extension of b
     * (read only by the multiply) disappears, and that of a (also read by an output) stays.
     */
    @Test
    void readersOfTheProductAndSharedExtensionsAreKept() {
        DatapathBuilder b = new DatapathBuilder(LOC);
        Value a = b.input("a", 6);
        Value x = b.input("b", 5);
        Value acc = b.input("acc", 14);
        Value out = b.output("out", 14);
        Value aWide = b.output("a_wide", 14);
        Value aExt = b.fresh("a_ext", 14);
        b.add(new Op.Extend(aExt, a, true, LOC));
        b.add(new Op.Extend(aWide, aExt, false, LOC));
        Value bExt = b.extend("b_ext", x, 14, false);
        Value product = b.fresh("product", 14);
        b.add(new Op.Multiply(product, aExt, bExt, LOC));
        b.add(new Op.Add(out, acc, product, false, LOC));
        Datapath g = b.build();
        for (Config c : openConfigs()) {
            List<Datapath> graphs = pipeline(g, c, c.toString());
            Datapath lowered = graphs.get(1);
            assertTrue(lowered.ops().stream().anyMatch(op -> op instanceof Op.Extend e && e.out().equals(aExt)), c.toString());
            assertTrue(lowered.ops().stream().noneMatch(op -> op instanceof Op.Extend e && e.out().equals(bExt)), c.toString());
            assertTrue(lowered.ops().stream().anyMatch(op -> op instanceof Op.Add add && add.out().equals(product)
                    && add.a().name().equals("product_heap_sum") && add.b().name().equals("product_heap_carry")), c.toString());
            assertTrue(lowered.ops().contains(new Op.Add(out, acc, product, false, LOC)), c.toString());
            List<DatapathSimulator> sims = graphs.stream().map(DatapathSimulator::new).toList();
            Random r = new Random(seed() + c.hashCode());
            for (int i = 0; i < 200; i++) {
                BigInteger av = new BigInteger(6, r);
                BigInteger bv = new BigInteger(5, r);
                BigInteger accv = new BigInteger(14, r);
                BigInteger exact = OpSemantics.signed(av, 6).multiply(bv);
                Map<String, BigInteger> expected = Map.of("out", OpSemantics.wrap(accv.add(exact), 14),
                        "a_wide", OpSemantics.wrap(OpSemantics.signed(av, 6), 14));
                DatapathChecks.sameOutputs(Map.of("a", av, "b", bv, "acc", accv), expected,
                        c + " a=" + av + " b=" + bv + seedNote(seed()), sims);
            }
        }
    }
}
