package bitweave.check;

import bitweave.ir.ArraySpec;
import bitweave.ir.PeSpec;
import bitweave.parse.Decl;

import java.util.List;

/**
 * The rules of one array kind ({@code systolic}, {@code adder_tree}, ...): how many arguments it
 * takes and which body members it accepts. A new kind is a new implementation registered in
 * {@link ArrayChecker}; the grammar does not change.
 */
interface ArrayKind {
    /** The kind as written in the DSL. */
    String name();

    /** How the arguments read in messages, e.g. "ROWS, COLS". */
    List<String> argNames();

    /**
     * Checks the arguments' values and the body; reports errors through {@code ctx}.
     *
     * @param pe the checked PE, or null when the PE had errors (then check what can be checked)
     * @return the array, or null if an error was reported or pe is null
     */
    ArraySpec check(Decl.Array decl, PeSpec pe, ArrayContext ctx);
}
