package bitweave.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The nextpnr-ice40 0.4 log parser on recorded runs: a 2-wide int4 adder tree (tree_wrap.bw) on up5k sg48 at
 * 12 MHz (passes) and at 200 MHz (fails timing, exit 0 with --timing-allow-fail), and three that do not fit:
 * dot16_int8 on up5k (16 DSPs of 8, 295 I/Os of 96), the same without DSPs on hx1k (3329 logic cells of 1280)
 * and dot8_mixed on up5k sg48 (80 I/Os: fewer than the die's 96 but more than the package's 39 pins).
 */
class PnrLogTest {
    private static final Path DIR = Path.of("compiler/src/test/resources/synth");

    private static String log(String name) throws Exception {
        return Files.readString(DIR.resolve(name));
    }

    @Test
    void readsTheUtilisationBlockInNextpnrsOrder() throws Exception {
        List<PnrLog.Utilisation> u = PnrLog.utilisation(log("pnr_tree_wrap_up5k_12mhz_pass.log"));
        assertEquals(15, u.size(), u.toString());
        assertEquals(new PnrLog.Utilisation("ICESTORM_LC", 131, 5280), u.get(0));
        assertEquals(new PnrLog.Utilisation("SB_IO", 31, 96), u.get(2));
        assertEquals(new PnrLog.Utilisation("ICESTORM_DSP", 0, 8), u.get(6));
        assertEquals("ICESTORM_SPRAM", u.get(14).resource());
        assertEquals(2, u.get(0).percent());
        assertEquals(32, u.get(2).percent());
        assertTrue(u.stream().noneMatch(PnrLog.Utilisation::overused));
    }

    @Test
    void theRoutedFrequencyLineWinsOverThePlacedEstimate() throws Exception {
        // The log has 99.03 MHz after placement and 96.32 MHz after routing.
        List<PnrLog.ClockFmax> f = PnrLog.fmax(log("pnr_tree_wrap_up5k_12mhz_pass.log"));
        assertEquals(List.of(new PnrLog.ClockFmax("clk$SB_IO_IN_$glb_clk", 96.32, true, 12.0)), f);
        assertEquals("clk", f.get(0).port());
        assertEquals(Optional.empty(), PnrLog.firstError(log("pnr_tree_wrap_up5k_12mhz_pass.log")));
    }

    @Test
    void pinPathsAreTheRoutedMaxDelaysBetweenDomains() throws Exception {
        List<PnrLog.MaxDelay> d = PnrLog.maxDelays(log("pnr_tree_wrap_up5k_12mhz_pass.log"));
        assertEquals(3, d.size(), d.toString());
        assertEquals(new PnrLog.MaxDelay("<async>", "posedge clk$SB_IO_IN_$glb_clk", 27.25), d.get(1));
        assertEquals(List.of("input -> output", "input -> clk", "clk -> output"), d.stream().map(PnrLog.MaxDelay::label).toList());
        assertEquals(8.99, d.get(2).ns());
        assertTrue(PnrLog.maxDelays(log("pnr_dot16_int8_up5k_nofit.log")).isEmpty());
    }

    @Test
    void aMissedTargetIsAFailLineNotAnError() throws Exception {
        String log = log("pnr_tree_wrap_up5k_200mhz_fail.log");
        PnrLog.ClockFmax f = PnrLog.fmax(log).get(0);
        assertFalse(f.pass());
        assertEquals(96.32, f.mhz());
        assertEquals(200.0, f.targetMhz());
        assertEquals(Optional.empty(), PnrLog.firstError(log));
    }

    @Test
    void overusedResourcesAndTheExhaustedCellTypeAreRead() throws Exception {
        String log = log("pnr_dot16_int8_up5k_nofit.log");
        List<String> over = PnrLog.utilisation(log).stream().filter(PnrLog.Utilisation::overused)
                .map(u -> u.resource() + " " + u.used() + "/" + u.available()).toList();
        assertEquals(List.of("SB_IO 295/96", "ICESTORM_DSP 16/8"), over);
        assertEquals(Optional.of("ICESTORM_DSP"), PnrLog.exhaustedType(log));
        assertTrue(PnrLog.fmax(log).isEmpty());

        String lc = log("pnr_dot16_int8_hx1k_nofit_lc.log");
        assertEquals(new PnrLog.Utilisation("ICESTORM_LC", 3329, 1280), PnrLog.utilisation(lc).get(0));
        assertEquals(Optional.of("ICESTORM_LC"), PnrLog.exhaustedType(lc));
        // hx1k has no DSPs: its block has no ICESTORM_DSP row at all
        assertTrue(PnrLog.utilisation(lc).stream().noneMatch(u -> u.resource().equals("ICESTORM_DSP")));
    }

    @Test
    void tooManyIosForThePackageShowOnlyInTheError() throws Exception {
        String log = log("pnr_dot8_mixed_up5k_sg48_nofit_io.log");
        assertTrue(PnrLog.utilisation(log).stream().noneMatch(PnrLog.Utilisation::overused));
        assertEquals(Optional.of("Unable to find a placement location for cell 'in_b[1]$sb_io'"), PnrLog.firstError(log));
        assertEquals(Optional.empty(), PnrLog.exhaustedType(log));
    }
}
