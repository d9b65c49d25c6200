package bitweave.rtl;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The kind-specific part of a module. Each record holds only precomputed text (names of submodules,
 * sign-fill expressions, locators, flags); the template named by {@link #templateName()} prints it.
 */
public sealed interface RtlBody
        permits DelayBody, StructuralBody, DatapathBody, AxisWrapBody {
    /** Name of the template in templates/verilog.stg that prints this body. */
    String templateName();

    /** Modules this body instantiates (the verifier checks they exist and come earlier). */
    List<String> instantiates();

    /** The same body with every instantiated module name mapped through {@code rename}. */
    RtlBody renameModules(UnaryOperator<String> rename);
}
