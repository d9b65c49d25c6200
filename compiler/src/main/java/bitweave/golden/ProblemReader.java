package bitweave.golden;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.Plural;
import bitweave.ir.IntType;
import bitweave.ir.SourceLoc;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns parsed input files into problems for a unit's {@link UnitGolden#read}: the row and group checks
 * every kind shares. Errors go to the shared list, so one run reports all of them.
 */
public final class ProblemReader {
    private final List<Diagnostic> errors;

    ProblemReader(List<Diagnostic> errors) {
        this.errors = errors;
    }

    /** Reports a kind-specific error in an input file. */
    public void error(ErrorCode code, SourceLoc loc, String message) {
        errors.add(Diagnostic.error(code, loc, message));
    }

    /** Reports (E0807) unless both files hold as many groups; {@code unit} names a group, e.g. "tile". */
    public void checkSameCount(NumberFile a, List<List<NumberFile.Row>> ga, NumberFile b,
                                List<List<NumberFile.Row>> gb, String unit) {
        if (ga.size() == gb.size()) {
            return;
        }
        SourceLoc extra = ga.size() > gb.size() ? ga.get(gb.size()).get(0).loc() : gb.get(ga.size()).get(0).loc();
        errors.add(Diagnostic.error(ErrorCode.GOLDEN_GROUP_MISMATCH, extra,
                a.displayName + " holds " + Plural.count(ga.size(), unit) + " but " + b.displayName + " holds "
                        + gb.size() + "; they must pair up"));
    }

    /** Reports (E0806) and returns false unless {@code rows} has {@code expected} rows. */
    public boolean checkRowCount(List<NumberFile.Row> rows, int expected, String what, String name) {
        if (rows.size() == expected) {
            return true;
        }
        errors.add(Diagnostic.error(ErrorCode.GOLDEN_WRONG_COUNT, rows.get(0).loc(),
                what + " has " + Plural.count(rows.size(), "row") + ", expected " + name + " = " + expected));
        return false;
    }

    /** The values of each row; every row must hold {@code n} values of type {@code t}. */
    public BigInteger[][] rows(List<NumberFile.Row> rows, int n, String nName, IntType t, String input) {
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

    /** The rows of each group (blank lines separate groups). */
    public static List<List<NumberFile.Row>> groupsOf(NumberFile f) {
        List<List<NumberFile.Row>> out = new ArrayList<>();
        for (NumberFile.Group g : f.groups) {
            out.add(g.rows());
        }
        return out;
    }

    /** Every row as a group of its own (blank lines are only layout). */
    public static List<List<NumberFile.Row>> rowsAsGroups(NumberFile f) {
        List<List<NumberFile.Row>> out = new ArrayList<>();
        for (NumberFile.Row r : f.rows()) {
            out.add(List.of(r));
        }
        return out;
    }
}
