package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tool lookup, cache directory defaults, and the harness file list. */
class EnvironmentTest {
    @Test
    void findsOnlyExecutablesOnTheGivenPath(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path tool = Files.writeString(bin.resolve("mytool"), "#!/bin/sh\n");
        Files.writeString(bin.resolve("plainfile"), "x");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        ToolLocator tools = new ToolLocator(Map.of("PATH", "/nonexistent:" + bin));
        assertEquals(tool, tools.find("mytool").orElseThrow());
        assertTrue(tools.find("plainfile").isEmpty());
        UserError e = assertThrows(UserError.class, () -> tools.require("verilator", "apt-get install verilator"));
        assertEquals(ErrorCode.TOOL_MISSING, e.diagnostics().get(0).code());
        assertTrue(e.getMessage().startsWith("verilator not found on PATH"), e.getMessage());
    }

    @Test
    void verilatorIsInstalledHere() {
        // The co-simulation tests need it; this names the cause if they fail for that reason.
        assertTrue(new ToolLocator(System.getenv()).find("verilator").isPresent(),
                "verilator is not on PATH: apt-get install verilator");
    }

    @Test
    void cacheDirectoryPrecedence() {
        assertEquals(Path.of("/c"), CacheDirs.defaultDir(Map.of("BITWEAVE_CACHE", "/c", "XDG_CACHE_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/x/bitweave"), CacheDirs.defaultDir(Map.of("XDG_CACHE_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/h/.cache/bitweave"), CacheDirs.defaultDir(Map.of("HOME", "/h")));
    }

    @Test
    void harnessFileListMatchesTheTestbenchesFolder() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("testbenches"))) {
            assertEquals(HarnessSources.FILES.stream().sorted().collect(Collectors.toList()),
                    files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
        }
        assertEquals(HarnessSources.FILES.size(), HarnessSources.load().size());
    }

    @Test
    void traceChangesTheBuildFlags() {
        assertTrue(ModelBuilder.flags("top", true).contains("--trace"));
        assertTrue(!ModelBuilder.flags("top", false).contains("--trace"));
        assertTrue(String.join(" ", ModelBuilder.flags("top", false)).contains("--x-assign unique --x-initial unique"));
    }

    @Test
    void verilatorSeedsStayInItsRange() {
        for (long s : new long[] {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE}) {
            int v = Cosim.verilatorSeed(s);
            assertTrue(v >= 1 && v <= Integer.MAX_VALUE, s + " -> " + v);
        }
    }
}
