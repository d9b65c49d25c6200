package bitweave.units.systolic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathSimulator;
import bitweave.datapath.DatapathVerifier;
import bitweave.datapath.Op;
import bitweave.ir.IntType;
import bitweave.ir.MacStructure;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.passes.CompressBitHeaps;
import bitweave.passes.PassPipeline;
import bitweave.rtl.DatapathBody;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The datapath of compressed accumulation (OPT1) without Verilator: seeded random PEs (operands of 1..10
 * bits, accumulators of 1..40 bits, both signednesses, every multiplier and reduction) are expanded by
 * compress-bit-heaps and simulated step by step; the pair always sums (mod 2^ACC) to the wrapped
 * accumulation, and no carry-propagate adder is left in a PE built from partial products. Also: which
 * passes run. Override the seed with -Dbitweave.seed=N.
 */
class CompressedAccumulationTest {
    private static final long SEED = Long.getLong("bitweave.seed", 4242L);

    private static IntType type(Random rnd, int maxWidth) {
        return new IntType(1 + rnd.nextInt(maxWidth), rnd.nextBoolean());
    }

    private static PeSpec randomPe(Random rnd) {
        MacStructure.Multiplier m = MacStructure.Multiplier.values()[rnd.nextInt(MacStructure.Multiplier.values().length)];
        MacStructure.Reduction r = MacStructure.Reduction.values()[rnd.nextInt(MacStructure.Reduction.values().length)];
        MacStructure mac = m.makesPartialProducts() ? new MacStructure(m, r, r != MacStructure.Reduction.CHAIN && rnd.nextBoolean())
                : MacStructure.DEFAULT;
        return new PeSpec("mac", type(rnd, 10), type(rnd, 10), type(rnd, 40), OverflowPolicy.WRAP, mac, SourceLoc.NONE);
    }

    private static Datapath expanded(Datapath graph) {
        DatapathVerifier.verify(graph, "lowering");
        Datapath out = new CompressBitHeaps().run(graph);
        DatapathVerifier.verify(out, "compress-bit-heaps");
        assertFalse(out.ops().stream().anyMatch(op -> op instanceof Op.BitHeap));
        return out;
    }

    private static BigInteger random(Random rnd, IntType t) {
        return new BigInteger(t.width(), rnd);
    }

    /** The operand's value as its type reads the bit pattern. */
    private static BigInteger value(BigInteger bits, IntType t) {
        return t.signed() && bits.testBit(t.width() - 1) ? bits.subtract(BigInteger.ONE.shiftLeft(t.width())) : bits;
    }

    private static BigInteger mod(BigInteger v, int width) {
        return v.mod(BigInteger.ONE.shiftLeft(width));
    }

    private static void assertNoCarryPropagateAdder(PeSpec pe, Datapath graph, String what) {
        long adds = graph.ops().stream().filter(op -> op instanceof Op.Add).count();
        // a behavioural multiply keeps its own final adder inside the synthesized '*', never an Op.Add
        assertEquals(0, adds, what + ": no carry-propagate adder in the accumulation loop");
        assertEquals(pe.mac().multiplier().makesPartialProducts() ? 0 : 1,
                graph.ops().stream().filter(op -> op instanceof Op.Multiply).count(), what);
    }

    /**
     * The pair the PE hands out is its registered accumulator: the wrapped sum of the tile's products so
     * far, restarted from 0 by the step after a tile's last one (fresh_q). Held: only in the cycle after
     * the tile's last step (result_load), (0, 0) otherwise, so a row can OR its PEs' pairs.
     */
    @Test
    void outputStationaryPairTracksTheWrappedAccumulator() {
        Random rnd = new Random(SEED);
        for (int design = 0; design < 60; design++) {
            PeSpec pe = randomPe(rnd);
            boolean held = rnd.nextBoolean();
            String what = "seed " + SEED + ", design " + design + (held ? " (held): " : " (direct): ") + pe;
            Datapath graph = expanded(CompressedAccumulation.outputStationaryPe(pe, held));
            assertNoCarryPropagateAdder(pe, graph, what);
            int accw = pe.acc().width();
            DatapathSimulator sim = new DatapathSimulator(graph);
            sim.step(Map.of("a_in", BigInteger.ZERO, "b_in", BigInteger.ZERO, "valid_in", BigInteger.ONE,
                    "last_in", BigInteger.ONE), true);    // reset: fresh_q = 1, the markers 0
            BigInteger acc = null;                       // the registered pair's value; null: not yet defined
            boolean fresh = true;
            boolean finished = false;                    // the previous cycle was a tile's last valid step
            for (int step = 0; step < 40; step++) {
                BigInteger a = random(rnd, pe.a());
                BigInteger b = random(rnd, pe.b());
                boolean valid = rnd.nextInt(4) != 0;
                boolean last = rnd.nextInt(5) == 0;
                Map<String, BigInteger> in = new HashMap<>();
                in.put("a_in", a);
                in.put("b_in", b);
                in.put("valid_in", valid ? BigInteger.ONE : BigInteger.ZERO);
                in.put("last_in", last ? BigInteger.ONE : BigInteger.ZERO);
                Map<String, BigInteger> out = sim.step(in, false);
                BigInteger pair = mod(out.get("result_sum").add(out.get("result_carry")), accw);
                if (held) {
                    assertEquals(finished ? BigInteger.ONE : BigInteger.ZERO, out.get("result_load"), what + ", step " + step);
                    if (finished) {
                        assertEquals(acc, pair, what + ", step " + step + ": the finished tile's pair");
                    } else {
                        assertEquals(BigInteger.ZERO, out.get("result_sum"), what + ", step " + step + ": masked");
                        assertEquals(BigInteger.ZERO, out.get("result_carry"), what + ", step " + step + ": masked");
                    }
                } else if (acc != null) {
                    assertEquals(acc, pair, what + ", step " + step + ": the accumulator's pair");
                }
                if (valid) {
                    BigInteger base = fresh ? BigInteger.ZERO : acc;
                    acc = mod(base.add(value(a, pe.a()).multiply(value(b, pe.b()))), accw);
                    fresh = last;
                }
                finished = valid && last;
            }
        }
    }

