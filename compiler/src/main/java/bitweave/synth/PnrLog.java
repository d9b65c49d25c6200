package bitweave.synth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what Bitweave reports from a nextpnr-ice40 0.4 log: the "Device utilisation:" block (printed after
 * packing, so it is there even when placement fails), the last "Max frequency for clock" line per clock (nextpnr
 * prints one after placement and one after routing; the routed one is the result) and the first ERROR line.
 */
public final class PnrLog {
    private static final String UTILISATION_HEADER = "Info: Device utilisation:";
    // "Info: \t         ICESTORM_LC:   131/ 5280     2%"
    private static final Pattern UTILISATION_LINE = Pattern.compile("^Info:\\s+(\\w+):\\s+(\\d+)/\\s*(\\d+)\\s+\\d+%$");
    // "Info: Max frequency for clock 'clk$SB_IO_IN_$glb_clk': 96.32 MHz (PASS at 12.00 MHz)"; a miss is a Warning
    private static final Pattern FMAX = Pattern.compile(
            "^(?:Info|Warning): Max frequency for clock '([^']+)': ([0-9.]+) MHz \\((PASS|FAIL) at ([0-9.]+) MHz\\)$");
    // "Info: Max delay <async>                       -> posedge clk$SB_IO_IN_$glb_clk: 27.25 ns"
    private static final Pattern MAX_DELAY = Pattern.compile("^Info: Max delay (.+?)\\s+->\\s+(.+?)\\s*: ([0-9.]+) ns$");
    // "ERROR: Unable to place cell 'x', no BELs remaining to implement cell type 'ICESTORM_LC'"
    private static final Pattern NO_BELS = Pattern.compile("no BELs remaining to implement cell type '(\\w+)'");

    private PnrLog() {
    }

    /** One row of the utilisation block: a BEL type, how many the design uses and how many the device has. */
    public record Utilisation(String resource, long used, long available) {
        public boolean overused() {
            return used > available;
        }

        /** Rounded down, like nextpnr's own column. */
        public long percent() {
            return available == 0 ? (used == 0 ? 0 : 100) : used * 100 / available;
        }
    }

    /** The routed maximum frequency of one clock and whether it meets the target. */
    public record ClockFmax(String clock, double mhz, boolean pass, double targetMhz) {
        /** The clock's net name without the suffix nextpnr's global buffer gives it ({@code clk$SB_IO_IN_$glb_clk}). */
        public String port() {
            int dollar = clock.indexOf('$');
            return dollar < 0 ? clock : clock.substring(0, dollar);
        }
    }

    /**
     * The longest path between two timing domains after routing, e.g. from the input pins ({@code <async>}) to the
     * registers of a clock: the Fmax lines cover register-to-register paths only, so logic between a pin and the
     * first register (a unit whose inputs are not registered) shows here and not there.
     */
    public record MaxDelay(String from, String to, double ns) {
        /** "input", "output" for the pins' side, the clock's port for a clock edge ("posedge clk$SB_IO_IN_$glb_clk"). */
        public static String side(String domain, String pinSide) {
            if (domain.equals("<async>")) {
                return pinSide;
            }
            String clock = domain.replaceFirst("^(posedge|negedge) ", "");
            int dollar = clock.indexOf('$');
            return dollar < 0 ? clock : clock.substring(0, dollar);
        }

        public String label() {
            return side(from, "input") + " -> " + side(to, "output");
        }
    }

    /** Per pair of domains, the last (routed) max delay line, in the order nextpnr prints them. */
    public static List<MaxDelay> maxDelays(String log) {
        Map<String, MaxDelay> last = new LinkedHashMap<>();
        for (String line : log.lines().toList()) {
            Matcher m = MAX_DELAY.matcher(line.strip());
            if (m.matches()) {
                last.put(m.group(1) + " -> " + m.group(2), new MaxDelay(m.group(1), m.group(2), Double.parseDouble(m.group(3))));
            }
        }
        return List.copyOf(last.values());
    }

    /** The utilisation block in nextpnr's order; empty when the run stopped before packing. */
    public static List<Utilisation> utilisation(String log) {
        List<Utilisation> rows = new ArrayList<>();
        List<String> lines = log.lines().toList();
        int start = lines.indexOf(UTILISATION_HEADER);
        if (start < 0) {
            return rows;
        }
        for (int i = start + 1; i < lines.size(); i++) {
            Matcher m = UTILISATION_LINE.matcher(lines.get(i).strip().replace('\t', ' '));
            if (!m.matches()) {
                break;
            }
            rows.add(new Utilisation(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
        }
        return rows;
    }

    /** Per clock, the last frequency line (after routing), in the order the clocks first appear. */
    public static List<ClockFmax> fmax(String log) {
        Map<String, ClockFmax> last = new LinkedHashMap<>();
        for (String line : log.lines().toList()) {
            Matcher m = FMAX.matcher(line.strip());
            if (m.matches()) {
                last.put(m.group(1), new ClockFmax(m.group(1), Double.parseDouble(m.group(2)),
                        m.group(3).equals("PASS"), Double.parseDouble(m.group(4))));
            }
        }
        return List.copyOf(last.values());
    }

    /** The first {@code ERROR:} line without its prefix, if any. */
    public static Optional<String> firstError(String log) {
        return log.lines().filter(l -> l.startsWith("ERROR: ")).map(l -> l.substring("ERROR: ".length()).strip())
                .findFirst();
    }

    /** The BEL type nextpnr ran out of ("no BELs remaining to implement cell type 'T'"), if that is why it stopped. */
    public static Optional<String> exhaustedType(String log) {
        return firstError(log).map(NO_BELS::matcher).filter(Matcher::find).map(m -> m.group(1));
    }
}
