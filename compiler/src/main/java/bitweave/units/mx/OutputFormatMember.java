package bitweave.units.mx;

import bitweave.check.ArrayContext;
import bitweave.check.MemberSet;
import bitweave.diag.ErrorCode;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.FormatNames;
import bitweave.parse.Expr;
import bitweave.parse.Member;

/**
 * The {@code to} member of the units that write floats (dequantizer, block_dot): an IEEE-style format, since
 * NaN and overflow need its NaN and Inf; fp32 when absent.
 */
final class OutputFormatMember {
    private OutputFormatMember() {
    }

    /** The format, or null if an error was reported. */
    static FloatFormat read(MemberSet members, ArrayContext ctx, String unit) {
        Member to = members.optional("to");
        if (to == null) {
            return FloatFormat.FP32;
        }
        if (!members.untyped(to) || !members.argCount(to, 1, "to fp32")) {
            return null;
        }
        Expr arg = to.args().get(0);
        FloatFormat f = arg instanceof Expr.NameRef w ? FormatNames.scalar(w.name()).orElse(null) : null;
        if (f == null || f.specials() != FloatFormat.Specials.IEEE) {
            ctx.error(ErrorCode.UNKNOWN_TYPE, arg.loc(), "a " + unit + " writes fp32, bf16, fp16 or fp_eXmY (a format"
                    + " with Inf and NaN), not " + (arg instanceof Expr.NameRef w ? "'" + w.name() + "'"
                    : "(a number or expression)"));
            return null;
        }
        return f;
    }
}
