package bitweave.passes;

import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.rtl.RtlDesign;

/** A pass that turns the checked design's top array of one kind into the RTL IR. */
public interface LoweringPass {
    /** Kebab-case name, also used in verifier messages (e.g. {@code lower-systolic-os}). */
    String name();

    /** Whether this pass lowers arrays like {@code top}. */
    boolean accepts(ArraySpec top);

    RtlDesign lower(Design design);
}
