package bitweave.units.mx;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.numeric.ElementFormat;
import bitweave.numeric.Encoding;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.FpValue;
import bitweave.numeric.IntElementFormat;
import bitweave.numeric.ScaleFormat;
import bitweave.numeric.ScaleRule;
import bitweave.numeric.SpecialsPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * The quantizer's two datapath graphs, built from the parameters of its formats (widths, biases, largest
 * codes), never from the golden library's conversions.
 *
 * <p>Scale: the block maximum amax is the largest magnitude bit pattern (IEEE magnitudes order like unsigned
 * integers); its exponent field, or for a subnormal amax its normalized significand, gives floor(log2 amax),
 * and the rule adds one when the significand says so (ceil: not a power of two; rceil: fraction above the
 * element maximum's; even: the top element-width bits all ones, so rounding would carry). The code is that
 * exponent minus emax plus the scale bias, clamped to 0..max.
 *
 * <p>Lane: the value's significand is normalized (subnormal inputs), its exponent relative to the scale gives
 * the element exponent; one right shift (extra for element subnormals) leaves the kept bits, a guard bit and
 * a sticky bit, and one increment rounds. The magnitude code is (exponent field - 1) * 2^M + the rounded
 * significand with its hidden bit, so a rounding carry moves to the next binade by itself; beyond the
 * largest finite code the overflow policy decides.
 */
final class QuantizerGraphs {
    private final Quantizer q;
    private final FloatFormat in;
    private final ScaleFormat scale;
    private final ElementFormat element;
    private final Encoding encoding;
    /** Width of the signed exponent arithmetic: every biased exponent and scale code fits with room. */
    private final int expWidth;

    QuantizerGraphs(Quantizer q) {
        this.q = q;
        this.in = q.input();
        this.scale = q.format().scale();
        this.element = q.format().element();
        this.encoding = q.rule().encoding();
        this.expWidth = Math.max(in.exponentBits(), scale.bits()) + 4;
    }

    /** Whether the scale module tells the lanes that the block is NaN (the default specials policy). */
    boolean blockNaN() {
        return q.rule().specials() == SpecialsPolicy.BLOCK;
    }

    /** The input's significand with the hidden bit, its exponent field (subnormals: 1) and flags. */
    private record Fields(Value sign, Value exponent, Value significand, Value specialExponent, Value fractionZero) {
    }

    private Fields fields(FloatOps f, DatapathBuilder g, String base, Value x) {
        int m = in.mantissaBits();
        Value e = g.slice(base + "_exp", x, m, in.exponentBits());
        Value frac = g.slice(base + "_frac", x, 0, m);
        Value eZero = f.isZero(base + "_exp_zero", e);
        Value eEff = g.mux(base + "_exp_eff", eZero, f.constant(base + "_one", in.exponentBits(), 1), e);
        Value sig = f.concat(base + "_sig", g.not(base + "_hidden", eZero), frac);
        return new Fields(g.bit(base + "_sign", x, in.width() - 1), eEff, sig, f.allOnes(base + "_special", e),
                f.isZero(base + "_frac_zero", frac));
    }

    // ---- the scale ----

    Datapath scaleGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        FloatOps f = new FloatOps(g);
        int k = q.blockSize();
        Value x = g.input("x", k * in.width());
        Value scaleOut = g.output("scale", scale.bits());
        Value nanOut = blockNaN() ? g.output("block_nan", 1) : null;
        List<Value> keys = new ArrayList<>();
        List<Value> specials = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            Value lane = g.slice("x" + i, x, i * in.width(), in.width());
            Value magnitude = g.slice("mag" + i, lane, 0, in.width() - 1);
            Value special = f.allOnes("special" + i, g.slice("exp" + i, lane, in.mantissaBits(), in.exponentBits()));
            specials.add(special);
            // per lane, a NaN/Inf lane takes no part in the maximum (with block NaN the block is NaN anyway)
            keys.add(blockNaN() ? magnitude : g.mux("key" + i, special, f.constant("key_none", in.width() - 1, 0), magnitude));
        }
        Value amax = f.maximum("amax", keys);
        Fields a = fields(f, g, "amax", f.concat("amax_code", f.constant("amax_pos", 1, 0), amax));
        FloatOps.Normalized n = f.normalize("amax_norm", a.significand());
        Value fraction = g.slice("amax_nfrac", n.value(), 0, in.mantissaBits());
        int w = expWidth;
        // T = floor(log2 amax) + bias_in (the normalized exponent) - bias_in - emax + inc + bias_scale
        Value t = f.sub("t_lz", f.zeroExtend("t_exp", a.exponent(), w), f.zeroExtend("t_shift", n.shift(), w));
        t = f.add("t_biased", t, f.constant("t_offset", w, scale.bias() - in.bias() - element.emax()));
        Value inc = increment(f, g, fraction);
        if (inc != null) {
            t = f.add("t_rule", t, f.zeroExtend("t_inc", inc, w));
        }
        long maxCode = scale.maxCode();
        Value below = g.or("scale_low", f.top("t_negative", t), f.isZero("amax_zero", amax));
        Value above = f.lessThan("scale_high", f.constant("scale_max", w, maxCode), t);
        Value clamped = g.mux("scale_clamped", below, f.constant("scale_min", scale.bits(), 0),
                g.mux("scale_top", above, f.constant("scale_top_code", scale.bits(), maxCode),
                        g.slice("scale_t", t, 0, scale.bits())));
        if (blockNaN()) {
            Value anySpecial = specials.size() == 1 ? specials.get(0) : g.or("any_special", specials.toArray(new Value[0]));
            g.add(new Op.Mux(scaleOut, anySpecial, f.constant("scale_nan", scale.bits(), scale.nanCode()), clamped, g.loc()));
            g.add(new Op.Extend(nanOut, anySpecial, false, g.loc()));
        } else {
            g.add(new Op.Extend(scaleOut, clamped, false, g.loc()));
        }
        return g.build();
    }

    /** The scale rule's +1 from the normalized fraction of amax (null for floor). */
    private Value increment(FloatOps f, DatapathBuilder g, Value fraction) {
        int m = in.mantissaBits();
        ScaleRule rule = q.rule().rule();
        switch (rule) {
            case FLOOR:
                return null;
            case CEIL:
                return g.not("inc_ceil", f.isZero("amax_pow2", fraction));
            case RCEIL: {
                FpValue max = element.maxFinite();
                int lead = max.significand().bitLength() - 1;
                long maxFraction = max.significand().longValueExact() - (1L << lead);
                return f.lessThan("inc_rceil", f.constant("max_fraction", m, maxFraction << (m - lead)), fraction);
            }
            case EVEN: {
                int drop = m - element.mantissaBits();
                if (drop <= 0) {
                    return null;
                }
                return f.allOnes("inc_even", g.slice("amax_top", fraction, drop - 1, m - drop + 1));
            }
            default:
                throw new IllegalStateException("scale rule " + rule);
        }
    }

    // ---- one lane ----

    Datapath laneGraph(String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        FloatOps f = new FloatOps(g);
        Value x = g.input("x", in.width());
        Value scaleCode = g.input("scale", scale.bits());
        Value blockNan = blockNaN() ? g.input("block_nan", 1) : null;
        Value code = g.output("code", element.width());
        Fields v = fields(f, g, "in", x);
        FloatOps.Normalized n = f.normalize("norm", v.significand());
        int w = expWidth;
        // d = floor(log2 |x|) - scale exponent = (exp - lz - bias_in) - (code - bias_scale)
        Value d = f.sub("d_lz", f.zeroExtend("d_exp", v.exponent(), w), f.zeroExtend("d_shift", n.shift(), w));
        d = f.sub("d_scaled", d, f.zeroExtend("d_scale", scaleCode, w));
        d = f.add("d", d, f.constant("d_offset", w, scale.bias() - in.bias()));
        Value zeroIn = g.and("in_zero", g.not("in_no_hidden", g.bit("in_hidden", v.significand(), in.mantissaBits())),
                v.fractionZero());
        Value finite = element instanceof FloatFormat fe
                ? new Rounder(f, g, encoding).toFloat(fe, v.sign(), n.value(), d, zeroIn, w)
                : intElement(f, g, (IntElementFormat) element, v.sign(), n.value(), d, zeroIn);
        Value result = finite;
        if (!blockNaN()) {
            result = g.mux("code_special", v.specialExponent(), laneSpecial(f, g, v), finite);
        } else {
            result = g.mux("code_nan", blockNan, f.constant("code_zero", element.width(), 0), finite);
        }
        g.add(new Op.Extend(code, result, false, g.loc()));
        return g.build();
    }

    /** Per-lane NaN/Inf: NaN (or Inf where the element has no Inf) gives the element NaN, Inf gives Inf; signed. */
    private Value laneSpecial(FloatOps f, DatapathBuilder g, Fields v) {
        FloatFormat fe = (FloatFormat) element;
        int mw = fe.width() - 1;
        Value nan = f.constant("nan_mag", mw, fe.nanCode());
        Value mag = fe.hasInfinity()
                ? g.mux("special_mag", v.fractionZero(), f.constant("inf_mag", mw, fe.infinityCode(false)), nan) : nan;
        return f.concat("special_code", v.sign(), mag);
    }

    private Value intElement(FloatOps f, DatapathBuilder g, IntElementFormat ie, Value sign, Value sig, Value d,
                             Value zeroIn) {
        int w = expWidth;
        int m = in.mantissaBits();
        int width = ie.width();
        // code = round(sig * 2^(d + F - m)): a right shift by m - F - d; a negative shift is past every limit
        Value amount = f.sub("int_shift", f.constant("int_drop", w, m - ie.fractionBits()), d);
        Value tooBig = f.top("int_shift_negative", amount);
        Value rounded = new Rounder(f, g, encoding).shiftAndRound(sig, amount, m + 1); // m + 2 bits
        int rw = rounded.width();
        long max = ie.maxMagnitude();
        Value limit = encoding.integerMinimum() && !ie.signMagnitude()
                ? g.mux("int_limit", sign, f.constant("int_limit_neg", rw, max + 1), f.constant("int_limit_pos", rw, max))
                : f.constant("int_limit", rw, max);
        // a zero's exponent is meaningless (it may even look huge), so a zero never overflows
        Value overflow = g.and("int_overflow", g.not("int_nonzero", zeroIn),
                g.or("int_beyond", tooBig, f.lessThan("int_over", limit, rounded)));
        Value mag = g.slice("int_mag", g.mux("int_fit", overflow, limit, rounded), 0, width);
        if (ie.signMagnitude()) {
            Value signOut = encoding.negativeZero() ? sign
                    : g.and("sign_out", sign, g.not("int_is_zero", f.isZero("int_zero_test", mag)));
            return f.concat("int_code", signOut, g.slice("int_mag_bits", mag, 0, width - 1));
        }
        Value negated = f.sub("int_neg", f.constant("int_zero", width, 0), mag);
        return g.mux("int_code", sign, negated, mag);
    }
}
