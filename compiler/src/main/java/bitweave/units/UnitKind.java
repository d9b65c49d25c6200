package bitweave.units;

import bitweave.check.ArrayContext;
import bitweave.emit.GoldenJavaUnit;
import bitweave.golden.UnitGolden;
import bitweave.ir.ArraySpec;
import bitweave.ir.PeSpec;
import bitweave.parse.Decl;
import bitweave.passes.LoweringPass;
import java.util.List;

/**
 * One unit kind (array shape): everything a phase needs to know about it, found in one package
 * ({@code bitweave.units.<kind>}) and registered once in {@link UnitKinds#ALL}. The phases hold only
 * what all kinds share and ask the registry for the rest; README.md ("How to add a unit kind") lists
 * the files a new kind touches.
 *
 * <p>The kind's record (its {@link ArraySpec}) carries the port contract
 * ({@link ArraySpec#topInterface}). The golden side ({@link #golden}) and the RTL side
 * ({@link #loweringPasses}) are separate classes that never refer to each other: the golden model is the
 * numeric definition that co-simulation holds the RTL to (GoldenSeparationTest checks it).
 *
 * <p>Methods that take an {@code ArraySpec} are only called with one of this kind's records
 * ({@link #owns} is true), so they may cast.
 */
public interface UnitKind {
    // ---- the DSL: array NAME = <dslName>(<arguments>) of PE { <members> } ----

    /** The kind as written in the DSL, e.g. {@code systolic}. */
    String dslName();

    /**
     * Whether the name after {@code of} is a PE (the MAC arrays). A kind that returns false reads that name
     * itself (the quantizer: {@code quantizer() of fp32}, the input format) and its record's
     * {@link ArraySpec#pe()} is null.
     */
    default boolean ofNamesPe() {
        return true;
    }

    /**
     * Whether the kind builds PEs with block-format operands ({@code a : mxint8}, LANGUAGE.md 5.3); the checker
     * refuses such a PE for the other kinds.
     */
    default boolean takesBlockOperands() {
        return false;
    }

    /**
     * Whether the kind derives an exact accumulator itself when the PE leaves {@code acc} out
     * ({@link PeSpec#accLeftOut}); for the other kinds the checker reports the missing member.
     */
    default boolean derivesAcc() {
        return false;
    }

    /** How the arguments read in messages, e.g. "ROWS, COLS"; the checker enforces their count first. */
    List<String> argNames();

    /**
     * Checks the arguments' values and the body; reports errors through {@code ctx}.
     *
     * @param pe the checked PE, or null when the PE had errors (then check what can be checked)
     * @return the array, or null if an error was reported or pe is null
     */
    ArraySpec check(Decl.Array decl, PeSpec pe, ArrayContext ctx);

    // ---- the checked record ----

    /** Whether {@code spec} is one of this kind's records. */
    boolean owns(ArraySpec spec);

    /** The shape in one line for reports and CLI messages, e.g. "systolic 4x4 output_stationary". */
    String describe(ArraySpec spec);

    // ---- the golden side (numbers only, never the RTL side) ----

    /** The golden model, stimulus and golden text format of {@code spec}. */
    UnitGolden golden(ArraySpec spec);

    /** The kind's part of the emitted Java golden model ({@code <Name>Golden.java}); null: none is emitted. */
    GoldenJavaUnit goldenJava(ArraySpec spec);

    // ---- the RTL side ----

    /** Every lowering pass of this kind, in a fixed order; the pipeline runs the one that accepts the top. */
    List<LoweringPass> loweringPasses();
}
