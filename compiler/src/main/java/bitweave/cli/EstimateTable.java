package bitweave.cli;

import bitweave.estimate.Estimate;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints an {@link Estimate}: alone ({@code bitweave estimate}, one resource per line and a column per flow, like
 * synth's table), or beside what Yosys measured ({@code bitweave synth}: per flow the measured figure, the
 * estimate and the error in percent).
 */
final class EstimateTable {
    private EstimateTable() {
    }

    static void print(PrintStream o, Estimate e) {
        StringBuilder head = new StringBuilder(String.format("  %-10s", "resource"));
        e.columns().forEach(c -> head.append(String.format(" %14s", c.label())));
        o.println(head);
        for (String name : e.resourceNames()) {
            StringBuilder line = new StringBuilder(String.format("  %-10s", name));
            e.columns().forEach(c -> line.append(String.format(" %14d", c.resources().get(name))));
            o.println(line);
        }
    }

    /**
     * The estimate beside the measured figures, a row per resource the estimate has.
     *
     * @param measured per flow name ({@code generic}, {@code dsp}, {@code nodsp}) the measured resource counts
     */
    static void printBeside(PrintStream o, Estimate e, Map<String, Map<String, Long>> measured) {
        o.println("  estimate (bitweave estimate, from the IR) beside the measured figures; error = estimate / measured - 1");
        StringBuilder head = new StringBuilder(String.format("  %-10s", "resource"));
        for (Estimate.Column c : e.columns()) {
            head.append(String.format("  %12s %9s %8s", label(c, e.columns()) + " meas.", "estimate", "error %"));
        }
        o.println(head);
        for (String name : e.resourceNames()) {
            StringBuilder line = new StringBuilder(String.format("  %-10s", name));
            for (Estimate.Column c : e.columns()) {
                long est = c.resources().get(name);
                Long meas = measured.getOrDefault(c.name(), Map.of()).get(name);
                line.append(String.format("  %12s %9d %8s", meas == null ? "-" : meas.toString(), est, errorPercent(est, meas)));
            }
            o.println(line);
        }
    }

    private static String label(Estimate.Column c, List<Estimate.Column> all) {
        return all.size() == 1 ? "" : c.name();
    }

    /** (estimate − measured) / measured in percent, one decimal; "exact" for 0 = 0, "n/a" against a measured 0. */
    static String errorPercent(long estimate, Long measured) {
        if (measured == null) {
            return "-";
        }
        if (measured == 0) {
            return estimate == 0 ? "exact" : "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f", 100.0 * (estimate - measured) / measured);
    }
}
