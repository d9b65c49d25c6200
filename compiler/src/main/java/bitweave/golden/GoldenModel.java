package bitweave.golden;

import bitweave.diag.Plural;
import bitweave.ir.AdderTree;
import bitweave.ir.ArraySpec;
import bitweave.ir.Dataflow;
import bitweave.ir.IntType;
import bitweave.ir.PeSpec;
import bitweave.ir.SystolicArray;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs the right unit model for an array over a sequence of problems, from the reset state. Each result is
 * the list of elements of the one output beat the problem produces, in the output field's element order
 * (adder tree: [sum]; output stationary: C row-major; weight stationary: y).
 */
public final class GoldenModel {
    private GoldenModel() {
    }

    /**
     * @throws IllegalArgumentException when a problem is of the wrong kind for {@code top}, has the wrong
     *                                  shape, or holds an operand outside its type
     */
    public static List<List<BigInteger>> run(ArraySpec top, List<? extends Problem> problems) {
        validate(top, problems);
        List<List<BigInteger>> results = new ArrayList<>(problems.size());
        if (top instanceof AdderTree t) {
            AdderTreeModel model = new AdderTreeModel(t);
            for (Problem p : problems) {
                Problem.DotGroup g = (Problem.DotGroup) p;
                results.add(List.of(model.group(g.a(), g.b())));
            }
            return results;
        }
        SystolicArray s = (SystolicArray) top;
        if (s.dataflow() == Dataflow.OUTPUT_STATIONARY) {
            OutputStationaryModel model = new OutputStationaryModel(s);
            for (Problem p : problems) {
                Problem.Tile tile = (Problem.Tile) p;
                List<BigInteger> c = new ArrayList<>();
                for (BigInteger[] row : model.tile(tile.a(), tile.b())) {
                    c.addAll(Arrays.asList(row));
                }
                results.add(c);
            }
            return results;
        }
        WeightStationaryModel model = new WeightStationaryModel(s);
        for (Problem p : problems) {
            Problem.WsVector v = (Problem.WsVector) p;
            if (v.load() != null) {
                model.loadWeights(v.load());
            }
            results.add(Arrays.asList(model.apply(v.x())));
        }
        return results;
    }

    /** Checks kinds, shapes and operand ranges; see {@link #run}. */
    public static void validate(ArraySpec top, List<? extends Problem> problems) {
        PeSpec pe = top.pe();
        for (int i = 0; i < problems.size(); i++) {
            Problem p = problems.get(i);
            String where = "problem " + i;
            if (top instanceof AdderTree t) {
                if (!(p instanceof Problem.DotGroup g)) {
                    throw new IllegalArgumentException(where + ": adder_tree needs DotGroup problems");
                }
                int beats = g.a().length;
                if (beats == 0 || g.b().length != beats || (!t.accumulate() && beats != 1)) {
                    throw new IllegalArgumentException(where + ": bad number of beats " + beats);
                }
                for (int j = 0; j < beats; j++) {
                    checkVector(where + " a[" + j + "]", g.a()[j], t.k(), pe.a());
                    checkVector(where + " b[" + j + "]", g.b()[j], t.k(), pe.b());
                }
            } else {
                SystolicArray s = (SystolicArray) top;
                if (s.dataflow() == Dataflow.OUTPUT_STATIONARY) {
                    if (!(p instanceof Problem.Tile tile)) {
                        throw new IllegalArgumentException(where + ": output_stationary needs Tile problems");
                    }
                    int k = tile.b().length;
                    if (k == 0) {
                        throw new IllegalArgumentException(where + ": K must be >= 1");
                    }
                    checkMatrix(where + " A", tile.a(), s.rows(), k, pe.a());
                    checkMatrix(where + " B", tile.b(), k, s.cols(), pe.b());
                } else {
                    if (!(p instanceof Problem.WsVector v)) {
                        throw new IllegalArgumentException(where + ": weight_stationary needs WsVector problems");
                    }
                    if (v.load() != null) {
                        checkMatrix(where + " W", v.load(), s.rows(), s.cols(), pe.b());
                    }
                    checkVector(where + " x", v.x(), s.rows(), pe.a());
                }
            }
        }
    }

    private static void checkMatrix(String what, BigInteger[][] m, int rows, int cols, IntType t) {
        if (m.length != rows) {
            throw new IllegalArgumentException(what + " must have " + Plural.count(rows, "row") + ", has " + m.length);
        }
        for (int r = 0; r < rows; r++) {
            checkVector(what + " row " + r, m[r], cols, t);
        }
    }

    private static void checkVector(String what, BigInteger[] v, int n, IntType t) {
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
