package bitweave.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user reads when nextpnr stops (on the recorded no-fit logs of PnrLogTest) and when a tool is missing
 * (a PATH without it).
 */
class PnrFailureTest {
    private static final Path DIR = Path.of("compiler/src/test/resources/synth");

    private static Diagnostic failure(String log, String top, Ice40Device device, String pkg, int portBits) throws Exception {
        String text = Files.readString(DIR.resolve(log));
        Pnr.Request req = new Pnr.Request(Path.of("."), top, device, pkg, 12, Optional.empty(), false, List.of());
        UserError e = Pnr.failure(req, new Ice40Tools.Run(255, text, Path.of(log)), PnrLog.utilisation(text), portBits);
        assertEquals(1, e.diagnostics().size());
        return e.diagnostics().get(0);
    }

    @Test
    void tooManyDspsAndIosAreListedWithUsedAndAvailable() throws Exception {
        Diagnostic d = failure("pnr_dot16_int8_up5k_nofit.log", "dot16_int8", Ice40Device.UP5K, "sg48", 295);
        assertEquals(ErrorCode.PNR_DOES_NOT_FIT, d.code());
        assertTrue(d.message().startsWith("dot16_int8 does not fit the up5k sg48: SB_IO 295 used, 96 available;"
                + " ICESTORM_DSP 16 used, 8 available (nextpnr-ice40: Unable to place cell '"), d.message());
        assertTrue(d.message().endsWith("; --pnr-no-dsp maps the multipliers to logic cells instead"), d.message());
    }

    @Test
    void tooManyLogicCellsOnHx1k() throws Exception {
        Diagnostic d = failure("pnr_dot16_int8_hx1k_nofit_lc.log", "dot16_int8", Ice40Device.HX1K, "tq144", 295);
        assertEquals(ErrorCode.PNR_DOES_NOT_FIT, d.code());
        assertTrue(!d.message().contains("--pnr-no-dsp"), "no DSP hint on a part without DSPs: " + d.message());
        assertTrue(d.message().contains("ICESTORM_LC 3329 used, 1280 available; SB_IO 295 used, 112 available"), d.message());
    }

    @Test
    void morePortBitsThanThePackageHasPinsWhenTheDieHasEnough() throws Exception {
        Diagnostic d = failure("pnr_dot8_mixed_up5k_sg48_nofit_io.log", "dot8_mixed", Ice40Device.UP5K, "sg48", 80);
        assertEquals(ErrorCode.PNR_DOES_NOT_FIT, d.code());
        assertTrue(d.message().contains("SB_IO 80 port bits, the package has 39 I/O pins"), d.message());
    }

    @Test
    void anotherErrorShowsTheLogTail() throws Exception {
        Pnr.Request req = new Pnr.Request(Path.of("."), "t", Ice40Device.UP5K, "sg48", 12, Optional.empty(), false, List.of());
        String log = "Info: constrained 'clk' to bel 'X12/Y31/io1'\nERROR: package does not have a pin named '99' (on line 6)\n";
        UserError e = Pnr.failure(req, new Ice40Tools.Run(255, log, Path.of("pnr-up5k.log")), PnrLog.utilisation(log), 3);
        Diagnostic d = e.diagnostics().get(0);
        assertEquals(ErrorCode.PNR_FAILED, d.code());
        assertTrue(d.message().contains("failed to place t on up5k sg48 (exit 255); last lines of pnr-up5k.log:\n"
                + "  Info: constrained"), d.message());
    }

    @Test
    void missingToolsNameTheirDebianPackages(@TempDir Path tmp) throws Exception {
        UserError none = assertThrows(UserError.class, () -> Ice40Tools.locate(Map.of("PATH", ""), false));
        assertEquals(ErrorCode.TOOL_MISSING, none.diagnostics().get(0).code());
        assertEquals("nextpnr-ice40 not found on PATH; install nextpnr (Debian/Ubuntu: apt-get install nextpnr-ice40)",
                none.diagnostics().get(0).message());
        // a PATH with nextpnr-ice40 only: enough for --pnr, not for --bitstream
        Path fake = tmp.resolve("nextpnr-ice40");
        Files.writeString(fake, "#!/bin/sh\n");
        assertTrue(fake.toFile().setExecutable(true));
        Ice40Tools.locate(Map.of("PATH", tmp.toString()), false);
        UserError noPack = assertThrows(UserError.class, () -> Ice40Tools.locate(Map.of("PATH", tmp.toString()), true));
        assertEquals("icepack not found on PATH; install icestorm (Debian/Ubuntu: apt-get install fpga-icestorm)",
                noPack.diagnostics().get(0).message());
    }
}
