package bitweave.golden;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.UserError;
import bitweave.ir.ArraySpec;
import bitweave.ir.SourceLoc;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The text front end of the golden model, behind {@code bitweave golden design.bw --in NAME=FILE ...}.
 * The format is specified in dsl/GOLDEN.md: input files of integers (one row per line, blank lines
 * between groups), output of decimal results (one row per line).
 *
 * <p>Errors in the input files are reported together where possible: first missing/unknown inputs, then
 * unreadable files, then number syntax, then shapes and ranges. Each phase throws one {@link UserError}.
 */
public final class GoldenText {
    private GoldenText() {
    }

    /** The input names a unit needs, in the order the documentation lists them. */
    public static List<String> inputNames(ArraySpec top) {
        return GoldenModel.unit(top).inputNames();
    }

    /**
     * Reads the input files, runs the golden model and returns the output text.
     *
     * @param inputs input name (see {@link #inputNames}) to file; the path is shown in diagnostics as given
     * @throws UserError with E08xx diagnostics for missing/unknown inputs, unreadable files, bad numbers,
     *                   values out of range and wrong counts
     */
    public static String evaluate(ArraySpec top, Map<String, Path> inputs) {
        checkNames(top, inputs.keySet());
        Map<String, Source> sources = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (String name : inputNames(top)) {
            Path path = inputs.get(name);
            try {
                sources.put(name, new Source(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
            } catch (IOException | java.io.UncheckedIOException e) {
                errors.add(Diagnostic.error(ErrorCode.GOLDEN_INPUT_UNREADABLE, null,
                        "cannot read input '" + name + "' from " + path + ": " + IoReason.of(e, path)));
            }
        }
        throwIfAny(errors);
        return evaluateSources(top, sources);
    }

    /** As {@link #evaluate} with the texts given directly; each input's display name is its input name. */
    public static String evaluateText(ArraySpec top, Map<String, String> texts) {
        checkNames(top, texts.keySet());
        Map<String, Source> sources = new LinkedHashMap<>();
        for (String name : inputNames(top)) {
            sources.put(name, new Source(name, texts.get(name)));
        }
        return evaluateSources(top, sources);
    }

    /** Formats results of {@link GoldenModel#run} as the output text. */
    public static String format(ArraySpec top, List<List<BigInteger>> results) {
        return GoldenModel.unit(top).format(results);
    }

    /**
     * The input texts (input name to file content) that describe {@code problems}, the inverse of reading:
     * {@code evaluateText(top, inputTexts(top, p))} equals {@code format(top, GoldenModel.run(top, p))}.
     * For weight_stationary, activations before the first weight load get an explicit all-zero matrix
     * (the reset state).
     */
    public static Map<String, String> inputTexts(ArraySpec top, List<? extends Problem> problems) {
        GoldenModel.validate(top, problems);
        return GoldenModel.unit(top).inputTexts(problems);
    }

    /** For the kinds' {@link UnitGolden#inputTexts}: every row of a matrix, one line each. */
    public static void appendMatrix(StringBuilder sb, BigInteger[][] m) {
        for (BigInteger[] row : m) {
            appendRow(sb, java.util.Arrays.asList(row));
        }
    }

    private record Source(String displayName, String text) {
    }

    private static String evaluateSources(ArraySpec top, Map<String, Source> sources) {
        List<Diagnostic> errors = new ArrayList<>();
        Map<String, NumberFile> files = new LinkedHashMap<>();
        for (Map.Entry<String, Source> e : sources.entrySet()) {
            NumberFile f = NumberFile.parse(e.getValue().displayName(), e.getValue().text(), errors,
                    GoldenModel.unit(top).readsWords());
            if (f.groups.isEmpty()) {
                errors.add(Diagnostic.error(ErrorCode.GOLDEN_NO_DATA, new SourceLoc(f.displayName, 1, 1),
                        "input '" + e.getKey() + "' holds no values"));
            }
            files.put(e.getKey(), f);
        }
        throwIfAny(errors);
        List<Problem> problems = GoldenModel.unit(top).read(files, new ProblemReader(errors));
        throwIfAny(errors);
        return format(top, GoldenModel.run(top, problems));
    }

    private static void checkNames(ArraySpec top, java.util.Set<String> given) {
        List<Diagnostic> errors = new ArrayList<>();
        List<String> needed = inputNames(top);
        for (String name : needed) {
            if (!given.contains(name)) {
                errors.add(Diagnostic.error(ErrorCode.GOLDEN_INPUT_MISSING, null,
                        "missing input '" + name + "': " + top.name() + " needs --in " + String.join("=FILE --in ",
                                needed) + "=FILE"));
            }
        }
        for (String name : new TreeSet<>(given)) {
            if (!needed.contains(name)) {
                errors.add(Diagnostic.error(ErrorCode.GOLDEN_INPUT_UNKNOWN, null,
                        "unknown input '" + name + "': " + top.name() + " takes only " + String.join(", ", needed)));
            }
        }
        throwIfAny(errors);
    }

    private static void throwIfAny(List<Diagnostic> errors) {
        if (!errors.isEmpty()) {
            throw new UserError(errors);
        }
    }

    /** One output or input row: the values separated by one space, then a newline. */
    public static void appendRow(StringBuilder sb, List<BigInteger> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(row.get(i));
        }
        sb.append('\n');
    }
}
