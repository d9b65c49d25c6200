package bitweave.check;

import bitweave.ir.Design;
import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import bitweave.units.addertree.AdderTree;
import bitweave.units.systolic.Dataflow;
import bitweave.units.systolic.SystolicArray;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped examples load and mean what their names say. Tests run from the worktree root. */
class ExamplesTest {
    private static final Path DIR = Path.of("dsl/examples");

    private static Design load(String name) {
        return Frontend.load(DIR.resolve(name), "dsl/examples/" + name, Map.of(), null);
    }

    @Test
    void everyExampleLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(DIR)) {
            files = s.filter(p -> p.toString().endsWith(".bw")).sorted().toList();
        }
        assertTrue(files.size() >= 4, "examples missing: " + files);
        for (Path f : files) {
            Design d = Frontend.load(f, f.toString(), Map.of(), null);
            assertEquals(f.getFileName().toString(), d.name() + ".bw", "design name matches file name");
        }
    }

    @Test
    void systolicOutputStationary() {
        Design d = load("systolic_os_int8.bw");
        SystolicArray s = (SystolicArray) d.top();
        assertEquals(8, s.rows());
        assertEquals(8, s.cols());
        assertEquals(Dataflow.OUTPUT_STATIONARY, s.dataflow());
        assertEquals(new IntType(8, true), s.pe().a());
        assertEquals(new IntType(32, true), s.pe().acc());
        assertEquals(OverflowPolicy.WRAP, s.pe().policy());
        assertEquals(List.of("ROWS", "COLS"), List.copyOf(d.params().keySet()));
        SystolicArray big = (SystolicArray) Frontend.load(DIR.resolve("systolic_os_int8.bw"), "x", Map.of("ROWS", 16L), null).top();
        assertEquals(16, big.rows());
    }

    @Test
    void systolicWeightStationary() {
        SystolicArray s = (SystolicArray) load("systolic_ws_int8.bw").top();
        assertEquals(4, s.rows());
        assertEquals(4, s.cols());
        assertEquals(Dataflow.WEIGHT_STATIONARY, s.dataflow());
        assertEquals(new IntType(16, true), s.pe().acc());
        assertEquals(OverflowPolicy.SATURATE, s.pe().policy());
    }

    @Test
    void dot16() {
        AdderTree t = (AdderTree) load("dot16_int8.bw").top();
        assertEquals(16, t.k());
        assertEquals(2, t.pipeline());
        assertTrue(t.accumulate());
        assertEquals(new IntType(32, true), t.pe().acc());
        assertEquals(OverflowPolicy.WRAP, t.pe().policy());
    }

    @Test
    void dot8Mixed() {
        AdderTree t = (AdderTree) load("dot8_mixed.bw").top();
        assertEquals(8, t.k());
        assertEquals(1, t.pipeline());
        assertEquals(false, t.accumulate());
        assertEquals(new IntType(4, false), t.pe().a());
        assertEquals(new IntType(4, true), t.pe().b());
        assertEquals(new IntType(10, true), t.pe().acc());
        assertEquals(OverflowPolicy.SATURATE, t.pe().policy());
    }
}
