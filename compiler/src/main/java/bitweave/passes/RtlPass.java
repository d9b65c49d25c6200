package bitweave.passes;

import bitweave.rtl.RtlDesign;

/** A transformation of the RTL IR (runs after lowering; the verifier runs after each one). */
public interface RtlPass {
    /** Kebab-case name, also used in verifier messages (e.g. {@code legalize-names}). */
    String name();

    RtlDesign run(RtlDesign design);
}
