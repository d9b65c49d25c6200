package bitweave.cli;

import bitweave.testsupport.ExternalTool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tops of one design with several arrays go into one chip: {@code --top os} and {@code --top ws}
 * compiled into ONE folder give disjoint module and file names ({@code two_arrays_os*},
 * {@code two_arrays_ws*}), Verilator elaborates all files with both tops and Yosys reads them without
 * a duplicate module, and both tops co-simulate bit-exact.
 */
class MultiArrayTopsTest {
    private static final String SOURCE = "compiler/src/test/resources/names/two_arrays.bw";

    @Test
    void bothTopsOfOneFileShareAFolderAndAChip(@TempDir Path tmp) throws Exception {
        Path chip = tmp.resolve("chip");
        for (String top : List.of("os", "ws")) {
            CliRunner.Result r = CliRunner.run("compile", SOURCE, "--top", top, "-o", chip.toString());
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("top module two_arrays_" + top + "\n"), r.toString());
        }
        List<String> verilog = new ArrayList<>();
        try (Stream<Path> files = Files.list(chip)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".v")).sorted().forEach(verilog::add);
        }
        assertEquals(List.of("two_arrays_os.v", "two_arrays_os_ctrl.v", "two_arrays_os_delay.v", "two_arrays_os_hold.v",
                "two_arrays_os_pe.v", "two_arrays_ws.v", "two_arrays_ws_ctrl.v", "two_arrays_ws_delay.v",
                "two_arrays_ws_pe.v"), verilog);
        assertTrue(Files.isRegularFile(chip.resolve("TwoArraysOsGolden.java")));
        assertTrue(Files.isRegularFile(chip.resolve("TwoArraysWsGolden.java")));

        // Without --top-module Verilator elaborates every top; MODDUP would flag a module defined twice.
        List<String> lint = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "-Wno-MULTITOP"));
        lint.addAll(verilog);
        assertEquals("", ExternalTool.ok(chip, Map.of(), lint).strip());
        // One chip instantiating both tops: Yosys reads every file (a module defined twice is an error),
        // keeps both tops below the chip and finds every module they instantiate.
        Files.writeString(tmp.resolve("chip.v"), "module chip(input wire clk, input wire rst);\n"
                + "  two_arrays_os u_os (.clk(clk), .rst(rst));\n  two_arrays_ws u_ws (.clk(clk), .rst(rst));\nendmodule\n");
        String yosys = ExternalTool.ok(chip, Map.of(), List.of("yosys", "-q", "-p", "read_verilog " + String.join(" ", verilog)
                + " ../chip.v; hierarchy -check -top chip; tee -o /dev/stdout ls"));
        assertTrue(yosys.contains("\n  two_arrays_os\n") && yosys.contains("\n  two_arrays_ws\n"), yosys);

        for (String top : List.of("os", "ws")) {
            CliRunner.Result sim = CliRunner.run("sim", SOURCE, "--top", top, "--vectors", "30", "--seed", "5",
                    "--cache-dir", ExamplesCosimTest.CACHE);
            assertEquals(0, sim.exit(), sim.toString());
            assertTrue(sim.out().startsWith("PASS two_arrays"), sim.toString());
        }
    }
}
