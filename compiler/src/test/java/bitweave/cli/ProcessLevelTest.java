package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real main() in a child JVM: exit codes as the shell sees them, and the environment-dependent
 * error a user meets on a machine without Verilator (PATH without it).
 */
class ProcessLevelTest {
    @TempDir
    Path tmp;

    record Run(int exit, String out, String err) {
    }

    private Run java(String path, String... args) throws IOException, InterruptedException {
        String javaBin = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path out = tmp.resolve("out.txt");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        if (path != null) {
            pb.environment().put("PATH", path);
        }
        pb.environment().put("BITWEAVE_CACHE", tmp.resolve("cache").toString());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM did not finish");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void missingVerilatorIsAClearInputError() throws Exception {
        Path emptyBin = Files.createDirectories(tmp.resolve("empty-bin"));
        Run r = java(emptyBin.toString(), "sim", "dsl/examples/dot8_mixed.bw", "--vectors", "10");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("verilator") && r.err().contains("apt-get install verilator"), r.toString());
        assertTrue(r.err().contains("[E0601]"), r.toString());
        assertFalse(r.err().contains("Exception"), r.toString());
    }

    @Test
    void exitCodesReachTheShell() throws Exception {
        assertEquals(2, java(null, "sim").exit());
        assertEquals(1, java(null, "check", "no/such/file.bw").exit());
        assertEquals(0, java(null, "check", "dsl/examples/dot16_int8.bw").exit());
    }
}
