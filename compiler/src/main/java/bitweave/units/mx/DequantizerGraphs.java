package bitweave.units.mx;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.numeric.ElementFormat;
import bitweave.numeric.Encoding;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.IntElementFormat;
import bitweave.numeric.ScaleFormat;

/**
 * The dequantizer's lane: an element code and the block's scale code to one output value. The element's
 * significand (a float's with its hidden bit, an integer's magnitude) is normalized; the exponent of its
 * leading one plus the scale exponent is the output exponent, and {@link Rounder#toFloat} rounds it to
 * nearest even into the output with its subnormals and overflow to Inf. A NaN scale or NaN element gives the
 * output's canonical NaN, an element Inf the output Inf of its sign. Built from the formats' parameters.
 */
final class DequantizerGraphs {
    private final Dequantizer d;
    private final ElementFormat element;
    private final ScaleFormat scale;
    private final FloatFormat out;
    private final int expWidth;

    DequantizerGraphs(Dequantizer d) {
        this.d = d;
        this.element = d.format().element();
        this.scale = d.format().scale();
        this.out = d.output();
        int elementExponent = element instanceof FloatFormat fe ? fe.exponentBits() : 5;
        this.expWidth = Math.max(Math.max(elementExponent, out.exponentBits()), scale.bits()) + 4;
    }

    Datapath laneGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        FloatOps f = new FloatOps(g);
        Value scaleCode = g.input("scale", scale.bits());
        Value code = g.input("code", element.width());
        Value y = g.output("y", out.width());
        int w = expWidth;
        Value sign = f.top("sign", code);
        Value sig;
        Value d;
        Value nan;
        Value inf = null;
        if (element instanceof FloatFormat fe) {
            Value e = g.slice("exp", code, fe.mantissaBits(), fe.exponentBits());
            Value frac = g.slice("frac", code, 0, fe.mantissaBits());
            Value eZero = f.isZero("exp_zero", e);
            Value eEff = g.mux("exp_eff", eZero, f.constant("exp_one", fe.exponentBits(), 1), e);
            sig = f.concat("sig", g.not("hidden", eZero), frac);
            FloatOps.Normalized n = f.normalize("norm", sig);
            sig = n.value();
            // exponent of the leading one = field - lz - bias; plus the scale's code - bias
            d = f.sub("d_lz", f.add("d_sum", f.zeroExtend("d_exp", eEff, w), f.zeroExtend("d_scale", scaleCode, w)),
                    f.zeroExtend("d_shift", n.shift(), w));
            d = f.add("d", d, f.constant("d_offset", w, -fe.bias() - scale.bias()));
            Value eOnes = f.allOnes("exp_ones", e);
            switch (fe.specials()) {
                case IEEE -> {
                    Value fracZero = f.isZero("frac_zero", frac);
                    nan = g.and("elem_nan", eOnes, g.not("frac_some", fracZero));
                    inf = g.and("elem_inf", eOnes, fracZero);
                }
                case NAN_ONLY -> nan = g.and("elem_nan", eOnes, f.allOnes("frac_ones", frac));
                default -> nan = null;
            }
        } else {
            IntElementFormat ie = (IntElementFormat) element;
            int width = ie.width();
            Value magnitude = ie.signMagnitude()
                    ? f.zeroExtend("mag", g.slice("mag_bits", code, 0, width - 1), width)
                    : g.mux("mag", sign, f.sub("mag_neg", f.constant("zero", width, 0), code), code);
            FloatOps.Normalized n = f.normalize("norm", magnitude);
            sig = n.value();
            // exponent of the leading one = (width - 1 - lz) - F; plus the scale's code - bias
            d = f.sub("d_lz", f.zeroExtend("d_scale", scaleCode, w), f.zeroExtend("d_shift", n.shift(), w));
            d = f.add("d", d, f.constant("d_offset", w, width - 1 - ie.fractionBits() - scale.bias()));
            nan = null;
        }
        Value zero = f.isZero("sig_zero", sig);
        Value value = new Rounder(f, g, Encoding.IEEE).toFloat(out, sign, sig, d, zero, w);
        Value scaleNan = f.allOnes("scale_nan", scaleCode);
        Value anyNan = nan == null ? scaleNan : g.or("any_nan", scaleNan, nan);
        if (inf != null) {
            Value infCode = f.concat("inf_code", sign, f.constant("inf_mag", out.width() - 1, out.infinityCode(false)));
            value = g.mux("y_inf", inf, infCode, value);
        }
        g.add(new Op.Mux(y, anyNan, f.constant("nan_code", out.width(), out.nanCode()), value, g.loc()));
        return g.build();
    }
}
