package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.emit.GeneratedFile;
import bitweave.ir.Design;
import bitweave.emit.CompileOutputs;
import bitweave.golden.Stimulus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Co-simulation of the LUT tensor core (issue 8): the paper's default tile and W1, W4 and symmetrization-off
 * variants, plus the other index options, the carry-save plane accumulator, the multiplier reference
 * ({@code datapath mac}) and a derived exact acc, 10,000 tiles each (corner tiles first), bit-exact against the plain
 * GEMM, with the latency (b + 1 cycles) checked. -Dbitweave.seed=N replays a failure.
 */
class LutCoreCosimTest {
    static final int TILES = 10_000;

    /** {name, PE members, lut_core arguments, members}. */
    private static final String[][] CORES = {
            {"lut_default", "a : int8; b : uint2; acc : int32 wrap", "2, 64, 4", "zero_point 2"},
            {"lut_w1", "a : int8; b : uint1; acc : int32 wrap", "2, 16, 8", "zero_point 0"},
            {"lut_w4", "a : int8; b : int4; acc : int16 saturate", "2, 8, 8", "sign_bit low"},
            {"lut_nosym", "a : int8; b : uint2; acc : int32 wrap", "2, 8, 8", "symmetrize off; zero_point 3"},
            {"lut_pre", "a : uint6; b : uint3; acc : int20 wrap", "3, 4, 12", "group 3; index pre_encoded; zero_point 5"},
            {"lut_accin", "a : int4; b : int2; acc : int12 saturate", "2, 3, 8", "group 2; accumulate_in"},
            {"lut_w2_csa", "a : int8; b : uint2; acc : int32 wrap", "2, 16, 8",
                    "zero_point 2; transform compressed_accumulation"},
            {"lut_w4_csa", "a : int8; b : int4; acc : int16 saturate", "2, 4, 12",
                    "group 3; sign_bit low; accumulate_in; transform compressed_accumulation"},
            // the multiplier reference (the LUT core's equiv baseline), decoding pre-encoded codes
            {"lut_mac", "a : int8; b : uint3; acc : int16 saturate", "2, 4, 8",
                    "datapath mac; index pre_encoded; sign_bit low; zero_point 4; accumulate_in"},
            // acc left out: the exact width (int8 x (0..15 - 8), K = 16: int16)
            {"lut_exact", "a : int8; b : uint4", "2, 8, 16", "zero_point 8"},
    };

    @TempDir
    Path tmp;

    @Test
    void everyConfigurationIsBitExactWithItsCycleCount() throws IOException {
        for (int i = 0; i < CORES.length; i++) {
            String[] c = CORES[i];
            String text = "design " + c[0] + "\npe p {\n  " + c[1].replace("; ", "\n  ") + "\n}\narray top = lut_core("
                    + c[2] + ") of p {\n  " + c[3].replace("; ", "\n  ") + "\n}\n";
            long seed = Long.getLong("bitweave.seed", 20261208L + i);
            Design d = Frontend.loadText(text, c[0] + ".bw", Map.of(), null);
            CompileOutputs out = CompileOutputs.of(d);
            Path dir = Files.createDirectories(tmp.resolve(c[0]));
            List<Path> rtl = new ArrayList<>();
            for (GeneratedFile f : out.rtl().verilogFiles()) {
                rtl.add(Files.writeString(dir.resolve(f.name()), f.content()));
            }
            CosimResult r = Cosim.run(CosimRequest.of(d, out.rtl().topModule(), rtl, Stimulus.generate(d.top(), TILES, seed),
                    seed).withCacheDir(Path.of("target/bitweave-cache")));
            assertTrue(r.passed(), "seed " + seed + ": " + r.verdictLine(d.name()) + "\n" + text);
            assertEquals(TILES, r.vectors(), text);
            int bits = Integer.parseInt(c[1].replaceAll(".*b : u?int(\\d+).*", "$1"));
            assertEquals(bits + 1, out.rtl().latencyCycles(), "b planes + the table register\n" + text);
            assertEquals(out.rtl().latencyCycles(), r.minLatency(), "latency\n" + text);
        }
    }
}
