package bitweave.diag;

import bitweave.ir.SourceLoc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders diagnostics the one way users see them:
 * <pre>
 * file.bw:12:9: error: unknown pe 'macc' after 'of' in array 'top' [E0204]
 * array top = systolic(ROWS, COLS) of macc {
 *                                     ^
 * </pre>
 * or {@code bitweave: error: message [E0601]} when there is no source position. Every rendering
 * ends with a newline. The source line and caret are a {@link SourceExcerpt} (long lines are cut
 * around the column).
 */
public final class DiagnosticPrinter {
    private DiagnosticPrinter() {
    }

    /**
     * @param sourceLines the lines of a file by its display path (as in SourceLoc.file); may return
     *                    null or an empty list when the file cannot be read, then only the first line
     *                    is printed
     */
    public static String format(Diagnostic d, Function<String, List<String>> sourceLines) {
        String severity = d.severity().name().toLowerCase(Locale.ROOT);
        String tail = severity + ": " + d.message() + " [" + d.code().code() + "]\n";
        SourceLoc loc = d.loc();
        if (loc == null) {
            return "bitweave: " + tail;
        }
        StringBuilder out = new StringBuilder(loc.file() + ":" + loc.line() + ":" + loc.col() + ": " + tail);
        List<String> lines = sourceLines.apply(loc.file());
        if (lines != null && loc.line() >= 1 && loc.line() <= lines.size()) {
            SourceExcerpt excerpt = SourceExcerpt.of(lines.get(loc.line() - 1), loc.col());
            out.append(excerpt.text()).append('\n').append(excerpt.caret()).append('\n');
        }
        return out.toString();
    }

    /** All diagnostics, each rendered by {@link #format}, concatenated. */
    public static String formatAll(List<Diagnostic> diagnostics, Function<String, List<String>> sourceLines) {
        StringBuilder out = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            out.append(format(d, sourceLines));
        }
        return out.toString();
    }

    /**
     * Source lines read from the file system (display paths are relative to the working directory),
     * each file read at most once. A file that cannot be read gives an empty list: the diagnostic is
     * still printed, without its source line.
     */
    public static Function<String, List<String>> fromFileSystem() {
        Map<String, List<String>> cache = new HashMap<>();
        return path -> cache.computeIfAbsent(path, DiagnosticPrinter::readLinesOrEmpty);
    }

    /** Source lines of one in-memory text known under {@code displayPath} (for loadText callers and tests). */
    public static Function<String, List<String>> fromText(String displayPath, String text) {
        List<String> lines = splitLines(text);
        return path -> path.equals(displayPath) ? lines : List.of();
    }

    private static List<String> readLinesOrEmpty(String path) {
        try {
            String text = new String(Files.readAllBytes(Path.of(path)), StandardCharsets.UTF_8);
            // The front end drops a leading byte-order mark before lexing; drop it here too so the caret lines up.
            return splitLines(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (IOException | InvalidPathException | SecurityException e) { // printing must not fail
            return List.of();
        }
    }

    /** Splits at line breaks as the lexer counts them ({@link LineBreaks}), so line numbers agree. */
    private static List<String> splitLines(String text) {
        return LineBreaks.split(text);
    }
}
