package bitweave.wrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.cosim.Cosim;
import bitweave.cosim.CosimRequest;
import bitweave.cosim.CosimResult;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
import bitweave.golden.Stimulus;
import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The AXI4-Stream wrapper co-simulates like any top (issue 9, item 3): the golden beats go in as transfers
 * (AxisVectors), every output transfer's tdata and tlast is compared, and the measured latency is the unit's.
 * Covers words of many transfers, two slave channels, a word of exactly one transfer and one narrower than tdata;
 * a wrapper with a broken tlast, or one whose tdata is not held under back-pressure, must fail. -Dbitweave.seed=N
 * replays a failure.
 */
class AxisWrapCosimTest {
    static final int VECTORS = 2000;

    @TempDir
    Path tmp;

    private static final String INT8_PE = "pe p {\n  a : int8\n  b : int8\n  acc : int32 wrap\n}\n";

    /** {name, design text after the PE, tdata width}. */
    private static final String[][] CASES = {
            // 33-bit in word in 5 transfers, 128-bit out word in 16
            {"axis_os", "array top = systolic(2, 2) of p {\n  dataflow output_stationary\n}\n", "8"},
            // two slave channels (weights and activations), 16-bit transfers
            {"axis_ws", "array top = systolic(2, 3) of p {\n  dataflow weight_stationary\n}\n", "16"},
            // in word = tdata exactly (one transfer); the 32-bit sum padded in one 128-bit transfer
            {"axis_tree", "array top = adder_tree(8) of p {\n  pipeline 1\n}\n", "128"},
    };

    @Test
    void wrappedUnitsAreBitExactWithTheUnitsLatency() throws IOException {
        for (int i = 0; i < CASES.length; i++) {
            String[] c = CASES[i];
            long seed = Long.getLong("bitweave.seed", 20261204L + i);
            Design d = Frontend.loadText("design " + c[0] + "\n" + INT8_PE + c[1], c[0] + ".bw", Map.of(), null);
            AxisWrap wrap = AxisWrap.of(TopInterface.of(d.top()), Integer.parseInt(c[2]));
            CompileOutputs out = CompileOutputs.of(d, Optional.of(wrap));
            CosimResult r = run(d, out, wrap, seed, UnaryOperator.identity());
            assertTrue(r.passed(), "seed " + seed + ": " + r.verdictLine(d.name()) + "\n" + c[1]);
            assertEquals(CompileOutputs.of(d).rtl().latencyCycles(), out.rtl().latencyCycles(), c[0]);
            assertEquals(out.rtl().latencyCycles(), r.minLatency(), "the wrapper adds no latency: " + c[0]);
        }
    }

    @Test
    void aWrapperWithoutTlastFails() throws IOException {
        Design d = Frontend.loadText("design axis_bad\n" + INT8_PE + CASES[0][1], "axis_bad.bw", Map.of(), null);
        AxisWrap wrap = AxisWrap.of(TopInterface.of(d.top()), 8);
        CompileOutputs out = CompileOutputs.of(d, Optional.of(wrap));
        String good = "assign m_axis_out_tlast = m_axis_out_final;";
        CosimResult r = run(d, out, wrap, 7, text -> {
            assertTrue(text.contains(good), "the mutation's target is in the wrapper");
            return text.replace(good, "assign m_axis_out_tlast = 1'b0;");
        });
        assertFalse(r.passed(), r.verdictLine(d.name()));
        assertEquals("m_axis_out_tlast", r.mismatch().orElseThrow().port());
    }

    /** tdata right at every handshake but not held while tready is low: the harness's stall check must see it. */
    @Test
    void aWrapperThatDropsTdataUnderBackPressureFails() throws IOException {
        Design d = Frontend.loadText("design axis_unheld\n" + INT8_PE + CASES[0][1], "axis_unheld.bw", Map.of(), null);
        AxisWrap wrap = AxisWrap.of(TopInterface.of(d.top()), 8);
        CompileOutputs out = CompileOutputs.of(d, Optional.of(wrap));
        String good = "assign m_axis_out_tdata = m_axis_out_full[m_axis_out_count*8 +: 8];";
        CosimResult r = run(d, out, wrap, 9, text -> {
            assertTrue(text.contains(good), "the mutation's target is in the wrapper");
            return text.replace(good, "assign m_axis_out_tdata = m_axis_out_tready ? m_axis_out_full[m_axis_out_count*8 +: 8]"
                    + " : 8'd0;");
        });
        assertFalse(r.passed(), r.verdictLine(d.name()));
        assertEquals("m_axis_out_tdata", r.mismatch().orElseThrow().port());
    }

    private CosimResult run(Design d, CompileOutputs out, AxisWrap wrap, long seed, UnaryOperator<String> edit)
            throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(d.name()));
        List<Path> rtl = new ArrayList<>();
        for (GeneratedFile f : out.rtl().verilogFiles()) {
            String text = f.name().equals(out.rtl().topModule() + ".v") ? edit.apply(f.content()) : f.content();
            rtl.add(Files.writeString(dir.resolve(f.name()), text));
        }
        return Cosim.run(CosimRequest.of(d, out.rtl().topModule(), rtl,
                AxisVectors.serialize(Stimulus.generate(d.top(), VECTORS, seed), wrap), seed)
                .withCacheDir(Path.of("target/bitweave-cache")));
    }
}
