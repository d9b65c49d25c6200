package bitweave.golden;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.Plural;
import bitweave.diag.UserError;
import bitweave.ir.AdderTree;
import bitweave.ir.ArraySpec;
import bitweave.ir.Dataflow;
import bitweave.ir.IntType;
import bitweave.ir.SourceLoc;
import bitweave.ir.SystolicArray;
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
        if (top instanceof SystolicArray s && s.dataflow() == Dataflow.WEIGHT_STATIONARY) {
            return List.of("w", "x");
        }
        return List.of("a", "b");
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
        StringBuilder sb = new StringBuilder();
        if (top instanceof SystolicArray s && s.dataflow() == Dataflow.OUTPUT_STATIONARY) {
            for (int t = 0; t < results.size(); t++) {
                if (t > 0) {
                    sb.append('\n'); // a blank line between tiles
                }
                List<BigInteger> c = results.get(t);
                for (int r = 0; r < s.rows(); r++) {
                    appendRow(sb, c.subList(r * s.cols(), (r + 1) * s.cols()));
                }
            }
            return sb.toString();
        }
        for (List<BigInteger> row : results) {
            appendRow(sb, row);
        }
        return sb.toString();
    }

    /**
     * The input texts (input name to file content) that describe {@code problems}, the inverse of reading:
     * {@code evaluateText(top, inputTexts(top, p))} equals {@code format(top, GoldenModel.run(top, p))}.
     * For weight_stationary, activations before the first weight load get an explicit all-zero matrix
     * (the reset state).
     */
    public static Map<String, String> inputTexts(ArraySpec top, List<? extends Problem> problems) {
        GoldenModel.validate(top, problems);
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            if (p instanceof Problem.DotGroup g) {
                if (i > 0) {
                    first.append('\n');
                    second.append('\n');
                }
                for (int j = 0; j < g.beats(); j++) {
                    appendRow(first, java.util.Arrays.asList(g.a()[j]));
                    appendRow(second, java.util.Arrays.asList(g.b()[j]));
                }
            } else if (p instanceof Problem.Tile t) {
                if (i > 0) {
                    first.append('\n');
                    second.append('\n');
                }
                appendMatrix(first, t.a());
                appendMatrix(second, t.b());
            } else {
                Problem.WsVector v = (Problem.WsVector) p;
                BigInteger[][] load = v.load();
                if (load == null && i == 0) {
                    SystolicArray s = (SystolicArray) top;
                    load = new BigInteger[s.rows()][s.cols()];
                    for (BigInteger[] row : load) {
                        java.util.Arrays.fill(row, BigInteger.ZERO);
                    }
                }
                if (load != null) {
                    if (i > 0) {
                        first.append('\n');
                        second.append('\n');
                    }
                    appendMatrix(first, load);
                }
                appendRow(second, java.util.Arrays.asList(v.x()));
            }
        }
        List<String> names = inputNames(top);
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(names.get(0), first.toString());
        texts.put(names.get(1), second.toString());
        return texts;
    }

    private static void appendMatrix(StringBuilder sb, BigInteger[][] m) {
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
            NumberFile f = NumberFile.parse(e.getValue().displayName(), e.getValue().text(), errors);
            if (f.groups.isEmpty()) {
                errors.add(Diagnostic.error(ErrorCode.GOLDEN_NO_DATA, new SourceLoc(f.displayName, 1, 1),
                        "input '" + e.getKey() + "' holds no values"));
            }
            files.put(e.getKey(), f);
        }
        throwIfAny(errors);
        List<Problem> problems = new ProblemReader(top, errors).read(files);
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

    private static void appendRow(StringBuilder sb, List<BigInteger> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(row.get(i));
        }
        sb.append('\n');
    }

    /** Turns parsed files into problems, checking shapes and ranges; errors go to the shared list. */
    private static final class ProblemReader {
        private final ArraySpec top;
        private final List<Diagnostic> errors;

        ProblemReader(ArraySpec top, List<Diagnostic> errors) {
            this.top = top;
            this.errors = errors;
        }

        List<Problem> read(Map<String, NumberFile> files) {
            if (top instanceof AdderTree t) {
                return readAdderTree(t, files.get("a"), files.get("b"));
            }
            SystolicArray s = (SystolicArray) top;
            if (s.dataflow() == Dataflow.OUTPUT_STATIONARY) {
                return readTiles(s, files.get("a"), files.get("b"));
            }
            return readWeightStationary(s, files.get("w"), files.get("x"));
        }

        private List<Problem> readAdderTree(AdderTree t, NumberFile a, NumberFile b) {
            // Without accumulate every row is its own group; blank lines are only layout.
            List<List<NumberFile.Row>> groupsA = t.accumulate() ? groupsOf(a) : rowsAsGroups(a);
            List<List<NumberFile.Row>> groupsB = t.accumulate() ? groupsOf(b) : rowsAsGroups(b);
            String unit = t.accumulate() ? "group" : "vector";
            checkSameCount(a, groupsA, b, groupsB, unit);
            List<Problem> out = new ArrayList<>();
            for (int g = 0; g < Math.min(groupsA.size(), groupsB.size()); g++) {
                List<NumberFile.Row> ra = groupsA.get(g);
                List<NumberFile.Row> rb = groupsB.get(g);
                if (ra.size() != rb.size()) {
                    errors.add(Diagnostic.error(ErrorCode.GOLDEN_GROUP_MISMATCH, rb.get(0).loc(),
                            unit + " " + (g + 1) + " has " + Plural.count(ra.size(), "row") + " in a (line "
                                    + ra.get(0).loc().line() + ") but " + rb.size() + " in b"));
                    continue;
                }
                BigInteger[][] va = rows(ra, t.k(), "K", t.pe().a(), "a");
                BigInteger[][] vb = rows(rb, t.k(), "K", t.pe().b(), "b");
                out.add(new Problem.DotGroup(va, vb));
            }
            return out;
        }

        private List<Problem> readTiles(SystolicArray s, NumberFile a, NumberFile b) {
            List<List<NumberFile.Row>> tilesA = groupsOf(a);
            List<List<NumberFile.Row>> tilesB = groupsOf(b);
            checkSameCount(a, tilesA, b, tilesB, "tile");
            List<Problem> out = new ArrayList<>();
            for (int t = 0; t < Math.min(tilesA.size(), tilesB.size()); t++) {
                List<NumberFile.Row> ra = tilesA.get(t);
                List<NumberFile.Row> rb = tilesB.get(t);
                String where = "tile " + (t + 1);
                if (!checkRowCount(ra, s.rows(), where + " of a (matrix A)", "ROWS")) {
                    continue;
                }
                // K is the length of A's first row; every other row of A and the row count of B must agree.
                int k = ra.get(0).values().size();
                if (k == 0) {
                    continue;
                }
                BigInteger[][] ma = rows(ra, k, "K (from the first row of this tile)", s.pe().a(), "a");
                if (!checkRowCount(rb, k, where + " of b (matrix B)", "K")) {
                    continue;
                }
                BigInteger[][] mb = rows(rb, s.cols(), "COLS", s.pe().b(), "b");
                out.add(new Problem.Tile(ma, mb));
            }
            return out;
        }

        private List<Problem> readWeightStationary(SystolicArray s, NumberFile w, NumberFile x) {
            List<List<NumberFile.Row>> mats = groupsOf(w);
            List<List<NumberFile.Row>> vecs = groupsOf(x);
            if (mats.size() != vecs.size()) {
                errors.add(Diagnostic.error(ErrorCode.GOLDEN_GROUP_MISMATCH,
                        mats.size() > vecs.size() ? mats.get(vecs.size()).get(0).loc()
                                : vecs.get(mats.size()).get(0).loc(),
                        "w holds " + Plural.count(mats.size(), "weight matrix", "weight matrices") + " but x holds "
                                + Plural.count(vecs.size(), "group") + " of activation vectors:"
                                + " group i of x is applied with matrix i"));
            }
            List<Problem> out = new ArrayList<>();
            for (int g = 0; g < Math.min(mats.size(), vecs.size()); g++) {
                if (!checkRowCount(mats.get(g), s.rows(), "weight matrix " + (g + 1) + " of w", "ROWS")) {
                    continue;
                }
                BigInteger[][] weights = rows(mats.get(g), s.cols(), "COLS", s.pe().b(), "w");
                BigInteger[][] xs = rows(vecs.get(g), s.rows(), "ROWS", s.pe().a(), "x");
                for (int i = 0; i < xs.length; i++) {
                    out.add(new Problem.WsVector(i == 0 ? weights : null, xs[i]));
                }
            }
            return out;
        }

        private void checkSameCount(NumberFile a, List<List<NumberFile.Row>> ga, NumberFile b,
                                    List<List<NumberFile.Row>> gb, String unit) {
            if (ga.size() == gb.size()) {
                return;
            }
            SourceLoc extra = ga.size() > gb.size() ? ga.get(gb.size()).get(0).loc() : gb.get(ga.size()).get(0).loc();
            errors.add(Diagnostic.error(ErrorCode.GOLDEN_GROUP_MISMATCH, extra,
                    a.displayName + " holds " + Plural.count(ga.size(), unit) + " but " + b.displayName + " holds "
                            + gb.size() + "; they must pair up"));
        }

        private boolean checkRowCount(List<NumberFile.Row> rows, int expected, String what, String name) {
            if (rows.size() == expected) {
                return true;
            }
            errors.add(Diagnostic.error(ErrorCode.GOLDEN_WRONG_COUNT, rows.get(0).loc(),
                    what + " has " + Plural.count(rows.size(), "row") + ", expected " + name + " = " + expected));
            return false;
        }

        /** The values of each row; every row must hold {@code n} values of type {@code t}. */
        private BigInteger[][] rows(List<NumberFile.Row> rows, int n, String nName, IntType t, String input) {
            BigInteger[][] out = new BigInteger[rows.size()][];
            for (int r = 0; r < rows.size(); r++) {
                NumberFile.Row row = rows.get(r);
                List<NumberFile.Token> values = row.values();
                if (values.size() != n) {
                    SourceLoc loc = values.size() > n ? values.get(n).loc() : row.end();
                    errors.add(Diagnostic.error(ErrorCode.GOLDEN_WRONG_COUNT, loc,
                            "row of " + input + " has " + Plural.count(values.size(), "value") + ", expected " + nName
                                    + " = " + n));
                }
                out[r] = new BigInteger[n];
                for (int i = 0; i < n; i++) {
                    if (i >= values.size()) {
                        out[r][i] = BigInteger.ZERO; // filler so the other rows are still checked; the count error stops the run
                        continue;
                    }
                    NumberFile.Token tok = values.get(i);
                    if (!IntArith.fits(tok.value(), t)) {
                        errors.add(Diagnostic.error(ErrorCode.GOLDEN_VALUE_OUT_OF_RANGE, tok.loc(),
                                tok.value() + " is out of range for " + input + " of type " + t + " ["
                                        + t.min() + ", " + t.max() + "]"));
                    }
                    out[r][i] = tok.value();
                }
            }
            return out;
        }

        private static List<List<NumberFile.Row>> groupsOf(NumberFile f) {
            List<List<NumberFile.Row>> out = new ArrayList<>();
            for (NumberFile.Group g : f.groups) {
                out.add(g.rows());
            }
            return out;
        }

        private static List<List<NumberFile.Row>> rowsAsGroups(NumberFile f) {
            List<List<NumberFile.Row>> out = new ArrayList<>();
            for (NumberFile.Row r : f.rows()) {
                out.add(List.of(r));
            }
            return out;
        }
    }
}
