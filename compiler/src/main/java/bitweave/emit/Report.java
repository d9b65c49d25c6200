package bitweave.emit;

import bitweave.ir.Design;
import com.fasterxml.jackson.annotation.JsonInclude;
import bitweave.ir.Field;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the compile report says about a design, computed once here and printed by
 * {@link ReportEmitter} as text and as JSON.
 *
 * @param source        the source's file name; {@code sourceSha256} the start of its SHA-256 (ir.SourceId)
 * @param topModule     the top module's name
 * @param renamedFrom   the name the top module would have had ({@link Design#unitName()}) when
 *                      legalize-names had to rename it, else null (and absent from the JSON)
 * @param latencyCycles cycles from the input beat that completes a vector to out_valid (no back-pressure)
 * @param macsPerCycle  multiplies per cycle while the array is busy
 */
public record Report(String design, String source, String sourceSha256, String topModule,
                     @JsonInclude(JsonInclude.Include.NON_NULL) String renamedFrom, String unit, Map<String, Long> dslParams,
                     List<String> verilogParams, List<PortRow> ports, int latencyCycles, long macsPerCycle,
                     List<String> files) {

    /** One port of the top module as the report lists it. */
    public record PortRow(String name, String direction, int width, String meaning) {
    }

    public static Report of(Design d, RtlOutput rtl) {
        return of(d, rtl, TopInterface.of(d.top()));
    }

    /** The report of a top whose ports are {@code iface}'s (the unit's, or its wrapper's). */
    public static Report of(Design d, RtlOutput rtl, TopInterface iface) {
        List<PortRow> ports = new ArrayList<>();
        ports.add(new PortRow("clk", "input", 1, "clock, rising edge"));
        ports.add(new PortRow("rst", "input", 1, "synchronous active-high reset"));
        for (Stream s : iface.inputs()) {
            addStream(ports, s);
        }
        addStream(ports, iface.output());
        List<String> files = new ArrayList<>();
        rtl.verilogFiles().forEach(f -> files.add(f.name()));
        files.add(rtl.fileList().name());
        rtl.portableLists().forEach(f -> files.add(f.name()));
        // behind the AXI4-Stream wrapper the top is <unit's top>_axis; "renamed" is about the unit's own name
        String unitTop = iface.output().axis() ? bitweave.wrap.WrapAxis.unitOf(rtl.topModule()) : rtl.topModule();
        String renamedFrom = unitTop.equals(d.unitName()) ? null : d.unitName();
        return new Report(d.name(), d.source().fileName(), d.source().sha256(), rtl.topModule(), renamedFrom,
                UnitNames.describe(d.top()), d.params(),
                rtl.parameters(), ports, rtl.latencyCycles(), rtl.macsPerCycle(), files);
    }

    private static void addStream(List<PortRow> ports, Stream s) {
        String in = s.input() ? "input" : "output";
        String back = s.input() ? "output" : "input";
        ports.add(new PortRow(s.validPort(), in, 1, "stream '" + s.name() + "': beat valid"));
        ports.add(new PortRow(s.readyPort(), back, 1, "stream '" + s.name() + "': beat accepted when valid && ready"));
        for (Field f : s.fields()) {
            if (s.axis()) {
                ports.add(new PortRow(s.portOf(f), in, f.width(), f.name().equals("tdata")
                        ? "the next " + f.width() + " bits of the channel's word, lowest first (dsl/INTERFACE.md, \"AXI4-Stream wrapper\")"
                        : s.input() ? "ignored: the wrapper counts transfers" : "high on a word's last transfer"));
                continue;
            }
            String meaning = f.elements() == 1 ? f.type().dslName()
                    : f.elements() + " x " + f.type().dslName() + ", element i at bits [i*" + f.type().width()
                      + " +: " + f.type().width() + "]";
            if (f.carrySave()) {
                ports.add(new PortRow(s.rtlPortsOf(f).get(0), in, f.width(), meaning + "; the sum half of a"
                        + " carry-save pair, the value is (sum + carry) mod 2^" + f.type().width() + " per element"));
                ports.add(new PortRow(s.rtlPortsOf(f).get(1), in, f.width(), "the carry half of " + s.portOf(f)
                        + "'s pairs (" + s.rtlPortsOf(f).get(0) + ")"));
            } else {
                ports.add(new PortRow(s.portOf(f), in, f.width(), meaning));
            }
        }
    }
}
