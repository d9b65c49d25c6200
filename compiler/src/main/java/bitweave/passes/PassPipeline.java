package bitweave.passes;

import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import bitweave.rtl.RtlDesign;
import java.util.List;

/**
 * The pipeline from a checked design to verified RTL IR: one lowering pass chosen by the top array's
 * kind, then the RTL passes in order, with {@link RtlVerifier} after every step.
 */
public final class PassPipeline {
    private static final List<LoweringPass> LOWERINGS =
            List.of(new LowerSystolicOs(), new LowerSystolicWs(), new LowerAdderTree());
    private static final List<RtlPass> RTL_PASSES = List.of(new LegalizeNames());

    private PassPipeline() {
    }

    /** Names of every pass in the order they can run (for documentation and tests). */
    public static List<String> passNames() {
        List<String> names = new java.util.ArrayList<>();
        LOWERINGS.forEach(p -> names.add(p.name()));
        RTL_PASSES.forEach(p -> names.add(p.name()));
        names.add("verify");
        return names;
    }

    public static RtlDesign run(Design design) {
        TopInterface contract = TopInterface.of(design.top());
        LoweringPass lowering = LOWERINGS.stream().filter(p -> p.accepts(design.top())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no lowering pass for " + design.top().getClass().getSimpleName()));
        RtlDesign rtl = lowering.lower(design);
        RtlVerifier.verify(rtl, contract, lowering.name(), false);
        for (RtlPass pass : RTL_PASSES) {
            rtl = pass.run(rtl);
            RtlVerifier.verify(rtl, contract, pass.name(), true);
        }
        return rtl;
    }
}
