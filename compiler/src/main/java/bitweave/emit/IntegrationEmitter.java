package bitweave.emit;

import bitweave.ir.Design;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlParam;
import java.util.List;
import org.stringtemplate.v4.STGroup;

/**
 * The integration files of a compile output (templates/integration.stg): {@code <top>.core}, a FuseSoC CAPI2 core
 * with the sources, the top's Verilog parameters and lint/synth targets, and {@code <top>_vivado.tcl}, which creates
 * a Vivado project, adds the sources and runs out-of-context synthesis. Both name the sources relative to their own
 * folder, so the output folder can be moved.
 */
final class IntegrationEmitter {
    private static final STGroup GROUP = Templates.load("integration");

    /** A Verilog parameter of the top and its default. */
    record Param(String name, long value) {
    }

    private IntegrationEmitter() {
    }

    static List<GeneratedFile> emit(RtlDesign rtl, Design design, List<GeneratedFile> verilogFiles) {
        List<String> header = Provenance.lines(design);
        String top = rtl.topModule();
        List<String> files = verilogFiles.stream().map(GeneratedFile::name).toList();
        List<Param> params = rtl.top().params().stream().map(IntegrationEmitter::param).toList();
        return List.of(
                new GeneratedFile(top + ".core", Templates.render(GROUP, "fusesoc", "header", header, "top", top,
                        "files", files, "params", params, "version", BuildInfo.VERSION)),
                new GeneratedFile(top + "_vivado.tcl", Templates.render(GROUP, "vivado", "header", header, "top", top,
                        "files", files, "params", params)));
    }

    private static Param param(RtlParam p) {
        return new Param(p.name(), p.value());
    }
}
