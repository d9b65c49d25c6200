package bitweave.cli;

import bitweave.diag.Diagnostic;
import bitweave.diag.DiagnosticPrinter;
import java.io.PrintStream;
import java.util.List;

/** Prints diagnostics with their source line and caret, then a count. */
final class DiagnosticOutput {
    private DiagnosticOutput() {
    }

    static void print(List<Diagnostic> diagnostics, PrintStream err) {
        err.print(DiagnosticPrinter.formatAll(diagnostics, DiagnosticPrinter.fromFileSystem()));
        long errors = diagnostics.stream().filter(d -> d.severity() == Diagnostic.Severity.ERROR).count();
        if (errors > 1) {
            err.println(errors + " errors");
        }
    }
}
