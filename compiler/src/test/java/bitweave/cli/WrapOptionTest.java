package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --wrap axis [--axis-width T]} from the command line: the files it adds, the sim verdict, bad values. */
class WrapOptionTest {
    static final String OS = "dsl/examples/systolic_os_int8.bw";

    @Test
    void compileWritesTheWrapperAsTheTopOfEveryList(@TempDir Path tmp) throws Exception {
        CliRunner.Result r = CliRunner.run("compile", OS, "-P", "ROWS=2", "-P", "COLS=2", "--wrap", "axis",
                "--axis-width", "32", "-o", tmp.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("top module systolic_os_int8_axis: the AXI4-Stream wrapper of systolic_os_int8"),
                r.toString());
        String wrapper = Files.readString(tmp.resolve("systolic_os_int8_axis.v"));
        assertTrue(wrapper.contains("input  wire [31:0] s_axis_in_tdata"), wrapper);
        assertTrue(wrapper.contains("output wire [31:0] m_axis_out_tdata"), wrapper);
        String list = Files.readString(tmp.resolve("systolic_os_int8_axis.f"));
        assertTrue(list.endsWith("systolic_os_int8.v\nsystolic_os_int8_axis.v\n"), list);
        assertTrue(Files.readString(tmp.resolve("systolic_os_int8_axis.core")).contains("toplevel: systolic_os_int8_axis"));
        assertTrue(Files.readString(tmp.resolve("systolic_os_int8_axis_report.txt")).contains("m_axis_out_tlast"));
        assertTrue(Files.exists(tmp.resolve("systolic_os_int8_axis_glue.h")));
    }

    @Test
    void simSaysItRanTheWrapper() {
        CliRunner.Result r = CliRunner.run("sim", "dsl/examples/dot8_mixed.bw", "--wrap", "axis", "--vectors", "50",
                "--cache-dir", "target/bitweave-cache");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("PASS dot8_mixed (AXI4-Stream wrapper, 8-bit tdata): 50 vectors bit-exact"),
                r.toString());
    }

    /** Issue 9: a raw array has too many I/Os for a package, so --pnr wraps it to place it. */
    @Test
    void pnrPlacesAUnitTooWideForThePackageBehindTheWrapper(@TempDir Path tmp) throws Exception {
        CliRunner.Result r = CliRunner.run("synth", "dsl/examples/systolic_ws_int8.bw", "-P", "N=2", "--target", "ice40",
                "--pnr", "-o", tmp.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("pnr: the top's 88 port bits exceed the 35 pins of up5k sg48: placing it behind"
                + " the AXI4-Stream wrapper (--wrap axis, 8-bit tdata, 35 port bits)"), r.toString());
        assertTrue(r.out().contains("top systolic_ws_int8_axis, target ice40"), r.toString());
        assertTrue(r.out().contains("SB_IO              35 /     96"), r.toString());
        assertTrue(r.out().matches("(?s).*Fmax clk +\\d+\\.\\d\\d MHz  \\(PASS at 12\\.00 MHz\\).*"), r.toString());
        assertTrue(Files.readString(tmp.resolve("systolic_ws_int8_axis_up5k.pcf")).contains("set_io clk 35"));
    }

    @Test
    void badValuesAreUsageErrors() {
        for (String[] args : new String[][] {
                {"--wrap", "axi"}, {"--wrap", "axis", "--axis-width", "12"}, {"--wrap", "axis", "--axis-width", "0"},
                {"--wrap", "axis", "--axis-width", "2048"}, {"--axis-width", "32"}}) {
            String[] full = new String[args.length + 3];
            full[0] = "compile";
            full[1] = OS;
            System.arraycopy(args, 0, full, 2, args.length);
            full[full.length - 1] = "-o";
            full = java.util.Arrays.copyOf(full, full.length + 1);
            full[full.length - 1] = "unused-out";
            CliRunner.Result r = CliRunner.run(full);
            assertEquals(2, r.exit(), String.join(" ", args) + "\n" + r);
            assertFalse(r.err().contains("Exception"), r.toString());
            assertFalse(Files.exists(Path.of("unused-out")), "nothing written");
        }
    }

    @Test
    void aSkewedDesignIsE0704AndWritesNothing(@TempDir Path tmp) throws Exception {
        Path bw = Files.writeString(tmp.resolve("skew.bw"), "design skew\npe p {\n  a : int8\n  b : int8\n"
                + "  acc : int32 wrap\n}\narray top = systolic(2, 2) of p {\n  dataflow output_stationary\n  skew host\n}\n");
        Path out = tmp.resolve("out");
        CliRunner.Result r = CliRunner.run("compile", bw.toString(), "--wrap", "axis", "-o", out.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("[E0704]") && r.err().contains("skewed lane"), r.toString());
        assertFalse(Files.exists(out), r.toString());
    }
}
