package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.ir.Transform;
import bitweave.parse.Expr;
import bitweave.parse.Member;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code transform NAME...} member of an array body (LANGUAGE.md 6.4), shared by every kind. Each
 * kind says which transforms apply to its shape; a transform it does not apply to is an error (E0216),
 * never silently ignored, and so is one whose legality condition fails (E0217: compressed accumulation
 * keeps the accumulator as an unresolved (sum, carry) pair, so it needs {@code wrap}).
 */
public final class TransformMember {
    public static final String MEMBER = "transform";

    private TransformMember() {
    }

    /**
     * @param member     the member, or null when the body has none (then: no transform)
     * @param applicable the transforms this kind implements for this shape
     * @param shape      the shape as named in messages, e.g. "a weight-stationary systolic array"
     * @param pe         the checked PE (null when it had errors: legality is then not checked)
     * @return the transforms, or null if an error was reported
     */
    public static Set<Transform> parse(Member member, MemberSet members, ArrayContext ctx, Set<Transform> applicable,
                                       String shape, PeSpec pe) {
        Set<Transform> out = EnumSet.noneOf(Transform.class);
        if (member == null) {
            return out;
        }
        if (!members.untyped(member)) {
            return null;
        }
        if (member.args().isEmpty()) {
            ctx.error(ErrorCode.WRONG_ARGUMENT_COUNT, member.loc(), "'transform' names one or more transforms, e.g."
                    + " 'transform compressed_accumulation'");
            return null;
        }
        List<String> names = Arrays.stream(Transform.values()).map(Transform::dslName).toList();
        boolean ok = true;
        for (Expr arg : member.args()) {
            if (!(arg instanceof Expr.NameRef w) || !names.contains(w.name())) {
                String got = arg instanceof Expr.NameRef w ? "'" + w.name() + "'" : "(a number or expression)";
                ctx.error(ErrorCode.BAD_OPTION_VALUE, arg.loc(), "unknown transform " + got + "; expected "
                        + MemberSet.oneOf(names));
                ok = false;
                continue;
            }
            Transform t = Transform.valueOf(w.name().toUpperCase(java.util.Locale.ROOT));
            if (!applicable.contains(t)) {
                ctx.error(ErrorCode.TRANSFORM_NOT_APPLICABLE, arg.loc(), "transform " + t.dslName() + " (" + t.paperName
                        + ") does not apply to " + shape + (applicable.isEmpty() ? "; it takes no transform"
                        : "; it takes " + MemberSet.oneOf(applicable.stream().map(Transform::dslName).toList())));
                ok = false;
                continue;
            }
            if (t == Transform.COMPRESSED_ACCUMULATION && pe != null && pe.policy() != OverflowPolicy.WRAP) {
                ctx.error(ErrorCode.TRANSFORM_NEEDS_WRAP, arg.loc(), "compressed_accumulation keeps the accumulator as"
                        + " a carry-save (sum, carry) pair, whose true value is only known after the final adder; '"
                        + pe.name() + "' saturates, which needs the true sum at every step: use 'acc : "
                        + pe.acc().dslName() + " wrap' or drop the transform");
                ok = false;
                continue;
            }
            out.add(t);
        }
        return ok ? out : null;
    }
}
