package bitweave.check;

import bitweave.diag.Diagnostic;
import bitweave.diag.DiagnosticPrinter;
import bitweave.diag.UserError;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs every compiler/src/test/resources/errors/*.bw file and compares the diagnostics with the file's
 * own header lines:
 * <pre>
 * // expect: E0402 4:7 substring of the message      (one line per diagnostic, in reported order)
 * // expect: E0702 -:- substring                      (a diagnostic without source position)
 * // overrides: ROWS=0 COLS=3                         (optional -P overrides, in this order)
 * // top: name                                        (optional requested top array)
 * </pre>
 */
class ErrorCatalogueTest {
    private static final Path DIR = Path.of("compiler/src/test/resources/errors");

    record Expectation(String code, String position, String substring) {
    }

    @TestFactory
    Stream<DynamicTest> everyErrorFileReportsExactlyItsExpectations() throws IOException {
        return catalogue().stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> run(file)));
    }

    @Test
    void catalogueIsLargeEnough() throws IOException {
        assertTrue(catalogue().size() >= 25, "at least 25 error cases expected, found " + catalogue().size());
    }

    private static List<Path> catalogue() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".bw")).sorted().toList();
        }
    }

    private static void run(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<Expectation> expected = new ArrayList<>();
        Map<String, Long> overrides = new LinkedHashMap<>();
        String top = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("// expect: ")) {
                String[] parts = line.substring("// expect: ".length()).split(" ", 3);
                expected.add(new Expectation(parts[0], parts[1], parts[2]));
            } else if (line.startsWith("// overrides: ")) {
                for (String kv : line.substring("// overrides: ".length()).trim().split("\\s+")) {
                    String[] p = kv.split("=");
                    overrides.put(p[0], Long.parseLong(p[1]));
                }
            } else if (line.startsWith("// top: ")) {
                top = line.substring("// top: ".length()).trim();
            }
        }
        assertTrue(!expected.isEmpty(), file + " has no '// expect:' line");
        String display = file.getFileName().toString();
        List<Diagnostic> actual;
        try {
            Frontend.loadText(text, display, overrides, top);
            fail(file + ": loaded without errors, expected " + expected);
            return;
        } catch (UserError e) {
            actual = e.diagnostics();
        }
        String shown = DiagnosticPrinter.formatAll(actual, DiagnosticPrinter.fromText(display, text));
        assertEquals(expected.size(), actual.size(), file + ": wrong number of diagnostics; got:\n" + shown);
        for (int i = 0; i < expected.size(); i++) {
            Expectation want = expected.get(i);
            Diagnostic got = actual.get(i);
            String position = got.loc() == null ? "-:-" : got.loc().line() + ":" + got.loc().col();
            assertEquals(want.code(), got.code().code(), file + " diagnostic " + i + "; got:\n" + shown);
            assertEquals(want.position(), position, file + " diagnostic " + i + "; got:\n" + shown);
            assertTrue(got.message().contains(want.substring()),
                    file + " diagnostic " + i + " should contain '" + want.substring() + "'; got:\n" + shown);
        }
    }
}
