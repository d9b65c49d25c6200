package bitweave.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathSimulator;
import bitweave.datapath.DatapathVerifier;
import bitweave.datapath.Op;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The pipelined edge adder of compressed accumulation ({@link EdgeAdder}), simulated op by op: after N
 * cycles its output is (sum + carry) mod 2^ACC of the pair it took N cycles before, for every stage count,
 * with a stream of different pairs in flight, and the stall input holds every stage.
 */
class EdgeAdderTest {
    private static final long SEED = 0x5eed_ed9eL;

    @Test
    void everyStageCountAddsThePairItTookNCyclesBefore() {
        Random rnd = new Random(SEED);
        for (int accw : new int[] {1, 5, 19, 32, 48}) {
            for (int stages = 0; stages <= Math.min(accw, 6); stages++) {
                Datapath g = EdgeAdder.graph(accw, stages, false, "t.bw:1:1");
                DatapathVerifier.verify(g, "edge adder");
                DatapathSimulator sim = new DatapathSimulator(g);
                List<BigInteger> expected = new ArrayList<>();
                for (int cycle = 0; cycle < 40; cycle++) {
                    BigInteger sum = pick(rnd, accw);
                    BigInteger carry = pick(rnd, accw);
                    expected.add(sum.add(carry).mod(BigInteger.ONE.shiftLeft(accw)));
                    BigInteger out = sim.step(Map.of("sum", sum, "carry", carry), false).get("value");
                    if (cycle >= stages) {
                        assertEquals(expected.get(cycle - stages), out, "seed " + SEED + ", ACC " + accw + ", "
                                + stages + " stages, cycle " + cycle);
                    }
                }
            }
        }
    }

    @Test
    void aStallHoldsEveryStage() {
        Random rnd = new Random(SEED + 1);
        int accw = 32;
        int stages = 4;
        Datapath g = EdgeAdder.graph(accw, stages, true, "t.bw:1:1");
        DatapathSimulator sim = new DatapathSimulator(g);
        List<BigInteger> expected = new ArrayList<>();
        int advanced = 0;
        for (int cycle = 0; cycle < 200; cycle++) {
            boolean en = rnd.nextInt(3) != 0;
            BigInteger sum = pick(rnd, accw);
            BigInteger carry = pick(rnd, accw);
            Map<String, BigInteger> in = new HashMap<>(Map.of("sum", sum, "carry", carry));
            in.put("en", en ? BigInteger.ONE : BigInteger.ZERO);
            BigInteger out = sim.step(in, false).get("value");
            // the output shows the pair taken at the stages-th advancing edge before now
            if (advanced >= stages) {
                assertEquals(expected.get(advanced - stages), out, "seed " + (SEED + 1) + ", cycle " + cycle);
            }
            if (en) {
                expected.add(sum.add(carry).mod(BigInteger.ONE.shiftLeft(accw)));
                advanced++;
            }
        }
    }

    @Test
    void theChunksAreBalancedAndTheStagesRegistered() {
        assertEquals(List.of(8, 8, 8, 8), widths(32, 4));
        assertEquals(List.of(7, 6, 6), widths(19, 3));
        assertEquals(List.of(1, 1, 1), widths(3, 3));
        Datapath g = EdgeAdder.graph(32, 4, false, "t.bw:1:1");
        // the pair (2 x 32), then per boundary the done bits, a carry and both operands' high bits
        long bits = g.ops().stream().filter(op -> op instanceof Op.Register)
                .mapToLong(op -> ((Op.Register) op).out().width()).sum();
        assertEquals(64 + (8 + 1 + 48) + (16 + 1 + 32) + (24 + 1 + 16), bits);
        assertEquals(0, EdgeAdder.graph(32, 0, true, "t.bw:1:1").ops().stream()
                .filter(op -> op instanceof Op.Register).count());
        assertThrows(IllegalArgumentException.class, () -> EdgeAdder.graph(8, 9, false, "t.bw:1:1"));
    }

    private static List<Integer> widths(int accw, int stages) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k < stages; k++) {
            out.add(EdgeAdder.chunkWidth(accw, stages, k));
        }
        return out;
    }

    /** Random bits, often all ones or zero (the carry chain's corners). */
    private static BigInteger pick(Random rnd, int width) {
        BigInteger ones = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
        switch (rnd.nextInt(6)) {
            case 0:
                return ones;
            case 1:
                return BigInteger.ZERO;
            default:
                return new BigInteger(width, rnd);
        }
    }
}
