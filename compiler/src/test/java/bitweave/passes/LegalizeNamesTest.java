package bitweave.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.emit.RtlTestDesigns;
import bitweave.emit.VerilogEmitter;
import bitweave.ir.Design;
import bitweave.ir.OverflowPolicy;
import bitweave.rtl.ModulePrinter;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.units.systolic.Dataflow;
import bitweave.units.systolic.LowerSystolicOs;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** legalize-names renames exactly the modules whose names collide with what the printed Verilog uses. */
class LegalizeNamesTest {
    private static final ModulePrinter PRINTER = new VerilogEmitter()::moduleText;

    private static RtlDesign legalized(Design d) {
        return PassPipeline.run(d, PRINTER);
    }

    private static Design os(String name) {
        return RtlTestDesigns.systolic(name, Dataflow.OUTPUT_STATIONARY, 2, 2, "int8", "int8", "int16",
                OverflowPolicy.WRAP);
    }

    private static Design tree(String name) {
        return RtlTestDesigns.tree(name, 4, 1, true, "int8", "int8", "int16", OverflowPolicy.WRAP);
    }

    @Test
    void aTopNamedLikeAPortParameterOrWireIsRenamed() {
        assertEquals("clk_mod", legalized(os("clk")).topModule());
        assertEquals("ROWS_mod", legalized(os("ROWS")).topModule());
        assertEquals("in_fire_mod", legalized(os("in_fire")).topModule());
        assertEquals("out_sum_mod", legalized(tree("out_sum")).topModule());
        assertEquals("K_mod", legalized(tree("K")).topModule());
    }

    @Test
    void generateLabelsAndToolchainNamesAreAvoided() {
        RtlDesign chain = legalized(os("g_chain"));
        assertEquals("g_chain_mod", chain.topModule());
        // the submodules keep their names: g_chain_delay is used nowhere inside
        assertEquals(List.of("g_chain_delay", "g_chain_pe", "g_chain_hold", "g_chain_ctrl", "g_chain_mod"),
                chain.modules().stream().map(RtlModule::name).toList());
        assertEquals("TOP_mod", legalized(os("TOP")).topModule());
    }

    @Test
    void aSubmoduleNamedLikeAnInstanceIsRenamedAndItsInstantiationFollows() {
        // design u: the multiplier module would be u_mul, the name of the multiplier instances inside the
        // top (and so for add, edge, ctrl); the delay line's instances are u_stage, so u_delay stays
        RtlDesign u = legalized(tree("u"));
        assertEquals(List.of("u_delay", "u_mul_mod", "u_add_mod", "u_edge_mod", "u_ctrl_mod", "u"),
                u.modules().stream().map(RtlModule::name).toList());
        assertEquals(Set.of("u_delay", "u_mul_mod", "u_add_mod", "u_edge_mod", "u_ctrl_mod"),
                Set.copyOf(u.top().body().instantiates()));
    }

    @Test
    void freeNamesAndTheShippedNamesStayAsTheyAre() {
        assertEquals("systolic_os_int8", legalized(os("systolic_os_int8")).topModule());
        assertEquals("dot16_int8", legalized(tree("dot16_int8")).topModule());
        assertEquals("a_mod", legalized(tree("a")).topModule()); // the tree top connects multiplier port 'a'
        assertEquals("vec", legalized(tree("vec")).topModule()); // a name the tree does not use
        assertEquals("a_mod", legalized(os("a")).topModule());   // the OS top's skew lines have wire 'a'
    }

    @Test
    void theIdentifiersComeFromThePrintedTextWithoutCommentsLiteralsOrModuleNames() {
        Set<String> ids = LegalizeNames.identifiers("// clk comment\n`default_nettype none\nwire [W-1:0] x = 8'hff"
                + " + $clog2(n) + 'b1; /* y */ assign z = \"s\";");
        assertEquals(Set.of("wire", "W", "x", "n", "assign", "z"), ids);

        Design d = os("verify_names");
        RtlDesign lowered = new LowerSystolicOs().lower(d);
        Set<String> used = new LegalizeNames(PRINTER).identifiersInside(lowered);
        assertTrue(used.containsAll(Set.of("clk", "ROWS", "g_chain", "g_stage", "u_pe", "value_q", "module")), used.toString());
        for (RtlModule m : lowered.modules()) {
            assertFalse(used.contains(m.name()), m.name() + " is a module name, not a name used inside");
        }
    }
}
