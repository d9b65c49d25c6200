package bitweave.passes;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.emit.RtlTestDesigns;
import bitweave.emit.VerilogEmitter;
import bitweave.ir.Design;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.TopInterface;
import bitweave.rtl.ModulePrinter;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlParam;
import bitweave.rtl.RtlPort;
import bitweave.units.systolic.Dataflow;
import bitweave.units.systolic.LowerSystolicOs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verifier accepts what the passes build and rejects each broken invariant, naming the pass. */
class RtlVerifierTest {
    private static final ModulePrinter PRINTER = new VerilogEmitter()::moduleText;
    private final Design design = RtlTestDesigns.systolic("verify_os", Dataflow.OUTPUT_STATIONARY, 2, 2,
            "int8", "int8", "int16", OverflowPolicy.WRAP);
    private final TopInterface contract = TopInterface.of(design.top());
    private final RtlDesign good = new LowerSystolicOs().lower(design);

    @Test
    void acceptsLoweredDesignsOfEveryKind() {
        assertDoesNotThrow(() -> RtlVerifier.verify(good, contract, "test", true));
        Design ws = RtlTestDesigns.systolic("verify_ws", Dataflow.WEIGHT_STATIONARY, 1, 3, "int1", "uint1", "int1",
                OverflowPolicy.SATURATE);
        assertDoesNotThrow(() -> PassPipeline.run(ws, PRINTER));
        Design tree = RtlTestDesigns.tree("verify_tree", 1, 1, true, "int1", "int1", "int1", OverflowPolicy.SATURATE);
        assertDoesNotThrow(() -> PassPipeline.run(tree, PRINTER));
    }

    @Test
    void rejectsDuplicateModuleNames() {
        List<RtlModule> modules = new ArrayList<>(good.modules());
        modules.add(0, modules.get(0));
        assertProblem(withModules(modules), "duplicate module name");
    }

    @Test
    void rejectsZeroWidthPorts() {
        RtlModule fit = good.modules().get(0);
        List<RtlPort> ports = new ArrayList<>(fit.ports());
        ports.set(0, new RtlPort("value", RtlPort.Direction.INPUT, "[IN_W-1:0] ", 0));
        assertProblem(replace(fit, ports, fit.params()), "has width 0");
    }

    @Test
    void rejectsRangeTextThatDisagreesWithTheComputedWidth() {
        RtlModule top = good.modules().get(good.modules().size() - 1);
        List<RtlPort> ports = new ArrayList<>(top.ports());
        int i = 0;
        while (!ports.get(i).name().equals("out_c")) {
            i++;
        }
        RtlPort outC = ports.get(i);
        // ROWS*ACC_W instead of ROWS*COLS*ACC_W: the width the passes computed no longer matches the text.
        ports.set(i, new RtlPort("out_c", outC.direction(), "[ROWS*ACC_W-1:0] ", outC.width()));
        assertProblem(replace(top, ports, top.params()), "is 32 bits with the default parameters, the passes computed 64");
        ports.set(i, new RtlPort("out_c", outC.direction(), "[ROWS*NOPE-1:0] ", outC.width()));
        assertProblem(replace(top, ports, top.params()), "unknown parameter NOPE");
    }

    @Test
    void rejectsDuplicatePortsAndBadParameterNames() {
        RtlModule fit = good.modules().get(0);
        List<RtlPort> ports = new ArrayList<>(fit.ports());
        ports.add(ports.get(0));
        assertProblem(replace(fit, ports, fit.params()), "duplicate port");
        assertProblem(replace(fit, fit.ports(), List.of(new RtlParam("inWidth", 3, "x"))), "not UPPER_SNAKE");
    }

    @Test
    void rejectsTopPortsThatDifferFromTheContract() {
        RtlModule top = good.top();
        List<RtlPort> ports = new ArrayList<>(top.ports());
        ports.set(4, RtlPort.in("in_a", "ROWS*A_W", 15));
        assertProblem(replace(top, ports, top.params()), "differ from the TopInterface contract");
        List<RtlPort> swapped = new ArrayList<>(top.ports());
        swapped.add(0, swapped.remove(1));
        assertProblem(replace(top, swapped, top.params()), "differ from the TopInterface contract");
    }

    @Test
    void rejectsMissingSubmodulesAndTopNotLast() {
        List<RtlModule> modules = new ArrayList<>(good.modules());
        modules.remove(0);
        assertProblem(withModules(modules), "not defined before it");
        List<RtlModule> reordered = new ArrayList<>(good.modules());
        reordered.add(0, reordered.remove(reordered.size() - 1));
        assertProblem(withModules(reordered), "is not the last module");
    }

    @Test
    void rejectsIllegalNamesOnlyAfterLegalization() {
        Design keyword = RtlTestDesigns.systolic("module", Dataflow.OUTPUT_STATIONARY, 1, 1, "int8", "int8", "int16",
                OverflowPolicy.WRAP);
        RtlDesign lowered = new LowerSystolicOs().lower(keyword);
        TopInterface ti = TopInterface.of(keyword.top());
        assertDoesNotThrow(() -> RtlVerifier.verify(lowered, ti, "lower-systolic-os", false));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RtlVerifier.verify(lowered, ti, "legalize-names", true));
        assertTrue(e.getMessage().contains("not a legal Verilog identifier"), e.getMessage());
        RtlDesign legal = new LegalizeNames(PRINTER).run(lowered);
        assertEquals("module_mod", legal.topModule());
        assertEquals("module_pe", legal.module("module_pe").name());
        assertDoesNotThrow(() -> RtlVerifier.verify(legal, ti, "legalize-names", true));
    }

    @Test
    void legalizeNamesFixesIllegalCharactersAndKeepsLegalNames() {
        assertEquals("m_2x2_array", LegalizeNames.legal("2x2-array"));
        assertEquals("systolic_os_int8", LegalizeNames.legal("systolic_os_int8"));
    }

    @Test
    void refusesAnOutOfRangePipelineDepth() {
        Design tree = RtlTestDesigns.tree("verify_tree_bad", 4, 4, false, "int8", "int8", "int16", OverflowPolicy.WRAP);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PassPipeline.run(tree, PRINTER));
        assertTrue(e.getMessage().contains("pipeline must be 0..3"), e.getMessage());
    }

    private RtlDesign withModules(List<RtlModule> modules) {
        return new RtlDesign(modules, good.topModule(), good.latencyCycles(), good.macsPerCycle());
    }

    private RtlDesign replace(RtlModule old, List<RtlPort> ports, List<RtlParam> params) {
        List<RtlModule> modules = new ArrayList<>();
        for (RtlModule m : good.modules()) {
            modules.add(m == old ? new RtlModule(m.name(), m.summary(), m.locator(), params, ports, m.body()) : m);
        }
        return withModules(modules);
    }

    private void assertProblem(RtlDesign broken, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RtlVerifier.verify(broken, contract, "some-pass", true));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
        assertTrue(e.getMessage().contains("after pass some-pass"), e.getMessage());
    }
}
