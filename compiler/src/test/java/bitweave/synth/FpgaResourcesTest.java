package bitweave.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The FPGA resource rows on recorded Yosys 0.23 stat sections (a 2x2 int8 output-stationary systolic array,
 * synth_ice40 -dsp and synth_xilinx -flatten -noiopad): every flip-flop variant is one DFF/FF, LUT1..LUT6 one
 * LUT, and the cell types no row covers stay visible.
 */
class FpgaResourcesTest {
    private static final Path DIR = Path.of("compiler/src/test/resources/synth");

    private static FpgaResources read(SynthTarget target, String log) throws Exception {
        return new FpgaResources(target, SynthLog.cells(Files.readString(DIR.resolve(log)), "systolic_os_int8"));
    }

    @Test
    void ice40RowsSumTheCellVariants() throws Exception {
        FpgaResources r = read(SynthTarget.ICE40, "systolic2x2_ice40_dsp_stat.log");
        assertEquals(List.of("SB_LUT4", "SB_CARRY", "DFF", "SB_MAC16", "BRAM"), FpgaResources.names(SynthTarget.ICE40));
        // the recorded table: SB_CARRY 124, SB_DFF* 278 in four variants, SB_LUT4 142, SB_MAC16 4
        assertEquals(Map.of("SB_LUT4", 142L, "SB_CARRY", 124L, "DFF", 278L, "SB_MAC16", 4L, "BRAM", 0L), r.resources());
        assertEquals(Map.of(), r.others());
    }

    @Test
    void xilinxRowsSumTheCellVariantsAndKeepTheRest() throws Exception {
        FpgaResources r = read(SynthTarget.XILINX, "systolic2x2_xilinx_stat.log");
        assertEquals(Map.of("LUT", 10L, "FF", 134L, "CARRY4", 0L, "DSP48E1", 4L, "BRAM", 0L), r.resources());
        assertEquals(Map.of("BUFG", 1L), r.others());
    }

    @Test
    void blockRamsAndFlopVariantsAreCounted() {
        FpgaResources x = new FpgaResources(SynthTarget.XILINX, Map.of("RAMB18E1", 2L, "RAMB36E1", 1L, "FDCE", 3L,
                "FDSE", 1L, "LUT6_2", 5L, "MUXF7", 2L));
        assertEquals(3L, x.resources().get("BRAM"));
        assertEquals(4L, x.resources().get("FF"));
        assertEquals(5L, x.resources().get("LUT"));
        assertEquals(Map.of("MUXF7", 2L), x.others());
        FpgaResources i = new FpgaResources(SynthTarget.ICE40, Map.of("SB_RAM40_4K", 2L, "SB_DFFER", 7L, "SB_GB", 1L));
        assertEquals(2L, i.resources().get("BRAM"));
        assertEquals(7L, i.resources().get("DFF"));
        assertEquals(Map.of("SB_GB", 1L), i.others());
    }
}
