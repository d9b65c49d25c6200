package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every shipped example co-simulates bit-exact through the real CLI path (Verilator required: a missing
 * Verilator fails this test, it never skips). The 10,000-vector run of the README is exercised by the
 * first example at a smaller count to keep CI short; bench/ runs the long ones.
 */
class ExamplesCosimTest {
    static final String CACHE = "target/bitweave-cache";

    @Test
    void everyExamplePasses() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("dsl/examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".bw")).sorted().collect(Collectors.toList());
        }
        assertFalse(examples.isEmpty());
        for (Path example : examples) {
            CliRunner.Result r = CliRunner.run("sim", example.toString(), "--vectors", "400", "--seed", "7",
                    "--cache-dir", CACHE, "--stats");
            assertEquals(0, r.exit(), example + ": " + r);
            String name = example.getFileName().toString().replaceFirst("\\.bw$", "");
            assertTrue(r.out().startsWith("PASS " + name + ": 400 vectors bit-exact ("), r.toString());
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("latency_measured=(-?\\d+) latency_reported=(\\d+)").matcher(r.out());
            assertTrue(m.find(), r.toString());
            assertEquals(m.group(2), m.group(1), "the report's latency must be what co-sim measures: " + r);
            assertFalse(r.err().contains("warning"), r.toString());
        }
    }

    /** The shipped OPT2 example (TPE same-bit-weight reduction, K16 x N4) at the README's 10,000 vectors. */
    @Test
    void sameBitWeightExampleIsBitExactOnTenThousandVectors() {
        CliRunner.Result r = CliRunner.run("sim", "dsl/examples/dot16x4_int8_opt2.bw", "--vectors", "10000", "--seed",
                "11", "--cache-dir", CACHE);
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("PASS dot16x4_int8_opt2: 10000 vectors bit-exact ("), r.toString());
    }
}
