package bitweave.emit;

import bitweave.ir.Design;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.stringtemplate.v4.AutoIndentWriter;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.STGroup;

/**
 * Prints the RTL IR as Verilog through templates/verilog.stg: one file per module, named after it,
 * in the IR's dependency order (the top last). It decides nothing: every name, width and fill comes
 * from the passes. Lines end in '\n' on every platform.
 */
public final class VerilogEmitter {
    private final STGroup group = Templates.load("verilog");

    public List<GeneratedFile> emit(RtlDesign rtl, Design design) {
        String header = Provenance.comment(design, "// ");
        List<GeneratedFile> files = new ArrayList<>();
        for (RtlModule m : rtl.modules()) {
            files.add(new GeneratedFile(m.name() + ".v", moduleFile(header, m)));
        }
        return files;
    }

    /** One module's file without the provenance header (what legalize-names reads identifiers from). */
    public String moduleText(RtlModule m) {
        return moduleFile("", m);
    }

    private String moduleFile(String header, RtlModule m) {
        // The datapath level is printed op by op by its own printer; the other bodies by their template.
        String body = m.body() instanceof bitweave.rtl.DatapathBody d
                ? DatapathVerilog.body(d.graph())
                : render(m.body().templateName(), "m", m, "b", m.body());
        return render("file", "header", header, "m", m, "body", body);
    }

    /** The environment variable {@code <top>_env.f} names the output folder with (dsl/INTERFACE.md). */
    public static final String RTL_DIR_VARIABLE = "BITWEAVE_RTL";

    /**
     * The file list {@code <top>.f}: one .v name per line, in dependency order, relative to the list's own
     * folder. {@code verilator -F DIR/<top>.f} reads it from any folder (-F resolves relative to the list);
     * {@code verilator -f} and {@code iverilog -c} resolve relative to the working directory, so they read
     * it only from inside DIR.
     */
    public GeneratedFile fileList(RtlDesign rtl, Design design, List<GeneratedFile> verilogFiles) {
        // Verilator, Icarus and vendor tools accept // comments in file lists, so it carries the header too.
        StringBuilder sb = new StringBuilder(Provenance.comment(design, "// "));
        for (GeneratedFile f : verilogFiles) {
            sb.append(f.name()).append('\n');
        }
        return new GeneratedFile(rtl.topModule() + ".f", sb.toString());
    }

    /**
     * The lists for tools that resolve paths against the working directory, so the output folder can be
     * used from anywhere without an absolute path in a generated file: {@code <top>_env.f} prefixes each
     * name with {@code ${BITWEAVE_RTL}/} (Icarus {@code -c}/{@code -f} and Verilator {@code -f} substitute
     * environment variables in file lists), and {@code <top>_yosys.tcl} reads the files into Yosys relative
     * to the script's own folder ({@code yosys -p 'tcl DIR/<top>_yosys.tcl; ...'}).
     */
    public List<GeneratedFile> portableLists(RtlDesign rtl, Design design, List<GeneratedFile> verilogFiles) {
        StringBuilder env = new StringBuilder(Provenance.comment(design, "// "));
        StringBuilder tcl = new StringBuilder(Provenance.comment(design, "# "));
        tcl.append("# Reads ").append(rtl.topModule()).append(" into Yosys from any folder: yosys -p 'tcl <this file>; ...'\n");
        tcl.append("set bitweave_dir [file dirname [info script]]\n");
        for (GeneratedFile f : verilogFiles) {
            env.append("${").append(RTL_DIR_VARIABLE).append("}/").append(f.name()).append('\n');
            tcl.append("yosys read_verilog [file join $bitweave_dir ").append(f.name()).append("]\n");
        }
        return List.of(new GeneratedFile(rtl.topModule() + "_env.f", env.toString()),
                new GeneratedFile(rtl.topModule() + "_yosys.tcl", tcl.toString()));
    }

    private String render(String template, Object... attributes) {
        ST st = group.getInstanceOf(template);
        if (st == null) {
            throw new IllegalStateException("no template '" + template + "' in templates/verilog.stg");
        }
        for (int i = 0; i < attributes.length; i += 2) {
            st.add((String) attributes[i], attributes[i + 1]);
        }
        StringWriter out = new StringWriter();
        try {
            st.write(new AutoIndentWriter(out, "\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
