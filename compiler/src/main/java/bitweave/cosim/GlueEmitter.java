package bitweave.cosim;

import bitweave.emit.GeneratedFile;
import bitweave.emit.Provenance;
import bitweave.emit.Templates;
import bitweave.ir.Design;
import bitweave.ir.Field;
import bitweave.ir.LaneSkew;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Emits {@code <top>_glue.h}: the design-specific half of the co-simulation harness (model class, port
 * accessors, stream tables, and the vector file header the model accepts). Every name and number is
 * computed here from {@link TopInterface}; templates/harness_glue.stg only prints.
 */
public final class GlueEmitter {
    private GlueEmitter() {
    }

    /** The glue header for {@code topModule}, the Verilog module implementing {@code d.top()}. */
    public static GeneratedFile emit(Design d, String topModule) {
        return emit(d, topModule, TopInterface.of(d.top()));
    }

    /** The glue for a top module whose ports are {@code iface}'s (the unit's, or its AXI4-Stream wrapper's). */
    public static GeneratedFile emit(Design d, String topModule, TopInterface iface) {
        List<StreamModel> inputs = new ArrayList<>();
        for (Stream s : iface.inputs()) {
            inputs.add(stream(s, iface));
        }
        StreamModel output = stream(iface.output(), iface);
        List<StreamModel> all = new ArrayList<>(inputs);
        all.add(output);
        List<String> header = new ArrayList<>();
        for (String line : VectorFile.headerLines(iface)) {
            header.add(line.replace("\\", "\\\\").replace("\"", "\\\""));
        }
        GlueModel g = new GlueModel(Provenance.comment(d, "// "), topModule, modelClass(topModule),
                "BW_GLUE_" + topModule.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_H",
                header, all, inputs, inputs.size(), output);
        String text = Templates.render(Templates.load("harness_glue"), "glue", "g", g);
        return new GeneratedFile(fileName(topModule), text);
    }

    /** The glue header's file name for a top module. */
    public static String fileName(String topModule) {
        return topModule + "_glue.h";
    }

    /**
     * The C++ class Verilator generates for the top module (we pass it as --prefix). Verilator's default,
     * V + top, collides with its own run-time classes for some names (a design named {@code erilated}
     * gave {@code Verilated}, {@code lWide} gave {@code VlWide}: the build failed). Verilator's run-time
     * names start with Verilated, Vl, VL_ or vl, never with {@value #MODEL_PREFIX}, so this prefix keeps
     * every top clear of them (a test checks Verilator's include folder).
     */
    public static String modelClass(String topModule) {
        return MODEL_PREFIX + topModule;
    }

    /** What the model class name starts with. */
    public static final String MODEL_PREFIX = "Vbw_";

    private static StreamModel stream(Stream s, TopInterface iface) {
        List<FieldModel> fields = new ArrayList<>();
        for (Field f : s.fields()) {
            String port = s.portOf(f);
            String fn = (s.input() ? "set_" : "get_") + port;
            List<String> rtl = s.rtlPortsOf(f);
            // a carry-save field: get reads the sum port, a second getter the carry port
            String carryPort = f.carrySave() ? rtl.get(1) : null;
            String carryFn = f.carrySave() ? "get_" + carryPort : null;
            fields.add(new FieldModel(port, rtl.get(0), f.width(), (f.width() + 31) / 32, s.input(), fn,
                    s.input() ? "&" + fn : "nullptr", s.input() ? "nullptr" : "&" + fn, carryPort, carryFn,
                    f.carrySave() ? "&" + carryFn : "nullptr", f.elements(), f.type().width(),
                    skewClock(iface.skewOf(s.name(), f.name()), iface)));
        }
        String validFn = (s.input() ? "setValid_" : "getValid_") + s.name();
        String readyFn = (s.input() ? "getReady_" : "setReady_") + s.name();
        return new StreamModel(s.name(), s.input() ? "input" : "output", s.input(), s.validPort(), s.readyPort(),
                validFn, readyFn, "kFields_" + s.name(), fields, fields.size(),
                s.input() ? "&" + validFn : "nullptr", s.input() ? "&" + readyFn : "nullptr",
                s.input() ? "nullptr" : "&" + validFn, s.input() ? "nullptr" : "&" + readyFn);
    }

    record GlueModel(String provenance, String top, String modelClass, String guard, List<String> header,
                     List<StreamModel> streams, List<StreamModel> inputs, int inputCount, StreamModel output) {
    }

    record StreamModel(String name, String direction, boolean input, String validPort, String readyPort,
                       String validFn, String readyFn, String fieldTable, List<FieldModel> fields, int fieldCount,
                       String setValidRef, String getReadyRef, String getValidRef, String setReadyRef) {
    }

    /**
     * @param port      the field's name (messages); {@code rtlPort}: the port read or written (the sum port of a pair)
     * @param carryPort a carry-save field's carry port (raw pairs), else null
     * @param lanes     elements of the field
     * @param laneWidth bits of one element
     * @param skew      {@code kNoSkew}: the elements move with the beat; {@code kEveryCycle}: element i is
     *                  offset by i clock cycles; k >= 0: by i cycles in which input stream k's ready is high
     */
    record FieldModel(String port, String rtlPort, int width, int words, boolean input, String accessorFn,
                      String setRef, String getRef, String carryPort, String carryFn, String carryRef, int lanes,
                      int laneWidth, String skew) {
    }

    /** The glue's constant for a field's lane skew (bw_ports.h). */
    private static String skewClock(LaneSkew k, TopInterface iface) {
        if (k == null) {
            return "bw::kNoSkew";
        }
        if (k.clockStream() == null) {
            return "bw::kEveryCycle";
        }
        for (int i = 0; i < iface.inputs().size(); i++) {
            if (iface.inputs().get(i).name().equals(k.clockStream())) {
                return Integer.toString(i);
            }
        }
        throw new IllegalStateException("lane skew of " + k.stream() + "." + k.field() + " counts the cycles of "
                + k.clockStream() + ", which is not an input stream");
    }
}
