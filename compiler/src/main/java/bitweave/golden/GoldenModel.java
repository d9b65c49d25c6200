package bitweave.golden;

import bitweave.diag.Plural;
import bitweave.ir.ArraySpec;
import bitweave.ir.IntType;
import bitweave.units.UnitKinds;
import java.math.BigInteger;
import java.util.List;

/**
 * Runs the unit model of an array (its kind's {@link UnitGolden}) over a sequence of problems, from the
 * reset state. Each result is the list of elements of the one output beat the problem produces, in the
 * output field's element order (adder tree: [sum]; output stationary: C row-major; weight stationary: y).
 */
public final class GoldenModel {
    private GoldenModel() {
    }

    /** The golden side of {@code top}'s kind. */
    public static UnitGolden unit(ArraySpec top) {
        return UnitKinds.of(top).golden(top);
    }

    /**
     * @throws IllegalArgumentException when a problem is of the wrong kind for {@code top}, has the wrong
     *                                  shape, or holds an operand outside its type
     */
    public static List<List<BigInteger>> run(ArraySpec top, List<? extends Problem> problems) {
        UnitGolden unit = unit(top);
        validate(unit, problems);
        return unit.run(problems);
    }

    /** Checks kinds, shapes and operand ranges; see {@link #run}. */
    public static void validate(ArraySpec top, List<? extends Problem> problems) {
        validate(unit(top), problems);
    }

    private static void validate(UnitGolden unit, List<? extends Problem> problems) {
        for (int i = 0; i < problems.size(); i++) {
            unit.validate(problems.get(i), "problem " + i);
        }
    }

    /** For {@link UnitGolden#validate}: {@code m} is rows x cols, every value of type {@code t}. */
    public static void checkMatrix(String what, BigInteger[][] m, int rows, int cols, IntType t) {
        if (m.length != rows) {
            throw new IllegalArgumentException(what + " must have " + Plural.count(rows, "row") + ", has " + m.length);
        }
        for (int r = 0; r < rows; r++) {
            checkVector(what + " row " + r, m[r], cols, t);
        }
    }

    /** For {@link UnitGolden#validate}: {@code v} has n values of type {@code t}. */
    public static void checkVector(String what, BigInteger[] v, int n, IntType t) {
        if (v.length != n) {
            throw new IllegalArgumentException(what + " must have " + Plural.count(n, "value") + ", has " + v.length);
        }
        for (BigInteger x : v) {
            if (!IntArith.fits(x, t)) {
                throw new IllegalArgumentException(what + ": " + x + " does not fit " + t);
            }
        }
    }
}
