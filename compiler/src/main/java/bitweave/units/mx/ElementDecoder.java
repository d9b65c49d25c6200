package bitweave.units.mx;

import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.numeric.ElementFormat;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.IntElementFormat;
import java.util.List;

/**
 * An element code taken apart in hardware, from its format's parameters: sign, unsigned significand, shift (a
 * float's exponent field less one, 0 for the subnormals; none for an integer), and the zero/NaN/Inf flags the
 * format has. The block dot product and the block-format arrays share it, and so the lane rules for the
 * specials (NaN, Inf times zero, infinities of either sign).
 */
final class ElementDecoder {
    private ElementDecoder() {
    }

    /** One element; {@code shift}, {@code nan} and {@code inf} are null where the format has none. */
    record Element(Value sign, Value sig, Value shift, Value zero, Value nan, Value inf) {
    }

    static Element decode(FloatOps f, DatapathBuilder g, ElementFormat e, String base, Value code) {
        return decode(f, g, e, base, code, true);
    }

    /** @param flags whether to build the zero/NaN/Inf flags (null without: a value-only decode) */
    static Element decode(FloatOps f, DatapathBuilder g, ElementFormat e, String base, Value code, boolean flags) {
        Value sign = f.top(base + "_sign", code);
        if (e instanceof FloatFormat ff) {
            Value exp = g.slice(base + "_exp", code, ff.mantissaBits(), ff.exponentBits());
            Value frac = g.slice(base + "_frac", code, 0, ff.mantissaBits());
            Value eZero = f.isZero(base + "_exp_zero", exp);
            Value fracZero = flags ? f.isZero(base + "_frac_zero", frac) : null;
            Value sig = f.concat(base + "_sig", g.not(base + "_hidden", eZero), frac);
            // shift = exponent field - 1, 0 for the subnormals (field 0 has the weight of field 1)
            Value shift = g.mux(base + "_shift", eZero, f.constant(base + "_shift0", ff.exponentBits(), 0),
                    f.sub(base + "_shift_n", exp, f.constant(base + "_one", ff.exponentBits(), 1)));
            if (!flags) {
                return new Element(sign, sig, shift, null, null, null);
            }
            Value ones = f.allOnes(base + "_exp_ones", exp);
            Value nan = null;
            Value inf = null;
            switch (ff.specials()) {
                case IEEE -> {
                    nan = g.and(base + "_nan", ones, g.not(base + "_frac_some", fracZero));
                    inf = g.and(base + "_inf", ones, fracZero);
                }
                case NAN_ONLY -> nan = g.and(base + "_nan", ones, f.allOnes(base + "_frac_ones", frac));
                default -> { }
            }
            return new Element(sign, sig, shift, g.and(base + "_zero", eZero, fracZero), nan, inf);
        }
        IntElementFormat ie = (IntElementFormat) e;
        int w = ie.width();
        Value sig = ie.signMagnitude() ? g.slice(base + "_mag", code, 0, w - 1)
                : g.mux(base + "_mag", sign, f.sub(base + "_neg", f.constant(base + "_z", w, 0), code), code);
        return new Element(sign, sig, null, flags ? f.isZero(base + "_zero", sig) : null, null, null);
    }

    /** Whether a lane of formats a x b can be NaN or infinite, so that its codes reach the specials logic. */
    static boolean hasSpecials(ElementFormat a, ElementFormat b) {
        return a.hasNaN() || a.hasInfinity() || b.hasNaN() || b.hasInfinity();
    }

    /**
     * Lane {@code i}'s specials (x from a, y from b) added to the block's lists: a NaN element, Inf times zero
     * (NaN), and an infinite product of either sign.
     */
    static void laneSpecials(FloatOps f, DatapathBuilder g, int i, Element x, Element y, Value negative,
                             List<Value> nans, List<Value> infPos, List<Value> infNeg) {
        Value inf = x.inf() != null && y.inf() != null ? g.or("l" + i + "_inf", x.inf(), y.inf())
                : x.inf() != null ? x.inf() : y.inf();
        if (x.nan() != null) {
            nans.add(x.nan());
        }
        if (y.nan() != null) {
            nans.add(y.nan());
        }
        if (x.inf() != null) {
            nans.add(g.and("l" + i + "_inf_a0", x.inf(), y.zero()));
        }
        if (y.inf() != null) {
            nans.add(g.and("l" + i + "_inf_b0", y.inf(), x.zero()));
        }
        if (inf != null) {
            infPos.add(g.and("l" + i + "_inf_pos", inf, g.not("l" + i + "_pos", negative)));
            infNeg.add(g.and("l" + i + "_inf_neg", inf, negative));
        }
    }

    /** The lane's product sign. */
    static Value productSign(DatapathBuilder g, int i, Element x, Element y) {
        return g.logic("p" + i + "_neg", Op.LogicKind.XOR, x.sign(), y.sign());
    }
}
