package bitweave.units.mx;

import bitweave.ir.ArraySpec;
import bitweave.ir.BlockOperands;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.units.addertree.AdderTree;
import bitweave.units.matrix.MatrixArray;
import bitweave.units.systolic.SystolicArray;

/**
 * The shape the block-format arrays share: a grid of ROWS x COLUMNS dot units over K elements (K/block blocks),
 * row r's a vector and column c's b vector meeting in unit (r, c). The adder tree is one row (its N columns
 * share a); the 2D-Matrix is M x N (A's rows, B's columns) and always accumulates until a beat marked last; the
 * output-stationary systolic array is a 2D-Matrix of ROWS x COLS with K = one block, a tile's step being a beat
 * (its lowering differs: {@code LowerBlockSystolic}).
 *
 * @param outField the name of the result field ({@code sum} for the tree, {@code c} for the matrix)
 */
record BlockGrid(String name, PeSpec pe, int rows, int columns, int k, int pipeline, boolean accumulate,
                 boolean sameBitWeight, String outField, SourceLoc loc) {
    /** The grid of an adder tree or a 2D-Matrix whose PE has block-format operands, or null. */
    static BlockGrid of(ArraySpec spec) {
        if (spec instanceof AdderTree t && t.pe().hasBlockOperands()) {
            return new BlockGrid(t.name(), t.pe(), 1, t.columns(), t.k(), t.pipeline(), t.accumulate(),
                    t.sameBitWeight(), "sum", t.loc());
        }
        if (spec instanceof SystolicArray s && s.pe().hasBlockOperands()) {
            // each step is one beat of a 2D-Matrix with K = one block; a tile is an accumulate group
            return new BlockGrid(s.name(), s.pe(), s.rows(), s.cols(), s.pe().blocks().blockSize(), 0, true, false, "c",
                    s.loc());
        }
        if (spec instanceof MatrixArray m && m.pe().hasBlockOperands()) {
            return new BlockGrid(m.name(), m.pe(), m.m(), m.n(), m.k(), m.pipeline(), true, m.sameBitWeight(), "c",
                    m.loc());
        }
        return null;
    }

    BlockOperands formats() {
        return pe.blocks();
    }

    /** Blocks per dot unit per beat. */
    int blocks() {
        return k / pe.blocks().blockSize();
    }

    boolean isMatrix() {
        return outField.equals("c");
    }
}
