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
 * accumulators shrink with them, every parameter goes to min(its default, 2) within its range. The
 * transform or multiplier structure is exactly the shipped one.
 */
class EquivExamplesTest {
    private static final Pattern PARAM = Pattern.compile("(?m)^param\\s+(\\w+)\\s*=\\s*(\\d+)\\s+in\\s+(\\d+)\\.\\.(\\d+)");

    @TempDir
    Path tmp;

    @TestFactory
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

    private void prove(Path example) throws IOException {
        String text = Files.readString(example)
                .replaceAll("\\bint8\\b", "int4").replaceAll("\\bint32\\b", "int12").replaceAll("\\bint19\\b", "int10");
        List<String> args = new ArrayList<>(List.of("equiv"));
        Path small = Files.writeString(tmp.resolve(example.getFileName()), text);
        args.add(small.toString());
        Matcher m = PARAM.matcher(text);
        while (m.find()) {
            long lo = Long.parseLong(m.group(3));
            long value = Math.max(lo, Math.min(Long.parseLong(m.group(2)), 2));
            args.add("-P");
            args.add(m.group(1) + "=" + value);
        }
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), "equiv " + String.join(" ", args) + ": " + r);
        assertTrue(r.out().startsWith("PROVED "), r.toString());
    }
}
