package bitweave.units.mx;

import bitweave.numeric.BlockFormat;
import bitweave.numeric.ElementFormat;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.IntElementFormat;

/**
 * What the MX/BFP hardware of this version builds; the checker refuses the rest with these reasons (the
 * golden library itself has no such limits).
 */
final class HardwareLimits {
    private HardwareLimits() {
    }

    /** Why {@code input} to {@code format} cannot be built, or null. */
    static String quantizer(FloatFormat input, BlockFormat format) {
        ElementFormat e = format.element();
        int bits = e instanceof IntElementFormat i ? i.width() - 1 : ((FloatFormat) e).mantissaBits() + 1;
        if (bits > input.mantissaBits() + 1) {
            return format.name() + " keeps " + bits + " significant bits but " + input + " carries only "
                    + (input.mantissaBits() + 1) + "; quantize from a wider input (fp32)";
        }
        if (e.emax() < 0) {
            return "element " + e + " has no value of 1 or more (emax " + e.emax() + "); the scale rules need emax >= 0";
        }
        return null;
    }
}
