package bitweave.passes;

import bitweave.datapath.Op;
import bitweave.ir.Design;
import bitweave.ir.MacStructure;
import bitweave.ir.TopInterface;
import bitweave.rtl.DatapathBody;
import bitweave.rtl.ModulePrinter;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.units.UnitKind;
import bitweave.units.UnitKinds;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;

/**
 * The pipeline from a checked design to verified RTL IR. First the lowering pass of the top's kind
 * ({@link UnitKind#loweringPasses}) builds both IR levels; then the passes this design needs run in
 * order: the datapath passes on every datapath module (lower-multipliers when the PE's multiplier makes
 * partial products; compress-bit-heaps when it does or when the lowering itself put a bit heap into a
 * graph, as compressed accumulation does even with a behavioural multiplier), then legalize-names. {@link RtlVerifier} (which also runs
 * the datapath verifier on every datapath module) checks the IR after every pass. {@code bitweave compile
 * --print-pipeline} lists the names, {@code --dump-ir NAME} prints the IR after one.
 */
public final class PassPipeline {
    private static final List<LoweringPass> LOWERINGS =
            UnitKinds.ALL.stream().flatMap(k -> k.loweringPasses().stream()).toList();

    /** One pass after the lowering: its kebab-case name and what it does to the whole RTL IR. */
    public record Step(String name, UnaryOperator<RtlDesign> run) {
    }

    private PassPipeline() {
    }

    /** Names of every pass that exists, lowerings first (for documentation and tests). */
    public static List<String> passNames() {
        List<String> names = new ArrayList<>();
        LOWERINGS.forEach(p -> names.add(p.name()));
        names.add(new LowerMultipliers(MacStructure.Multiplier.BOOTH, Op.Reduction.WALLACE, false).name());
        names.add(new CompressBitHeaps().name());
        names.add(new LegalizeNames(m -> "").name());
        return names;
    }

    /** The passes run for {@code design}, in order, starting with its lowering (which runs, to see its IR). */
    public static List<String> passNames(Design design) {
        List<String> names = new ArrayList<>();
        LoweringPass lowering = lowering(design);
        names.add(lowering.name());
        steps(design, lowering.lower(design), m -> "").forEach(s -> names.add(s.name()));
        return names;
    }

    public static LoweringPass lowering(Design design) {
        return LOWERINGS.stream().filter(p -> p.accepts(design.top())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no lowering pass for " + design.top().getClass().getSimpleName()));
    }

    /** The passes after the lowering; {@code lowered} is the lowering's IR (it tells whether bit heaps exist). */
    private static List<Step> steps(Design design, RtlDesign lowered, ModulePrinter printer) {
        List<Step> steps = new ArrayList<>();
        MacStructure mac = design.top().pe() == null ? null : design.top().pe().mac();
        if (mac != null && mac.multiplier().makesPartialProducts()) {
            steps.add(onDatapaths(new LowerMultipliers(mac.multiplier(), MacDatapath.reduction(mac), mac.fourTwo())));
        }
        if ((mac != null && mac.multiplier().makesPartialProducts()) || holdsBitHeap(lowered)) {
            steps.add(onDatapaths(new CompressBitHeaps()));
        }
        LegalizeNames legalize = new LegalizeNames(printer);
        steps.add(new Step(legalize.name(), legalize::run));
        return steps;
    }

    /** Whether a datapath module of {@code rtl} holds a {@link Op.BitHeap} (compress-bit-heaps must expand it). */
    static boolean holdsBitHeap(RtlDesign rtl) {
        return rtl.modules().stream().anyMatch(m -> m.body() instanceof DatapathBody d
                && d.graph().ops().stream().anyMatch(op -> op instanceof Op.BitHeap));
    }

    /** A datapath pass applied to the graph of every datapath module (the others are left as they are). */
    static Step onDatapaths(DatapathPass pass) {
        return new Step(pass.name(), rtl -> {
            List<RtlModule> modules = new ArrayList<>();
            for (RtlModule m : rtl.modules()) {
                modules.add(m.body() instanceof DatapathBody d
                        ? m.withName(m.name(), new DatapathBody(pass.run(d.graph())))
                        : m);
            }
            return new RtlDesign(modules, rtl.topModule(), rtl.latencyCycles(), rtl.macsPerCycle());
        });
    }

    public static RtlDesign run(Design design, ModulePrinter printer) {
        return run(design, printer, (name, rtl) -> { });
    }

    /** Runs the pipeline; {@code afterEach} sees the IR after every pass (the lowering included). */
    public static RtlDesign run(Design design, ModulePrinter printer, BiConsumer<String, RtlDesign> afterEach) {
        TopInterface contract = TopInterface.of(design.top());
        LoweringPass lowering = lowering(design);
        RtlDesign rtl = lowering.lower(design);
        RtlVerifier.verify(rtl, contract, lowering.name(), false);
        afterEach.accept(lowering.name(), rtl);
        boolean legalized = false;
        for (Step step : steps(design, rtl, printer)) {
            rtl = step.run().apply(rtl);
            legalized |= step.name().equals("legalize-names");
            RtlVerifier.verify(rtl, contract, step.name(), legalized);
            afterEach.accept(step.name(), rtl);
        }
        return rtl;
    }
}
