package bitweave.emit;

import bitweave.ir.Design;
import bitweave.passes.PassPipeline;
import bitweave.passes.RtlVerifier;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlParam;
import java.util.ArrayList;
import java.util.List;
import bitweave.wrap.AxisWrap;
import bitweave.wrap.WrapAxis;

/** Entry point of the Verilog back end: checked design -> passes -> verified RTL IR -> Verilog text. */
public final class VerilogBackend {
    private VerilogBackend() {
    }

    /** The passes run for {@code design}, in order ({@code bitweave compile --print-pipeline}). */
    public static List<String> pipeline(Design design) {
        return pipeline(design, java.util.Optional.empty());
    }

    /** The passes run for {@code design}, with {@code wrap-axis} last when the top is wrapped. */
    public static List<String> pipeline(Design design, java.util.Optional<AxisWrap> wrap) {
        List<String> names = new ArrayList<>(PassPipeline.passNames(design));
        wrap.ifPresent(w -> names.add(new WrapAxis(w).name()));
        return names;
    }

    /**
     * The IR's text form after pass {@code passName} ({@code bitweave compile --dump-ir}), or null when
     * that pass does not run for this design.
     */
    public static String dumpAfter(Design design, String passName) {
        return dumpAfter(design, passName, java.util.Optional.empty());
    }

    /** {@link #dumpAfter(Design, String)} of the pipeline with the wrapper ({@code wrap-axis} is its last pass). */
    public static String dumpAfter(Design design, String passName, java.util.Optional<AxisWrap> wrap) {
        VerilogEmitter emitter = new VerilogEmitter();
        String[] dump = {null};
        RtlDesign rtl = PassPipeline.run(design, emitter::moduleText, (name, after) -> {
            if (name.equals(passName)) {
                dump[0] = bitweave.rtl.RtlText.print(after);
            }
        });
        if (wrap.isPresent() && passName.equals(new WrapAxis(wrap.get()).name())) {
            dump[0] = bitweave.rtl.RtlText.print(new WrapAxis(wrap.get()).run(rtl));
        }
        return dump[0];
    }

    /** The verified RTL IR after every pass, not printed (what {@code bitweave estimate} counts). */
    public static RtlDesign lower(Design design) {
        return lower(design, java.util.Optional.empty(), new VerilogEmitter());
    }

    /** {@link #lower(Design)} with the AXI4-Stream wrapper as the top when {@code wrap} is present. */
    public static RtlDesign lower(Design design, java.util.Optional<AxisWrap> wrap) {
        return lower(design, wrap, new VerilogEmitter());
    }

    private static RtlDesign lower(Design design, java.util.Optional<AxisWrap> wrap, VerilogEmitter emitter) {
        RtlDesign rtl = PassPipeline.run(design, emitter::moduleText);
        if (wrap.isPresent()) {
            WrapAxis pass = new WrapAxis(wrap.get());
            rtl = pass.run(rtl);
            RtlVerifier.verify(rtl, wrap.get().wrapped(), pass.name(), true);
        }
        return rtl;
    }

    /**
     * Lowers and prints {@code design}. Nothing is written to disk.
     *
     * @throws IllegalStateException if a pass or the RTL verifier finds an inconsistency (a compiler
     *                               bug, e.g. an unchecked design with an out-of-range pipeline depth)
     */
    public static RtlOutput generate(Design design) {
        return generate(design, java.util.Optional.empty());
    }

    /**
     * {@link #generate(Design)}, with the top inside the AXI4-Stream wrapper when {@code wrap} is present (the
     * wrapper is the top module then, and the file lists and integration files name it).
     */
    public static RtlOutput generate(Design design, java.util.Optional<AxisWrap> wrap) {
        VerilogEmitter emitter = new VerilogEmitter();
        RtlDesign rtl = lower(design, wrap, emitter);
        List<GeneratedFile> files = emitter.emit(rtl, design);
        List<String> params = new ArrayList<>();
        for (RtlParam p : rtl.top().params()) {
            params.add(p.name() + "=" + p.value());
        }
        List<GeneratedFile> lists = new ArrayList<>(emitter.portableLists(rtl, design, files));
        lists.addAll(IntegrationEmitter.emit(rtl, design, files));
        return new RtlOutput(files, rtl.topModule(), emitter.fileList(rtl, design, files), lists, params,
                rtl.latencyCycles(), rtl.macsPerCycle());
    }
}
