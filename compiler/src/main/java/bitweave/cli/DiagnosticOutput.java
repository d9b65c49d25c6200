package bitweave.cli;

import bitweave.diag.Diagnostic;
import bitweave.diag.DiagnosticPrinter;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Function;

/**
 * Prints diagnostics with their source line and caret, then a count ("3 errors, 1 warning"). Like gcc's
 * -fmax-errors, printing stops after {@code maxErrors} errors (warnings do not count) and one line says
 * how many were left out: a broken file with 40,000 errors must not print 40,000 of them.
 */
final class DiagnosticOutput {
    /** The default of --max-errors. */
    static final int DEFAULT_MAX_ERRORS = 20;

    private DiagnosticOutput() {
    }

    static void print(List<Diagnostic> diagnostics, PrintStream err) {
        print(diagnostics, err, DEFAULT_MAX_ERRORS);
    }

    /** @param maxErrors the most errors to print; 0 prints all */
    static void print(List<Diagnostic> diagnostics, PrintStream err, int maxErrors) {
        Function<String, List<String>> sources = DiagnosticPrinter.fromFileSystem();
        int errors = count(diagnostics, Diagnostic.Severity.ERROR);
        int warnings = count(diagnostics, Diagnostic.Severity.WARNING);
        int shownErrors = 0;
        int shownWarnings = 0;
        for (Diagnostic d : diagnostics) {
            if (maxErrors > 0 && shownErrors == maxErrors) {
                break; // like gcc, the run "stops" here: nothing after the last error shown
            }
            err.print(DiagnosticPrinter.format(d, sources)); // one at a time: no giant string in memory
            if (d.severity() == Diagnostic.Severity.ERROR) {
                shownErrors++;
            } else if (d.severity() == Diagnostic.Severity.WARNING) {
                shownWarnings++;
            }
        }
        if (shownErrors < errors || shownWarnings < warnings) {
            String hiddenWarnings = shownWarnings < warnings ? plural(warnings - shownWarnings, "warning") : "";
            String hidden = shownErrors < errors
                    ? plural(errors - shownErrors, "more error") + (hiddenWarnings.isEmpty() ? "" : " and " + hiddenWarnings)
                    : hiddenWarnings;
            err.println(hidden + " not shown (--max-errors " + maxErrors + "; 0 shows all)");
        }
        if (errors + warnings > 1 || warnings == 1) {
            err.println(errors == 0 ? plural(warnings, "warning")
                    : warnings == 0 ? plural(errors, "error") : plural(errors, "error") + ", " + plural(warnings, "warning"));
        }
    }

    private static int count(List<Diagnostic> diagnostics, Diagnostic.Severity severity) {
        return (int) diagnostics.stream().filter(d -> d.severity() == severity).count();
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
