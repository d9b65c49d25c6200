package bitweave.passes;

import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import bitweave.rtl.ModulePrinter;
import bitweave.rtl.RtlDesign;
import bitweave.units.UnitKind;
import bitweave.units.UnitKinds;
import java.util.List;

/**
 * The pipeline from a checked design to verified RTL IR: one lowering pass chosen by the top array's
 * kind (every kind's {@link UnitKind#loweringPasses}, in {@link UnitKinds#ALL} order), then the RTL passes in order, with {@link RtlVerifier} after every step. The printer is the back
 * end's: legalize-names reads the identifiers of the printed modules.
 */
public final class PassPipeline {
    private static final List<LoweringPass> LOWERINGS =
            UnitKinds.ALL.stream().flatMap(k -> k.loweringPasses().stream()).toList();

    private PassPipeline() {
    }

    /** Names of every pass in the order they can run (for documentation and tests). */
    public static List<String> passNames() {
        List<String> names = new java.util.ArrayList<>();
        LOWERINGS.forEach(p -> names.add(p.name()));
        rtlPasses(m -> "").forEach(p -> names.add(p.name()));
        names.add("verify");
        return names;
    }

    private static List<RtlPass> rtlPasses(ModulePrinter printer) {
        return List.of(new LegalizeNames(printer));
    }

    public static RtlDesign run(Design design, ModulePrinter printer) {
        TopInterface contract = TopInterface.of(design.top());
        LoweringPass lowering = LOWERINGS.stream().filter(p -> p.accepts(design.top())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no lowering pass for " + design.top().getClass().getSimpleName()));
        RtlDesign rtl = lowering.lower(design);
        RtlVerifier.verify(rtl, contract, lowering.name(), false);
        for (RtlPass pass : rtlPasses(printer)) {
            rtl = pass.run(rtl);
            RtlVerifier.verify(rtl, contract, pass.name(), true);
        }
        return rtl;
    }
}
