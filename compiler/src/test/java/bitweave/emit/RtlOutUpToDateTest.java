package bitweave.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import bitweave.check.Frontend;
import bitweave.output.OutputWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * rtl-out/NAME/ holds the compile output of dsl/examples/NAME.bw. This test fails when any file there
 * differs from a fresh compile, is missing, or is left over. Regenerate with
 * {@code mvn test -Dtest=RtlOutUpToDateTest -Dbitweave.regen=true} (or ./bitweave compile) and review the diff.
 */
class RtlOutUpToDateTest {
    private static final Path EXAMPLES = Path.of("dsl/examples");
    private static final Path RTL_OUT = Path.of("rtl-out");

    @Test
    void everyShippedExampleIsCompiledAndCurrent() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            examples = s.filter(p -> p.toString().endsWith(".bw")).sorted().collect(Collectors.toList());
        }
        assertFalse(examples.isEmpty(), "no examples found in " + EXAMPLES.toAbsolutePath());
        boolean regen = Boolean.getBoolean("bitweave.regen");
        for (Path example : examples) {
            String name = example.getFileName().toString().replaceFirst("\\.bw$", "");
            List<GeneratedFile> files = CompileOutputs.of(
                    Frontend.load(example, "dsl/examples/" + example.getFileName(), Map.of(), null)).all();
            Path dir = RTL_OUT.resolve(name);
            if (regen) {
                deleteGenerated(dir);
                OutputWriter.write(dir, files);
                continue;
            }
            TreeSet<String> expected = new TreeSet<>();
            for (GeneratedFile f : files) {
                expected.add(f.name());
                Path onDisk = dir.resolve(f.name());
                assertEquals(f.content(), Files.exists(onDisk) ? Files.readString(onDisk) : "<missing>",
                        onDisk + " is stale: regenerate with -Dbitweave.regen=true and review the diff");
            }
            TreeSet<String> present = new TreeSet<>();
            try (Stream<Path> s = Files.list(dir)) {
                s.forEach(p -> present.add(p.getFileName().toString()));
            }
            assertEquals(expected, present, dir + " has missing or left-over files");
        }
    }

    private static void deleteGenerated(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.collect(Collectors.toList())) {
                if (OutputWriter.isGenerated(p)) {
                    Files.delete(p);
                }
            }
        }
    }
}
