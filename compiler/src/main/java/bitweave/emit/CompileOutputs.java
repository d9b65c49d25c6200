package bitweave.emit;

import bitweave.cosim.GlueEmitter;
import bitweave.ir.Design;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import bitweave.ir.TopInterface;
import bitweave.wrap.AxisWrap;

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

    private final TopInterface contract;

    private CompileOutputs(RtlOutput rtl, List<GeneratedFile> all, String reportName, Report report,
                           TopInterface contract) {
        this.contract = contract;
        this.rtl = rtl;
        this.all = all;
        this.reportName = reportName;
        this.report = report;
    }

    public static CompileOutputs of(Design design) {
        return of(design, Optional.empty());
    }

    /** The outputs with the top inside the AXI4-Stream wrapper when {@code wrap} is present. */
    public static CompileOutputs of(Design design, Optional<AxisWrap> wrap) {
        RtlOutput rtl = VerilogBackend.generate(design, wrap);
        TopInterface contract = wrap.map(AxisWrap::wrapped).orElseGet(() -> TopInterface.of(design.top()));
        Report report = Report.of(design, rtl, contract);
        List<GeneratedFile> files = new ArrayList<>(rtl.verilogFiles());
        files.add(rtl.fileList());
        files.addAll(rtl.portableLists());
        files.add(GlueEmitter.emit(design, rtl.topModule(), contract));
        if (GoldenJavaEmitter.hasModel(design)) {
            files.add(GoldenJavaEmitter.emit(design));
        }
        GeneratedFile text = ReportEmitter.text(design, report);
        files.add(text);
        files.add(ReportEmitter.json(design, report));
        return new CompileOutputs(rtl, List.copyOf(files), text.name(), report, contract);
    }

    /** The top module's ports: the unit's streams, or the wrapper's AXI4-Stream channels. */
    public TopInterface contract() {
        return contract;
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
