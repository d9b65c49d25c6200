package bitweave.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.DatapathVerifier;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The printed Verilog computes what the datapath IR means, bit for bit and cycle by cycle: seeded random
 * graphs over every op kind (widths 1..40 and 63/64/65, both signednesses, registers with and without
 * reset and enable) and exhaustive small encoders, partial-product selectors and fits, all in one
 * Verilator build, against {@link bitweave.datapath.DatapathSimulator}. Every module (and the wrapper)
 * must also be clean under {@code verilator --lint-only -Wall}. Seed: -Dbitweave.seed=N, graph count:
 * -Dbitweave.graphs=N, keep the files: -Dbitweave.keepDir=DIR.
 */
class DatapathVerilogCosimTest {
    /** Enough cycles to enumerate 9 input bits (a 6-bit b with neg, one and two). */
    private static final int CYCLES = 520;

    @Test
    void printedGraphsMatchTheSimulatorAndLintClean(@TempDir Path dir) throws Exception {
        // -Dbitweave.keepDir=DIR keeps the generated files (modules, wrapper, testbench, vectors) for debugging
        String keep = System.getProperty("bitweave.keepDir");
        if (keep != null) {
            dir = java.nio.file.Files.createDirectories(Path.of(keep));
        }
        long seed = Long.getLong("bitweave.seed", 20260601L);
        int graphs = Integer.getInteger("bitweave.graphs", 40);
        Random rnd = new Random(seed);
        List<DatapathCosim.Case> cases = new ArrayList<>(exhaustiveCases());
        RandomDatapaths gen = new RandomDatapaths(rnd);
        for (int i = 0; i < graphs; i++) {
            Datapath g = gen.graph(4 + i);   // sizes ramp from small to large
            DatapathVerifier.verify(g, "random graph " + i + " [seed " + seed + "]");
            cases.add(new DatapathCosim.Case("dpr" + i, g, randomInputs(g, gen)));
        }
        String lint = DatapathCosim.writeAndLint(dir, cases);
        assertEquals("", lint.strip(), "verilator -Wall is not clean [seed " + seed + "; rerun with -Dbitweave.seed="
                + seed + "]");

        boolean[] rst = new boolean[CYCLES];
        rst[0] = true;
        for (int t = 1; t < CYCLES; t++) {
            rst[t] = rnd.nextInt(16) == 0;
        }
        List<String> mismatches = DatapathCosim.run(dir, cases, rst, seed);
        assertTrue(mismatches.isEmpty(), mismatches.size() + " graph(s) disagree:\n"
                + String.join("\n", mismatches.subList(0, Math.min(3, mismatches.size()))));
    }

    /** Booth and EN-T encoders (widths 1..8), partial-product rows (b widths 1..6) and fits (inputs 2..6 bits). */
    private static List<DatapathCosim.Case> exhaustiveCases() {
        List<DatapathCosim.Case> cases = new ArrayList<>();
        for (int w = 1; w <= 8; w++) {
            for (boolean signed : new boolean[] {false, true}) {
                DatapathBuilder b = new DatapathBuilder("enc.bw:1:1");
                Value a = b.input("a", w);
                int bd = Op.BoothEncode.digits(w, signed);
                b.add(new Op.BoothEncode(b.output("booth_neg", bd), b.output("booth_one", bd), b.output("booth_two", bd),
                        a, signed, b.loc()));
                int ed = Op.EntEncode.digits(w, signed);
                b.add(new Op.EntEncode(b.output("ent_neg", ed), b.output("ent_one", ed), b.output("ent_two", ed),
                        a, signed, b.loc()));
                cases.add(new DatapathCosim.Case("dpx_enc_" + (signed ? "s" : "u") + w, verified(b), DatapathVerilogCosimTest::counter));
            }
        }
        for (int w = 1; w <= 6; w++) {
            for (boolean signed : new boolean[] {false, true}) {
                DatapathBuilder b = new DatapathBuilder("pp.bw:1:1");
                Value neg = b.input("neg", 1);
                Value one = b.input("one", 1);
                Value two = b.input("two", 1);
                Value bIn = b.input("b", w);
                b.add(new Op.PartialProduct(b.output("row", Op.PartialProduct.rowWidth(w, signed)), neg, one, two, bIn,
                        signed, b.loc()));
                cases.add(new DatapathCosim.Case("dpx_pp_" + (signed ? "s" : "u") + w, verified(b), DatapathVerilogCosimTest::counter));
            }
        }
        for (int w = 2; w <= 6; w++) {
            DatapathBuilder b = new DatapathBuilder("fit.bw:1:1");
            Value x = b.input("x", w);
            for (int o = 1; o < w; o++) {
                for (Op.FitPolicy p : Op.FitPolicy.values()) {
                    b.add(new Op.Fit(b.output(p.name().toLowerCase(java.util.Locale.ROOT) + "_" + o, o), x, p, b.loc()));
                }
            }
            cases.add(new DatapathCosim.Case("dpx_fit_" + w, verified(b), DatapathVerilogCosimTest::counter));
        }
        return cases;
    }

    private static Datapath verified(DatapathBuilder b) {
        Datapath g = b.build();
        DatapathVerifier.verify(g, "exhaustive graph");
        return g;
    }

    /**
     * The cycle number spread over the inputs, first input in the low bits, so the cycles enumerate
     * every input combination (up to 2^9 of them). Only used for graphs whose inputs fit that.
     */
    private static BigInteger counter(int cycle, Value port) {
        return COUNTER_SHIFT.get(port.name()) == null ? BigInteger.ZERO
                : BigInteger.valueOf(cycle >> COUNTER_SHIFT.get(port.name())).and(BigInteger.ONE.shiftLeft(port.width())
                        .subtract(BigInteger.ONE));
    }

    /** Where each exhaustive graph's input sits in the cycle counter (the graphs use these names and widths). */
    private static final Map<String, Integer> COUNTER_SHIFT = Map.of("a", 0, "x", 0, "neg", 0, "one", 1, "two", 2, "b", 3);

    /** Random (edge-weighted) values per cycle and input, drawn once so the testbench and the simulator see the same. */
    private static java.util.function.BiFunction<Integer, Value, BigInteger> randomInputs(Datapath g, RandomDatapaths gen) {
        Map<String, BigInteger[]> table = new HashMap<>();
        for (Value in : g.inputs()) {
            BigInteger[] values = new BigInteger[CYCLES];
            for (int t = 0; t < CYCLES; t++) {
                values[t] = gen.randomBits(in.width());
            }
            table.put(in.name(), values);
        }
        return (t, port) -> table.get(port.name())[t];
    }
}
