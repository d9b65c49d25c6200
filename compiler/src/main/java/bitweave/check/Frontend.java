package bitweave.check;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.UserError;
import bitweave.ir.Design;
import bitweave.ir.SourceId;
import bitweave.parse.DslParser;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The front end as one call: read, parse, check. Every problem in the user's input ends as a
 * {@link UserError} carrying all diagnostics of the run; any other exception is a compiler bug and is
 * deliberately not caught here.
 */
public final class Frontend {
    private Frontend() {
    }

    /** A UTF-8 byte-order mark: some editors write one at the start of a file; it is not part of the text. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    /** A checked design and the warnings found on the way (in file order). */
    public record Loaded(Design design, List<Diagnostic> warnings) {
        public Loaded {
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Loads a design from a file.
     *
     * @param source      the file to read (UTF-8, with or without a byte-order mark)
     * @param displayPath the path as the user typed it: shown in diagnostics and stored in Design.sourcePath
     *                    and every SourceLoc (generated files name the source by {@link SourceId} instead)
     * @param overrides   {@code -P NAME=value} overrides in command-line order (null = none)
     * @param topOrNull   the array to use as top, or null for the default choice
     * @throws UserError  SOURCE_NOT_FOUND / SOURCE_UNREADABLE, or every syntax and checking error found
     */
    public static Design load(Path source, String displayPath, Map<String, Long> overrides, String topOrNull) {
        return loadWithWarnings(source, displayPath, overrides, topOrNull).design();
    }

    /**
     * Like {@link #load}, and also returns the warnings of a successful run (the UserError of a failed
     * run carries its warnings among its diagnostics).
     */
    public static Loaded loadWithWarnings(Path source, String displayPath, Map<String, Long> overrides,
                                          String topOrNull) {
        byte[] bytes;
        String text;
        try {
            bytes = Files.readAllBytes(source);
            // A strict decoder: a binary or mis-encoded file is reported, not parsed as replacement characters.
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new UserError(ErrorCode.SOURCE_NOT_FOUND, "cannot read " + displayPath + ": "
                    + IoReason.of(e, source));
        } catch (IOException e) {
            throw new UserError(ErrorCode.SOURCE_UNREADABLE, "cannot read " + displayPath + ": "
                    + IoReason.of(e, source));
        }
        return check(text, displayPath, SourceId.of(displayPath, bytes), overrides, topOrNull);
    }

    /** Like {@link #load} but from text in memory (tests, tools); the SourceId hashes the text's UTF-8 bytes. */
    public static Design loadText(String text, String displayPath, Map<String, Long> overrides, String topOrNull) {
        return loadTextWithWarnings(text, displayPath, overrides, topOrNull).design();
    }

    /** Like {@link #loadWithWarnings} but from text in memory (tests, tools). */
    public static Loaded loadTextWithWarnings(String text, String displayPath, Map<String, Long> overrides,
                                              String topOrNull) {
        return check(text, displayPath, SourceId.ofText(displayPath, text), overrides, topOrNull);
    }

    private static Loaded check(String text, String displayPath, SourceId id, Map<String, Long> overrides,
                                String topOrNull) {
        // Dropped before lexing, so columns on line 1 count from the first visible character.
        String body = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        Map<String, Long> given = overrides == null ? new LinkedHashMap<>() : new LinkedHashMap<>(overrides);
        Reporter reporter = new Reporter();
        DslParser.Result parsed = DslParser.parse(body, displayPath);
        reporter.addAll(parsed.diagnostics());
        reporter.stopIfErrors();
        Design design = new Checker(reporter).check(parsed.file(), displayPath, id, given, topOrNull);
        return new Loaded(design, reporter.warnings());
    }
}
