package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
import bitweave.golden.Stimulus;
import bitweave.golden.VectorSet;
import bitweave.ir.Design;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PE's multiplier choice works on the 3D-Cube and the 2D-Matrix: lower-multipliers opens every
 * product of their datapath modules, and each Booth and EN-T variant (with saturation, a signed by
 * unsigned operand pair, several reductions) co-simulates bit-exact against the golden model.
 */
class ShapesMultiplierCosimTest {
    @TempDir
    Path tmp;

    private static final List<String> DESIGNS = List.of(
            cube("booth", "int8", "int8", "int16 saturate", "wallace", 2, 3, 1),
            cube("ent", "int6", "uint5", "int11 saturate", "dadda four_two", 1, 4, 2),
            matrix("booth", "uint5", "int6", "int13 saturate", "chain", 1, 2, 3, 2),
            matrix("ent", "int8", "int8", "int20 wrap", "dadda", 2, 1, 2, 0));

    private static String pe(String multiplier, String a, String b, String acc, String reduction) {
        return "pe mac {\n  a : " + a + "\n  b : " + b + "\n  acc : " + acc + "\n  multiplier " + multiplier
                + "\n  reduction " + reduction + "\n}\n";
    }

    private static String cube(String multiplier, String a, String b, String acc, String reduction, int x, int y, int z) {
        return "design cube_" + multiplier + "\n" + pe(multiplier, a, b, acc, reduction)
                + "array top = cube(" + x + ", " + y + ", " + z + ") of mac\n";
    }

    private static String matrix(String multiplier, String a, String b, String acc, String reduction, int m, int n,
                                 int k, int pipeline) {
        return "design matrix_" + multiplier + "\n" + pe(multiplier, a, b, acc, reduction)
                + "array top = matrix(" + m + ", " + n + ", " + k + ") of mac { pipeline " + pipeline + " }\n";
    }

    @Test
    void boothAndEntVariantsAreBitExact() throws IOException {
        long seed = 11;
        for (String text : DESIGNS) {
            Design d = Frontend.loadText(text, "variant.bw", Map.of(), null);
            CompileOutputs out = CompileOutputs.of(d);
            Path dir = Files.createDirectories(tmp.resolve(d.name()));
            List<Path> rtl = new ArrayList<>();
            boolean behavioural = false;
            for (GeneratedFile f : out.rtl().verilogFiles()) {
                rtl.add(Files.writeString(dir.resolve(f.name()), f.content()));
                behavioural |= f.content().contains(" * ");
            }
            assertTrue(!behavioural, "lower-multipliers left a behavioural '*' in\n" + text);
            VectorSet vectors = Stimulus.generate(d.top(), 400, seed);
            CosimResult r = Cosim.run(CosimRequest.of(d, out.rtl().topModule(), rtl, vectors, seed)
                    .withCacheDir(Path.of("target/bitweave-cache")));
            assertTrue(r.passed(), r.verdictLine(d.name()) + "\n" + text);
            assertEquals(out.rtl().latencyCycles(), r.minLatency(), text);
        }
    }
}
