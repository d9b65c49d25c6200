package bitweave.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the figures from a Yosys log: the cell table of the LAST {@code stat} (synth prints one of its own
 * earlier, before mapping; the FPGA flows need only this) and, for the generic flow, the length from
 * {@code ltp}. Formats of Yosys 0.23.
 */
public final class SynthLog {
    private static final String STAT_HEADER = "Printing statistics.";
    private static final Pattern MODULE = Pattern.compile("^=== (.+) ===$");
    private static final Pattern CELL_LINE = Pattern.compile("^\\s+(\\$?\\S+)\\s+(\\d+)$");
    private static final Pattern CELLS_TOTAL = Pattern.compile("^\\s+Number of cells:\\s+(\\d+)$");
    private static final Pattern LTP = Pattern.compile("^Longest topological path in (\\S+) \\(length=(\\d+)\\):$");

    private SynthLog() {
    }

    /** Thrown when the log lacks a figure: the caller names the log (E0902). */
    public static final class Unexpected extends RuntimeException {
        Unexpected(String message) {
            super(message);
        }
    }

    public static SynthFigures parse(String log, String top) {
        List<String> lines = log.lines().toList();
        return new SynthFigures(cells(lines, top), depth(lines, top).orElseThrow(() -> new Unexpected(
                "no 'Longest topological path in " + top + "' line (ltp)")));
    }

    /**
     * The cell table of the last {@code stat} in {@code log}, which must list exactly the (flattened) module
     * {@code top}, and whose types must add up to its "Number of cells".
     */
    public static Map<String, Long> cells(String log, String top) {
        return cells(log.lines().toList(), top);
    }

    private static Map<String, Long> cells(List<String> lines, String top) {
        int stat = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().endsWith(STAT_HEADER)) {
                stat = i;
            }
        }
        if (stat < 0) {
            throw new Unexpected("no 'stat' output ('" + STAT_HEADER + "')");
        }
        Map<String, Long> cells = null;
        List<String> modules = new java.util.ArrayList<>();
        Long total = null;
        int i = stat + 1;
        for (; i < lines.size() && !lines.get(i).startsWith("Longest topological path"); i++) {
            String line = lines.get(i);
            Matcher m = MODULE.matcher(line.strip());
            if (m.matches()) {
                modules.add(m.group(1));
                continue;
            }
            Matcher t = CELLS_TOTAL.matcher(line);
            if (t.matches() && modules.size() == 1 && cells == null) {
                total = Long.parseLong(t.group(1));
                cells = new LinkedHashMap<>();
                // The cell types follow, indented further, up to the first blank line.
                for (i++; i < lines.size() && !lines.get(i).isBlank(); i++) {
                    Matcher c = CELL_LINE.matcher(lines.get(i));
                    if (!c.matches()) {
                        throw new Unexpected("unreadable line in the cell table: '" + lines.get(i).strip() + "'");
                    }
                    cells.merge(c.group(1), Long.parseLong(c.group(2)), Long::sum);
                }
            }
        }
        // After synth -flatten only the top is left; a second module would be logic outside the count.
        if (!modules.equals(List.of(top))) {
            throw new Unexpected("the last 'stat' should list exactly module " + top + ", it lists " + modules);
        }
        if (cells == null) {
            throw new Unexpected("no cell count for module " + top);
        }
        long sum = cells.values().stream().mapToLong(Long::longValue).sum();
        if (sum != total) {
            throw new Unexpected("the cell types of " + top + " add up to " + sum + ", 'Number of cells' says " + total);
        }
        return cells;
    }

    private static Optional<Integer> depth(List<String> lines, String top) {
        Integer found = null;
        for (String line : lines) {
            Matcher m = LTP.matcher(line.strip());
            if (m.matches() && m.group(1).equals(top)) {
                found = Integer.parseInt(m.group(2));
            }
        }
        return Optional.ofNullable(found);
    }
}
