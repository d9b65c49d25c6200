package bitweave.units.mx;

import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Value;
import bitweave.numeric.Encoding;
import bitweave.numeric.FloatFormat;

/**
 * IEEE 754 addition of two codes of one float format, rounded to nearest even, in hardware: the larger
 * magnitude (IEEE magnitudes order like unsigned codes) keeps its position with three extra low bits, the
 * smaller is shifted right by the exponent difference with everything shifted out jammed into the lowest bit
 * (a sticky bit), the two are added or subtracted, and {@link Rounder#toFloat} normalizes and rounds once.
 * When the difference is 0 or 1 nothing is lost; when it is 2 or more a subtraction cancels at most one
 * leading bit, so guard, round and sticky suffice and the result is the correctly rounded exact sum. An exact
 * zero sum is +0. NaN, Inf + x and Inf - Inf follow IEEE (the canonical NaN). RTL side only.
 */
final class FloatAdder {
    private final FloatOps f;
    private final DatapathBuilder g;
    private final FloatFormat format;

    FloatAdder(FloatOps f, DatapathBuilder g, FloatFormat format) {
        this.f = f;
        this.g = g;
        this.format = format;
    }

    /** x + y, both codes of the format. */
    Value add(String base, Value x, Value y) {
        int m = format.mantissaBits();
        int e = format.exponentBits();
        int mw = format.width() - 1;
        Value xMag = g.slice(base + "_xm", x, 0, mw);
        Value yMag = g.slice(base + "_ym", y, 0, mw);
        Value ySmaller = g.not(base + "_x_lt", f.lessThan(base + "_xy_lt", xMag, yMag));
        Value big = g.mux(base + "_big", ySmaller, x, y);
        Value small = g.mux(base + "_small", ySmaller, y, x);
        Value bigExp = g.slice(base + "_be", big, m, e);
        Value smallExp = g.slice(base + "_se", small, m, e);
        Value bigZero = f.isZero(base + "_be_zero", bigExp);
        Value smallZero = f.isZero(base + "_se_zero", smallExp);
        Value bigEff = g.mux(base + "_be_eff", bigZero, f.constant(base + "_one", e, 1), bigExp);
        Value smallEff = g.mux(base + "_se_eff", smallZero, f.constant(base + "_one_s", e, 1), smallExp);
        Value bigSig = f.concat(base + "_bs", g.not(base + "_bh", bigZero), g.slice(base + "_bf", big, 0, m),
                f.constant(base + "_grs", 3, 0));
        Value smallSig = f.concat(base + "_ss", g.not(base + "_sh", smallZero), g.slice(base + "_sf", small, 0, m),
                f.constant(base + "_grs_s", 3, 0));
        // the alignment: exponent difference, clamped where everything has become sticky
        Value diff = f.sub(base + "_diff", bigEff, smallEff);
        int sw = m + 4;
        int limitBits = 32 - Integer.numberOfLeadingZeros(sw);
        Value far = f.lessThan(base + "_far", f.constant(base + "_lim", e, sw), diff);
        Value amount = g.mux(base + "_amt", far, f.constant(base + "_lim_b", limitBits, sw),
                e >= limitBits ? g.slice(base + "_amt_lo", diff, 0, limitBits) : f.zeroExtend(base + "_amt_w", diff, limitBits));
        FloatOps.Shifted aligned = f.shiftRightSticky(base + "_al", smallSig, amount);
        Value jammed = g.or(base + "_jam", aligned.value(), f.zeroExtend(base + "_jam_b", aligned.sticky(), sw));
        Value subtract = g.logic(base + "_sub", bitweave.datapath.Op.LogicKind.XOR, f.top(base + "_bsgn", big),
                f.top(base + "_ssgn", small));
        Value a = f.zeroExtend(base + "_a", bigSig, sw + 1);
        Value b = f.zeroExtend(base + "_b", jammed, sw + 1);
        Value sum = g.mux(base + "_sum", subtract, f.sub(base + "_dif", a, b), f.add(base + "_tot", a, b));
        FloatOps.Normalized n = f.normalize(base + "_n", sum);
        Value zero = f.isZero(base + "_zero", sum);
        // value = sum * 2^(bigEff - bias - m - 3); its leading one: (sw - lz) + bigEff - bias - m - 3
        int w = e + 4;
        Value d = f.sub(base + "_d", f.add(base + "_d_e", f.zeroExtend(base + "_d_be", bigEff, w),
                f.constant(base + "_d_c", w, sw - format.bias() - m - 3)), f.zeroExtend(base + "_d_lz", n.shift(), w));
        Value sign = g.and(base + "_sign", f.top(base + "_bsign", big), g.not(base + "_nz", zero));
        Value finite = new Rounder(f, g, Encoding.IEEE).toFloat(format, sign, n.value(), d, zero, w);
        // specials: NaN in, Inf - Inf: NaN; otherwise an Inf operand wins
        Value xInf = infinite(base + "_xi", x);
        Value yInf = infinite(base + "_yi", y);
        Value nan = g.or(base + "_nan", nanCode(base + "_xn", x), nanCode(base + "_yn", y),
                g.and(base + "_ii", xInf, yInf, g.logic(base + "_opp", bitweave.datapath.Op.LogicKind.XOR, f.top(base + "_xs", x),
                        f.top(base + "_ys", y))));
        Value withInf = g.mux(base + "_xinf", xInf, x, g.mux(base + "_yinf", yInf, y, finite));
        return g.mux(base + "_out", nan, f.constant(base + "_qnan", format.width(), format.nanCode()), withInf);
    }

    private Value exponentOnes(String base, Value code) {
        return f.allOnes(base + "_eo", g.slice(base + "_e", code, format.mantissaBits(), format.exponentBits()));
    }

    private Value infinite(String base, Value code) {
        return g.and(base, exponentOnes(base, code), f.isZero(base + "_fz", g.slice(base + "_f", code, 0, format.mantissaBits())));
    }

    private Value nanCode(String base, Value code) {
        return g.and(base, exponentOnes(base, code), f.anyBit(base + "_fa", g.slice(base + "_f", code, 0, format.mantissaBits())));
    }
}
