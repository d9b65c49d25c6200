package bitweave.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A port of a top module as Yosys sees it after elaboration (so widths are the elaborated ones).
 *
 * @param index     the port's position (RTLIL numbers ports from 1)
 * @param direction input, output or inout
 */
public record Port(String name, String direction, int width, int index) {
    // RTLIL: "  wire width 8 input 5 \in_a" (width is omitted for 1 bit; signed/offset/upto may appear)
    private static final Pattern WIRE = Pattern.compile("^\\s*wire\\s+(.*?)\\s*\\b(input|output|inout)\\s+(\\d+)\\s+\\\\(\\S+)$");
    private static final Pattern WIDTH = Pattern.compile("\\bwidth\\s+(\\d+)");

    /** The ports of the only module in an RTLIL text written by write_rtlil, in port order. */
    static List<Port> ofRtlil(String rtlil) {
        List<Port> ports = new ArrayList<>();
        for (String line : rtlil.lines().toList()) {
            Matcher m = WIRE.matcher(line);
            if (m.matches()) {
                Matcher w = WIDTH.matcher(m.group(1));
                int width = w.find() ? Integer.parseInt(w.group(1)) : 1;
                ports.add(new Port(m.group(4), m.group(2), width, Integer.parseInt(m.group(3))));
            }
        }
        ports.sort(Comparator.comparingInt(Port::index));
        return ports;
    }

    String describe() {
        return direction + " " + name + (width == 1 ? "" : " [" + (width - 1) + ":0]");
    }
}
