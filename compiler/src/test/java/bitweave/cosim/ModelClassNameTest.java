package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model class prefix is free in the installed Verilator: no header or source of its run-time
 * library uses an identifier starting with it, so no design name can make the model class one of
 * Verilator's own (Verilator's default, V + top, made a design named 'erilated' a class 'Verilated').
 */
class ModelClassNameTest {
    @Test
    void noVerilatorRuntimeIdentifierStartsWithTheModelPrefix() throws Exception {
        Process p = new ProcessBuilder("verilator", "--getenv", "VERILATOR_ROOT").redirectErrorStream(true).start();
        String root = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, p.waitFor(), root);
        Path include = Path.of(root, "include");
        assertTrue(Files.isDirectory(include), include.toString());
        Pattern prefixed = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(GlueEmitter.MODEL_PREFIX));
        List<Path> hits = new ArrayList<>();
        int read = 0;
        try (Stream<Path> files = Files.walk(include)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String text;
                try {
                    text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                } catch (IOException e) {
                    continue;
                }
                read++;
                if (prefixed.matcher(text).find()) {
                    hits.add(f);
                }
            }
        }
        assertTrue(read > 10, "read only " + read + " files under " + include);
        assertEquals(List.of(), hits);
        assertEquals("Vbw_erilated", GlueEmitter.modelClass("erilated"));
    }
}
