package bitweave.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The log parser on a recorded Yosys 0.23 log of the generic flow (a 2-wide int4 adder tree, design
 * tr_a): it reads the final stat (not the one synth prints before mapping) and the ltp length, reports
 * cell types outside NAND/NOR/NOT/DFF instead of dropping them, and refuses a log without the figures.
 */
class SynthLogTest {
    private static final Path LOG = Path.of("compiler/src/test/resources/synth/tree_k2_synth.log");

    @Test
    void readsTheFinalStatAndTheLongestPath() throws Exception {
        SynthFigures f = SynthLog.parse(Files.readString(LOG), "tr_a");
        // The numbers below are the recorded log's lines 651.. ("7. Printing statistics.") and its ltp line.
        assertEquals(Map.of("$_NAND_", 363L, "$_NOR_", 310L, "$_NOT_", 113L, "$_DFF_P_", 27L), f.cells());
        assertEquals(32, f.depth());
        assertEquals(Map.of(), f.others());
        assertEquals(new BigDecimal("883.71"), f.ge());            // 363 + 310 + 0.67*113 + 5*27
        assertEquals(new BigDecimal("28278.72"), f.geTimesDepth());
    }

    @Test
    void otherCellTypesAreReportedNotDropped() throws Exception {
        String log = Files.readString(LOG).replaceAll("(?m)^\\s+\\$_NOT_\\s+113$",
                "     \\$_NOT_      100\n     \\$_DLATCH_P_   13");
        SynthFigures f = SynthLog.parse(log, "tr_a");
        assertEquals(Map.of("$_DLATCH_P_", 13L), f.others());
        assertEquals(100, f.not());
    }

    @Test
    void aLogWithoutTheFiguresIsRefused() throws Exception {
        String log = Files.readString(LOG);
        String noLtp = log.replace("Longest topological path in tr_a", "Longest path in tr_a");
        assertTrue(assertThrows(SynthLog.Unexpected.class, () -> SynthLog.parse(noLtp, "tr_a")).getMessage().contains("ltp"));
        String cut = log.substring(0, log.indexOf("3.26. Printing statistics."));
        assertThrows(SynthLog.Unexpected.class, () -> SynthLog.parse(cut, "tr_a"));
        // The counts must add up to Yosys' own total: a line the parser skipped would show here.
        String lost = log.replaceAll("(?m)^(\\s+Number of cells:\\s+)813$", "$1814");
        assertTrue(assertThrows(SynthLog.Unexpected.class, () -> SynthLog.parse(lost, "tr_a")).getMessage().contains("add up"));
        assertThrows(SynthLog.Unexpected.class, () -> SynthLog.parse(log, "other_top"));
    }

    @Test
    void aMissingYosysNamesTheAptPackage() {
        bitweave.diag.UserError e = assertThrows(bitweave.diag.UserError.class,
                () -> Yosys.locate(Map.of("PATH", "/nonexistent-bin")));
        String message = e.diagnostics().get(0).message();
        assertTrue(message.contains("yosys not found on PATH") && message.contains("apt-get install yosys"), message);
        assertEquals(bitweave.diag.ErrorCode.TOOL_MISSING, e.diagnostics().get(0).code());
    }
}