    @Test
    void weightStationaryPairAddsTheProductToTheIncomingPair() {
        Random rnd = new Random(SEED + 1);
        for (int design = 0; design < 60; design++) {
            PeSpec pe = randomPe(rnd);
            String what = "seed " + SEED + ", design " + design + ": " + pe;
            Datapath graph = expanded(CompressedAccumulation.weightStationaryPe(pe));
            assertNoCarryPropagateAdder(pe, graph, what);
            int accw = pe.acc().width();
            DatapathSimulator sim = new DatapathSimulator(graph);
            for (int step = 0; step < 20; step++) {
                BigInteger w = random(rnd, pe.b());
                BigInteger x = random(rnd, pe.a());
                BigInteger s = new BigInteger(accw, rnd);
                BigInteger c = new BigInteger(accw, rnd);
                Map<String, BigInteger> in = new HashMap<>(Map.of("en", BigInteger.ZERO, "w_load", BigInteger.ONE,
                        "w_in", w, "x_in", x, "p_sum_in", s, "p_carry_in", c));
                sim.step(in, false);                  // load the weight
                in.put("w_load", BigInteger.ZERO);
                in.put("en", BigInteger.ONE);
                sim.step(in, false);                  // one step of the column
                in.put("en", BigInteger.ZERO);
                Map<String, BigInteger> out = sim.step(in, false);
                BigInteger expected = mod(s.add(c).add(value(x, pe.a()).multiply(value(w, pe.b()))), accw);
                assertEquals(expected, mod(out.get("p_sum_out").add(out.get("p_carry_out")), accw), what + ", step " + step);
            }
        }
    }

    private static RtlDesign lowered(String multiplier, String dataflow, String transform) {
        String text = "design d\npe mac { a : int8; b : int8; acc : int32 wrap" + multiplier + " }\n"
                + "array top = systolic(2, 2) of mac { dataflow " + dataflow + transform + " }\n";
        return PassPipeline.run(Frontend.loadText(text, "d.bw", Map.of(), null), m -> "");
    }

    private static String names(String multiplier, String transform) {
        String text = "design d\npe mac { a : int8; b : int8; acc : int32 wrap" + multiplier + " }\n"
                + "array top = systolic(2, 2) of mac { dataflow output_stationary" + transform + " }\n";
        return String.join(" ", PassPipeline.passNames(Frontend.loadText(text, "d.bw", Map.of(), null)));
    }

    @Test
    void compressBitHeapsRunsWhenATransformMadeAHeapEvenWithABehavioralMultiplier() {
        String opt1 = "; transform compressed_accumulation";
        assertEquals("lower-systolic-os legalize-names", names("", ""));
        assertEquals("lower-systolic-os compress-bit-heaps legalize-names", names("", opt1));
        assertEquals("lower-systolic-os lower-multipliers compress-bit-heaps legalize-names", names("; multiplier booth", ""));
        assertEquals("lower-systolic-os lower-multipliers compress-bit-heaps legalize-names",
                names("; multiplier booth", opt1));
    }

    @Test
    void theOnlyCarryPropagateAddersAreOutsideTheLoop() {
        for (String dataflow : List.of("output_stationary", "weight_stationary")) {
            RtlDesign rtl = lowered("; multiplier booth", dataflow, "; transform compressed_accumulation");
            for (RtlModule m : rtl.modules()) {
                if (!(m.body() instanceof DatapathBody d)) {
                    continue;
                }
                assertFalse(d.graph().ops().stream().anyMatch(op -> op instanceof Op.BitHeap), m.name());
                long adds = d.graph().ops().stream().filter(op -> op instanceof Op.Add).count();
                boolean fuses = m.name().equals("d_edge");
                boolean counter = m.name().equals("d_ctrl") && dataflow.equals("weight_stationary");
                assertEquals(fuses ? 1 : counter ? 2 : 0, adds, dataflow + ": adders in " + m.name());
            }
            assertTrue(rtl.modules().stream().anyMatch(m -> m.name().equals("d_edge")), dataflow);
        }
    }
}
