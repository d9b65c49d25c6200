package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.ir.Design;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 §6: {@code bitweave equiv} proves every shipped example that is built other than the plain way
 * (a multiplier structure or a transform) against its own baseline, in CI. Every such file in
 * dsl/examples joins automatically.
 *
 * <p>The proof is a bounded SAT check, and its time grows steeply with the number of multipliers and of
 * accumulation steps in the bound (measured, one core, default depth: a 2x2 OPT1 output-stationary array
 * at int4/ACC8 ran over 45 CPU-s without an answer, a 2x2 weight-stationary one about 29 CPU-s, one
 * output-stationary PE 6.5 CPU-s). So each example is proved at the smallest size that still exercises
 * its transform, with its own transform and multiplier structure: int8 operands become int4, the
 * accumulator becomes the narrowest type that holds one product (int8 for int4 x int4, so several steps
 * wrap), and each array size is 1 except along the axis a partial sum or a carry-save pair travels
 * ({@link #SIZES}); {@code columns} becomes 2 (the columns share the encoded operand). A lut_core is proved
 * against its baseline, the same tile built with multipliers, at one PE over one table group.
 */
class EquivExamplesTest {
    private static final Pattern PARAM = Pattern.compile("(?m)^param\\s+(\\w+)\\s*=\\s*(\\d+)\\s+in\\s+(\\d+)\\.\\.(\\d+)");
    /** The top array's declaration: {@code array NAME = KIND(SIZES) of PE}. */
    private static final Pattern ARRAY = Pattern.compile("(?m)^(array\\s+\\w+\\s*=\\s*)(\\w+)\\(([^)]*)\\)");
    private static final Pattern ACC = Pattern.compile("(?m)^(\\s*acc\\s*:\\s*)u?int\\d+");
    private static final Pattern OPERAND = Pattern.compile("(?m)^(\\s*[ab]\\s*:\\s*)(u?)int\\d+");

    /**
     * Proof sizes per array kind (and dataflow): 1 where the PEs only pass operands on, 2 along the
     * reduction, so that a partial sum (or OPT1's sum/carry pair, or OPT2's shared bit weights) goes from
     * one PE or multiplier to the next. Output stationary accumulates in place, so one PE shows all of OPT1.
     * A kind not listed gets every size 1 (2 where 1 is out of range).
     */
    private static final Map<String, List<String>> SIZES = Map.of(
            "systolic output_stationary", List.of("1", "1"),
            "systolic weight_stationary", List.of("2", "1"),   // the partial sum flows down the rows
            "adder_tree", List.of("2"),                         // K
            "cube", List.of("1", "2", "1"),                     // X, Y (partial sums along y), Z
            "matrix", List.of("1", "1", "2"),                   // M, N, K
            "lut_core", List.of("1", "1", "4"));                // M, N, K: one full table group of 4

    @TempDir
    Path tmp;

    @TestFactory
    Stream<DynamicTest> everyTransformedExampleIsProvedAgainstItsBaseline() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("dsl/examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bw")).sorted().toList()) {
                Design d = Frontend.load(f, f.getFileName().toString(), Map.of(), null);
                if (d.hasStructureToProve() && !hasBlockOperands(d)) {
                    tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> prove(f)));
                }
            }
        }
        assertTrue(tests.size() >= 3, "the examples include the OPT1 and OPT2 designs to prove");
        return tests.stream();
    }

    /**
     * A block-format PE's example is not proved here: with its float rounding and accumulator the bounded proof
     * does not finish even at K = 2 (measured: bfp_e2m4 operands, bf16 result, columns 2, Booth + OPT2 ran over
     * 500 CPU-s without an answer). Its integer part is the integer tree's {@code DotUnit}, which the integer
     * OPT2 examples prove; co-simulation checks the block-format trees with Booth and OPT2.
     */
    private static boolean hasBlockOperands(Design d) {
        return d.top().pe() != null && d.top().pe().hasBlockOperands();
    }

    /** The example at proof size (class comment); sizes given by parameters are replaced by literals. */
    static String shrunk(String text) {
        Matcher arr = ARRAY.matcher(text);
        if (!arr.find()) {
            throw new AssertionError("no array declaration in:\n" + text);
        }
        String kind = arr.group(2);
        Matcher flow = Pattern.compile("(?m)^\\s*dataflow\\s+(\\w+)").matcher(text);
        String key = flow.find() ? kind + " " + flow.group(1) : kind;
        int arity = arr.group(3).split(",").length;
        List<String> sizes = SIZES.getOrDefault(key, java.util.Collections.nCopies(arity, "1"));
        String out = text.substring(0, arr.start()) + arr.group(1) + kind + "(" + String.join(", ", sizes) + ")"
                + text.substring(arr.end());
        out = out.replaceAll("(?m)^(\\s*columns\\s+)\\d+", "$12");
        boolean unsigned = true;
        Matcher op = OPERAND.matcher(out);
        while (op.find()) {
            unsigned &= !op.group(2).isEmpty();
        }
        // A LUT tile against its multiplier reference is the slowest proof of all (int4 activations x 2-bit
        // codes, K 4: over 240 s; int2 activations: ~25 s), so its activations become int2 and its codes keep
        // their width; a MAC PE's operands become int4.
        out = kind.equals("lut_core")
                ? Pattern.compile("(?m)^(\\s*a\\s*:\\s*)(u?)int\\d+").matcher(out).replaceAll("$1$2int2")
                : OPERAND.matcher(out).replaceAll("$1$2int4");
        return ACC.matcher(out).replaceAll("$1" + (unsigned ? "uint8" : "int8"));
    }

    private void prove(Path example) throws IOException {
        String text = shrunk(Files.readString(example));
        Path small = Files.writeString(tmp.resolve(example.getFileName()), text);
        List<String> args = new ArrayList<>(List.of("equiv", small.toString()));
        if (CliRunner.run("check", small.toString()).exit() != 0) {
            // a size the shape does not accept (a kind not in SIZES): every size parameter at 2
            Matcher m = PARAM.matcher(text);
            while (m.find()) {
                args.add("-P");
                args.add(m.group(1) + "=" + Math.max(Long.parseLong(m.group(3)), 2));
            }
        }
        long start = System.nanoTime();
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        double secs = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "EquivExamplesTest: %s proved in %.1f s (%s)%n", example.getFileName(), secs,
                r.out().lines().findFirst().orElse(""));
        assertEquals(0, r.exit(), "equiv " + String.join(" ", args) + " on\n" + text + "\n" + r);
        assertTrue(r.out().startsWith("PROVED "), r.toString());
    }
}
