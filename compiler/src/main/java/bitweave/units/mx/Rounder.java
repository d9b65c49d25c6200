package bitweave.units.mx;

import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.numeric.Encoding;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.Rounding;

/**
 * The one rounding step of a conversion, in hardware: a right shift that keeps a guard and a sticky bit, an
 * increment chosen by the rounding rule, and for a float target the code built from it with its overflow
 * policy. The quantizer uses it into the element format, the dequantizer into FP32/BF16. RTL side only.
 */
final class Rounder {
    private final FloatOps f;
    private final DatapathBuilder g;
    private final Encoding encoding;

    Rounder(FloatOps f, DatapathBuilder g, Encoding encoding) {
        this.f = f;
        this.g = g;
        this.encoding = encoding;
    }

    /**
     * The rounded, kept bits of {@code sig >> amount} ({@code keep} bits, plus one for the carry): amount is
     * clamped so everything past the width is sticky.
     */
    Value shiftAndRound(Value sig, Value amount, int keep) {
        int limit = sig.width() + 1;
        int amountBits = 32 - Integer.numberOfLeadingZeros(limit);
        Value big = f.lessThan("shift_big", f.constant("shift_limit", amount.width(), limit), amount);
        Value clamped = g.mux("shift_amount", big, f.constant("shift_max", amountBits, limit),
                g.slice("shift_low", amount, 0, amountBits));
        Value wide = f.concat("shift_in", sig, f.constant("shift_grs", 2, 0));
        FloatOps.Shifted s = f.shiftRightSticky("shift", wide, clamped);
        Value kept = g.slice("kept", s.value(), 2, keep);
        Value guard = g.bit("guard", s.value(), 1);
        Value sticky = g.or("sticky", s.sticky(), g.bit("round_bit", s.value(), 0));
        Value up = switch (encoding.rounding()) {
            case NEAREST_EVEN -> g.and("round_up", guard, g.or("round_odd", sticky, g.bit("kept_lsb", kept, 0)));
            case NEAREST_AWAY -> guard;
            case TRUNCATE -> null;
        };
        Value widened = f.zeroExtend("kept_wide", kept, keep + 1);
        return up == null ? widened : f.add("rounded", widened, f.zeroExtend("round_inc", up, keep + 1));
    }

    /**
     * The code of sign * sig * 2^(d - top) in {@code target}, where sig is normalized (its top bit, bit
     * {@code top}, is its leading one) and d is the exponent of that leading one ({@code expWidth} bits,
     * two's complement); {@code zero} forces a zero of the given sign. The magnitude code is
     * (exponent field - 1) * 2^M plus the rounded significand with its hidden bit, so a rounding carry moves
     * into the next binade by itself; a target subnormal is shifted further right.
     */
    Value toFloat(FloatFormat target, Value sign, Value sig, Value d, Value zero, int expWidth) {
        int me = target.mantissaBits();
        // a significand narrower than the target's is widened at the bottom: the value is unchanged
        Value padded = sig.width() >= me + 1 ? sig
                : f.concat("sig_padded", sig, f.constant("sig_pad", me + 1 - sig.width(), 0));
        int m = padded.width() - 1;
        int w = expWidth;
        int mw = target.width() - 1; // magnitude code width
        // v = exponent field - 1; negative means a subnormal of the target, shifted further right
        Value v = f.add("elem_exp", d, f.constant("elem_bias", w, target.bias() - 1));
        Value sub = f.top("elem_sub", v);
        Value base = g.mux("elem_base", sub, f.constant("elem_base0", w, 0), v);
        Value amount = g.mux("elem_shift", sub, f.sub("elem_shift_sub", f.constant("elem_drop_s", w, m - me), v),
                f.constant("elem_drop", w, m - me));
        Value rounded = shiftAndRound(padded, amount, me + 1); // me + 2 bits: hidden, fraction, carry
        int cw = mw + 2;
        Value codeMag = f.add("mag_sum", weightedBase(base, cw, me), f.zeroExtend("mag_sig", rounded, cw));
        Value bigBase = f.lessThan("base_big", f.constant("base_limit", w, (1L << target.exponentBits()) - 1), base);
        Value overflow = g.or("overflow", bigBase,
                f.lessThan("mag_over", f.constant("mag_max", cw, target.maxFiniteCode()), codeMag));
        Value mag = g.mux("mag_fit", overflow, f.constant("mag_ovf", mw, overflowMagnitude(target)),
                g.slice("mag_code", codeMag, 0, mw));
        mag = g.mux("mag", zero, f.constant("mag_zero", mw, 0), mag);
        Value signOut = encoding.negativeZero() ? sign
                : g.and("sign_out", sign, g.not("mag_is_zero", f.isZero("mag_zero_test", mag)));
        return f.concat("elem_code", signOut, mag);
    }

    /** base * 2^me in cw bits (base is below 2^(cw - me) whenever it is used: a larger one overflows). */
    private Value weightedBase(Value base, int cw, int me) {
        Value low = g.slice("base_low", base, 0, Math.min(base.width(), cw - me));
        Value out = g.fresh("base_weighted", cw);
        g.add(new Op.ShiftLeft(out, f.zeroExtend("base_wide", low, cw), me, g.loc()));
        return out;
    }

    /** What an overflowing value becomes (dsl/LANGUAGE.md 4.1): the largest finite, or Inf/NaN without saturation. */
    private long overflowMagnitude(FloatFormat target) {
        if (encoding.saturate() || encoding.rounding() == Rounding.TRUNCATE
                || target.specials() == FloatFormat.Specials.NONE) {
            return target.maxFiniteCode();
        }
        return target.hasInfinity() ? target.infinityCode(false) : target.nanCode();
    }
}
