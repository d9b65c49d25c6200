package bitweave.emit;

import bitweave.ir.Design;
import bitweave.passes.PassPipeline;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlParam;
import java.util.ArrayList;
import java.util.List;

/** Entry point of the Verilog back end: checked design -> passes -> verified RTL IR -> Verilog text. */
public final class VerilogBackend {
    private VerilogBackend() {
    }

    /** The passes run for {@code design}, in order ({@code bitweave compile --print-pipeline}). */
    public static List<String> pipeline(Design design) {
        return PassPipeline.passNames(design);
    }

    /**
     * The IR's text form after pass {@code passName} ({@code bitweave compile --dump-ir}), or null when
     * that pass does not run for this design.
     */
    public static String dumpAfter(Design design, String passName) {
        VerilogEmitter emitter = new VerilogEmitter();
        String[] dump = {null};
        PassPipeline.run(design, emitter::moduleText, (name, rtl) -> {
            if (name.equals(passName)) {
                dump[0] = bitweave.rtl.RtlText.print(rtl);
            }
        });
        return dump[0];
    }

    /** The verified RTL IR after every pass, not printed (what {@code bitweave estimate} counts). */
    public static RtlDesign lower(Design design) {
        return PassPipeline.run(design, new VerilogEmitter()::moduleText);
    }

    /**
     * Lowers and prints {@code design}. Nothing is written to disk.
     *
     * @throws IllegalStateException if a pass or the RTL verifier finds an inconsistency (a compiler
     *                               bug, e.g. an unchecked design with an out-of-range pipeline depth)
     */
    public static RtlOutput generate(Design design) {
        VerilogEmitter emitter = new VerilogEmitter();
        RtlDesign rtl = PassPipeline.run(design, emitter::moduleText);
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
