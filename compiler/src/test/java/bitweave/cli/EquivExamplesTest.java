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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 6 §6: {@code bitweave equiv} proves every shipped example that is built other than the plain way
 * (a multiplier structure or a transform) against its own baseline. A full SAT proof of int8 operands is
 * slow, so each example is proved at small widths and sizes, where it is fast: int8 operands become int4,
 * accumulators shrink with them, every parameter goes to the low end of its range (1x1 arrays), or to 2
 * where the shape needs it (OPT2 needs K >= 2). A 2x2 OPT1 array took over five minutes of SAT at the
 * default depth; one PE proves in seconds. The transform or multiplier structure is exactly the shipped one.
 */
class EquivExamplesTest {
    private static final Pattern PARAM = Pattern.compile("(?m)^param\\s+(\\w+)\\s*=\\s*(\\d+)\\s+in\\s+(\\d+)\\.\\.(\\d+)");

    @TempDir
    Path tmp;

    /**
     * Opt-in (-Dbitweave.equiv.examples=true) until the proofs are fast enough for CI: Yosys' SAT on a 2x2
     * OPT1 array ran for more than five minutes at the default depth (issue 6 note). CI proves a Booth
     * tree against its baseline in EquivCommandTest.
     */
    @TestFactory
    @org.junit.jupiter.api.condition.EnabledIfSystemProperty(named = "bitweave.equiv.examples", matches = "true")
    Stream<DynamicTest> everyTransformedExampleIsProvedAgainstItsBaseline() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("dsl/examples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".bw")).sorted().toList()) {
                Design d = Frontend.load(f, f.getFileName().toString(), Map.of(), null);
                if (d.hasStructureToProve()) {
                    tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> prove(f)));
                }
            }
        }
        assertTrue(tests.size() >= 1, "the examples include transformed or Booth designs to prove");
        return tests.stream();
    }

    /** {@code equiv FILE -P NAME=V ...} with every parameter at max(its low end, min(its default, size)). */
    private static List<String> withParams(Path file, String text, long size) {
        List<String> args = new ArrayList<>(List.of("equiv", file.toString()));
        Matcher m = PARAM.matcher(text);
        while (m.find()) {
            long lo = Long.parseLong(m.group(3));
            args.add("-P");
            args.add(m.group(1) + "=" + Math.max(lo, Math.min(Long.parseLong(m.group(2)), size)));
        }
        return args;
    }

    private static String[] concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all.toArray(String[]::new);
    }

    private void prove(Path example) throws IOException {
        String text = Files.readString(example)
                .replaceAll("\\bint8\\b", "int4").replaceAll("\\bint32\\b", "int12").replaceAll("\\bint19\\b", "int10");
        Path small = Files.writeString(tmp.resolve(example.getFileName()), text);
        List<String> args = withParams(small, text, 1);
        if (CliRunner.run(concat(List.of("check"), args.subList(1, args.size()))).exit() != 0) {
            args = withParams(small, text, 2);
        }
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), "equiv " + String.join(" ", args) + ": " + r);
        assertTrue(r.out().startsWith("PROVED "), r.toString());
    }
}
