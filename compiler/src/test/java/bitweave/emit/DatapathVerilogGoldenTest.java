package bitweave.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.DatapathVerifier;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.testsupport.ExternalTool;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The datapath printer on a hand-built graph holding every op kind but bit-heap: its text equals
 * compiler/src/test/resources/golden/datapath/dp_all_ops.v (regenerate with -Dbitweave.regen=true and
 * review the diff) and {@code verilator --lint-only -Wall} prints nothing for it.
 */
class DatapathVerilogGoldenTest {
    private static final Path GOLDEN = Path.of("compiler/src/test/resources/golden/datapath/dp_all_ops.v");

    @Test
    void everyOpKindButBitHeapIsInTheGoldenGraph() {
        Set<String> kinds = DatapathTestGraphs.allOps().ops().stream().map(Op::kind).collect(Collectors.toSet());
        Set<String> all = Set.of("const", "extend", "slice", "concat", "logic", "not", "reduce", "mux", "shift-left",
                "add", "multiply", "booth-encode", "ent-encode", "partial-product", "full-adder", "half-adder",
                "compressor-4-2", "fit", "register");
        assertEquals(all, kinds);
    }

    @Test
    void printedModuleMatchesTheGoldenFile() throws IOException {
        Datapath graph = DatapathTestGraphs.allOps();
        DatapathVerifier.verify(graph, "test");
        String text = DatapathVerilog.module("dp_all_ops", graph);
        if (Boolean.getBoolean("bitweave.regen")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, text, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(GOLDEN), "missing golden file " + GOLDEN + " (run with -Dbitweave.regen=true)");
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), text,
                "printed datapath differs from " + GOLDEN + " (regenerate with -Dbitweave.regen=true and review)");
    }

    @Test
    void goldenModuleIsLintClean(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("dp_all_ops.v"), DatapathVerilog.module("dp_all_ops", DatapathTestGraphs.allOps()),
                StandardCharsets.UTF_8);
        String out = ExternalTool.ok(dir, Map.of(), List.of("verilator", "--lint-only", "-Wall", "dp_all_ops.v"));
        assertEquals("", out.strip());
    }

    @Test
    void locationIsPrintedOnlyWhenItChanges() {
        String body = DatapathVerilog.body(DatapathTestGraphs.allOps());
        assertEquals(1, count(body, "// @[mac.bw:3:5]"));
        assertEquals(1, count(body, "// @[mac.bw:7:5]"));
    }

    @Test
    void aGraphStillHoldingABitHeapIsRejected() {
        DatapathBuilder b = new DatapathBuilder("heap.bw:1:1");
        Value x = b.input("x", 4);
        Value sum = b.output("sum", 6);
        Value carry = b.output("carry", 6);
        b.add(new Op.BitHeap(sum, carry, List.of(new Op.HeapRow(x, 0, true), new Op.HeapRow(x, 2, false)),
                Op.Reduction.DADDA, false, b.loc()));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DatapathVerilog.body(b.build()));
        assertTrue(e.getMessage().contains("compress-bit-heaps must run first"), e.getMessage());
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
