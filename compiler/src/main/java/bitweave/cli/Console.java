package bitweave.cli;

import java.io.PrintStream;

/**
 * Where a command prints. {@code interactive} is true when a person is watching a terminal: only then
 * are progress lines shown (piped output stays quiet and machine-readable).
 */
public record Console(PrintStream out, PrintStream err, boolean interactive) {
}
