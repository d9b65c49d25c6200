package bitweave.ir;

import java.util.List;
import java.util.Map;

/**
 * A checked design: every name resolved, every parameter a number, every width in range. This is what
 * the back ends (passes + emit, golden model, co-sim) consume; none of them look at the AST.
 *
 * @param name       the {@code design} name; generated names start with {@link #unitName()}
 * @param sourcePath the source path exactly as the user gave it; diagnostics and every SourceLoc use it
 * @param source     how generated files name the source (file name and content hash, see {@link SourceId});
 *                   never the path, so output does not depend on the working directory
 * @param params     resolved parameter values in declaration order (after {@code -P} overrides)
 * @param overrides  the {@code -P} overrides that were applied, in the order given (for provenance)
 * @param pes        every PE declared
 * @param arrays     every array declared
 * @param top        the array that is the design's top (the one named {@code top}, else the last)
 */
public record Design(String name, String sourcePath, SourceId source, Map<String, Long> params, Map<String, Long> overrides,
                     List<PeSpec> pes, List<ArraySpec> arrays, ArraySpec top) {
    /**
     * What every generated module and file name of this compile starts with: the design name, or
     * {@code <design>_<top array>} when the design declares several arrays (see {@link GeneratedNames}).
     */
    public String unitName() {
        return GeneratedNames.unitName(name, top.name(), arrays.size());
    }

    /** The design with its top built the plain way ({@link ArraySpec#baseline()}); names stay the same. */
    public Design baseline() {
        ArraySpec plain = top.baseline();
        List<ArraySpec> newArrays = arrays.stream().map(a -> a == top ? plain : a).toList();
        return new Design(name, sourcePath, source, params, overrides, pes, newArrays, plain);
    }

    /** Whether the top is built any other way than {@link #baseline()} (so there is something to prove). */
    public boolean hasStructureToProve() {
        return !top.baseline().equals(top);
    }
}
