package bitweave.emit;

import bitweave.cosim.GlueEmitter;
import bitweave.ir.Design;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code bitweave compile} writes for one design, built in memory so the output writer can
 * write all or nothing: the Verilog modules, the file lists, the C++ harness glue, the Java golden model
 * source and the report (text and JSON).
 */
public final class CompileOutputs {
    private final RtlOutput rtl;
    private final List<GeneratedFile> all;
    private final String reportName;
    private final Report report;

    private CompileOutputs(RtlOutput rtl, List<GeneratedFile> all, String reportName, Report report) {
        this.rtl = rtl;
        this.all = all;
        this.reportName = reportName;
        this.report = report;
    }

    public static CompileOutputs of(Design design) {
        RtlOutput rtl = VerilogBackend.generate(design);
        Report report = Report.of(design, rtl);
        List<GeneratedFile> files = new ArrayList<>(rtl.verilogFiles());
        files.add(rtl.fileList());
        files.addAll(rtl.portableLists());
        files.add(GlueEmitter.emit(design, rtl.topModule()));
        if (GoldenJavaEmitter.hasModel(design)) {
            files.add(GoldenJavaEmitter.emit(design));
        }
        GeneratedFile text = ReportEmitter.text(design, report);
        files.add(text);
        files.add(ReportEmitter.json(design, report));
        return new CompileOutputs(rtl, List.copyOf(files), text.name(), report);
    }

    public RtlOutput rtl() {
        return rtl;
    }

    public List<GeneratedFile> all() {
        return all;
    }

    public String reportName() {
        return reportName;
    }

    /** The report's facts (top module, renaming, latency, ...). */
    public Report report() {
        return report;
    }
}
