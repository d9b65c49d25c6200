package bitweave.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.ir.Design;
import bitweave.ir.OverflowPolicy;
import bitweave.units.systolic.Dataflow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two runs give byte-identical output, and the output carries no absolute path or timestamp. */
class RtlDeterminismTest {
    private static final List<Design> DESIGNS = List.of(
            RtlTestDesigns.systolic("det_os", Dataflow.OUTPUT_STATIONARY, 3, 2, "int8", "int8", "int24", OverflowPolicy.WRAP),
            RtlTestDesigns.systolic("det_ws", Dataflow.WEIGHT_STATIONARY, 2, 4, "int4", "uint4", "int12", OverflowPolicy.SATURATE),
            RtlTestDesigns.tree("det_tree", 7, 2, true, "uint8", "int8", "int20", OverflowPolicy.SATURATE));

    @Test
    void twoRunsAreByteIdentical() {
        for (Design d : DESIGNS) {
            RtlOutput first = VerilogBackend.generate(d);
            RtlOutput second = VerilogBackend.generate(d);
            assertEquals(first, second, "output of " + d.name() + " differs between runs");
        }
    }

    @Test
    void filesFollowTheConventions() {
        for (Design d : DESIGNS) {
            RtlOutput out = VerilogBackend.generate(d);
            List<GeneratedFile> files = out.verilogFiles();
            assertEquals(d.name() + ".v", files.get(files.size() - 1).name(), "top is the last file");
            assertEquals(out.topModule() + ".f", out.fileList().name());
            for (GeneratedFile f : files) {
                String text = f.content();
                assertTrue(text.startsWith(bitweave.emit.Provenance.comment(d, "// ")), f.name() + " starts with provenance");
                assertTrue(text.contains("`default_nettype none\n"), f.name());
                assertTrue(text.endsWith("`default_nettype wire\n"), f.name());
                String module = "module " + f.name().replace(".v", "");
                // datapath modules have no parameters: "module NAME (", the others "module NAME #("
                assertTrue(text.contains(module + " #(") || text.contains(module + " ("), "file name = module name: " + f.name());
                // Locators name the source file only, like the provenance header (no directory, whatever the spelling).
                assertTrue(text.contains("// @[" + d.name() + ".bw:"), "locator comment in " + f.name());
                assertFalse(text.contains("\r"), f.name());
                assertFalse(text.contains("/tmp") || text.contains("/home") || text.contains("/work"), f.name());
            }
        }
    }

    @Test
    void reportsLatencyParametersAndMacs() {
        RtlOutput os = VerilogBackend.generate(DESIGNS.get(0));
        assertEquals(3 + 2 - 1, os.latencyCycles());
        assertEquals(6, os.macsPerCycle());
        assertEquals(List.of("ROWS=3", "COLS=2", "A_W=8", "B_W=8", "ACC_W=24"), os.parameters());
        RtlOutput tree = VerilogBackend.generate(DESIGNS.get(2));
        assertEquals(2 + 1, tree.latencyCycles());
        assertEquals(7, tree.macsPerCycle());
        assertEquals(List.of("K=7", "PIPE=2", "A_W=8", "B_W=8", "ACC_W=20"), tree.parameters());
    }
}
