package bitweave.golden;

import bitweave.ir.TopInterface;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The golden side of one checked array, written by its unit kind ({@code bitweave.units.UnitKind#golden}):
 * the numeric model, the co-simulation stimulus and the golden text format (dsl/INTERFACE.md,
 * dsl/GOLDEN.md). {@link GoldenModel}, {@link Stimulus} and {@link GoldenText} hold what every kind
 * shares (validation loop, beat packing, overflow runs, number files, diagnostics) and call this for the
 * rest. An implementation never refers to the RTL side (rtl, passes, lowering passes).
 */
public interface UnitGolden {
    // ---- the model ----

    /**
     * Checks that {@code p} is one of this unit's problems, of the right shape, with operands in range.
     *
     * @param where names the problem in the message, e.g. "problem 3"
     * @throws IllegalArgumentException otherwise
     */
    void validate(Problem p, String where);

    /**
     * The results of validated problems, run in order from the reset state: for each problem the elements
     * of the one output beat it produces, in the output field's element order.
     */
    List<List<BigInteger>> run(List<? extends Problem> problems);

    /** Columns of the output when it is a row-major matrix (mismatch messages name C[r][c]), else 0. */
    int outputMatrixCols();

    // ---- stimulus ----

    /**
     * Corner cases, in a fixed order. {@code limit} lets an implementation stop before building large
     * overflow runs nobody will simulate; returning more than {@code limit} is fine.
     */
    List<Problem> corners(ValueSource a, ValueSource b, int limit);

    /** One seeded random problem; operands come from {@code a} and {@code b}, choices from {@code random}. */
    Problem random(ValueSource a, ValueSource b, Random random);

    /**
     * The input beats of one problem in the order the harness offers them; build each with
     * {@link Stimulus#beat}.
     */
    List<Beat> inputBeats(Problem p, int vector, TopInterface iface);

    // ---- golden text (dsl/GOLDEN.md) ----

    /**
     * Whether the input files hold words other than integers ({@code 1.5}, {@code nan}): then every word
     * reaches {@link #read} as a token with its text, and the unit reports the ones it cannot read.
     */
    default boolean readsWords() {
        return false;
    }

    /** The input names ({@code --in NAME=FILE}), in the order the documentation lists them. */
    List<String> inputNames();

    /**
     * Problems from the parsed input files (one per name of {@link #inputNames}); shape and range errors
     * are reported through {@code reader}, which also holds the shared row checks.
     */
    List<Problem> read(Map<String, NumberFile> files, ProblemReader reader);

    /** The output text of {@link #run}'s results. */
    String format(List<List<BigInteger>> results);

    /** The input texts (input name to file content) that {@link #read} turns back into {@code problems}. */
    Map<String, String> inputTexts(List<? extends Problem> problems);
}
