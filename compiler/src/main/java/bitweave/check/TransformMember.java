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
 * keeps the accumulator as an unresolved (sum, carry) pair, so it needs {@code wrap}). The word
 * {@link #RAW_PAIRS} right after {@code compressed_accumulation} keeps the pairs unfused (E0219 elsewhere).
 */
public final class TransformMember {
    public static final String MEMBER = "transform";
    /**
     * The option word after {@code compressed_accumulation}: the array's outputs are the raw (sum, carry)
     * pairs, no fusing adder at the edge (LANGUAGE.md 6.4, INTERFACE.md). A word of the transform member,
     * not a member of its own, so it cannot clash with any kind's members.
     */
    public static final String RAW_PAIRS = "raw_pairs";
    /**
     * The option {@code edge_pipeline N} after {@code compressed_accumulation}: N register stages in the
     * edge adder that fuses the pairs ({@link bitweave.passes.EdgeAdder}); N cycles more latency.
     */
    public static final String EDGE_PIPELINE = "edge_pipeline";

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
        Expr previous = null;
        List<Expr> args = member.args();
        for (int i = 0; i < args.size(); i++) {
            Expr arg = args.get(i);
            Expr before = previous;
            previous = arg;
            if (arg instanceof Expr.NameRef w && w.name().equals(EDGE_PIPELINE)) {
                // an option of compressed_accumulation (possibly after raw_pairs, which leaves no adder)
                boolean afterRaw = before instanceof Expr.NameRef r && r.name().equals(RAW_PAIRS);
                if (afterRaw) {
                    ctx.error(ErrorCode.EDGE_PIPELINE_WITHOUT_EDGE_ADDER, arg.loc(), "'" + EDGE_PIPELINE + "' pipelines"
                            + " the adder that fuses the pairs, and '" + RAW_PAIRS + "' leaves the pairs unfused (no"
                            + " adder): drop one of them");
                    ok = false;
                } else if (!(before instanceof Expr.NameRef p
                        && p.name().equals(Transform.COMPRESSED_ACCUMULATION.dslName()))) {
                    ctx.error(ErrorCode.EDGE_PIPELINE_MISPLACED, arg.loc(), "'" + EDGE_PIPELINE + " N' is an option"
                            + " of compressed_accumulation (the stages of its edge adder) and must follow it:"
                            + " 'transform compressed_accumulation " + EDGE_PIPELINE + " 2'");
                    ok = false;
                }
                if (i + 1 >= args.size()) {
                    ctx.error(ErrorCode.WRONG_ARGUMENT_COUNT, arg.loc(), "'" + EDGE_PIPELINE + "' needs its number of"
                            + " register stages, e.g. '" + EDGE_PIPELINE + " 2'");
                    ok = false;
                } else {
                    i++;  // the stage count, range-checked by edgePipeline()
                    previous = arg;
                }
                continue;
            }
            if (arg instanceof Expr.NameRef w && w.name().equals(RAW_PAIRS)) {
                // an option of the word before it, checked (applicable, legal) there
                if (!(before instanceof Expr.NameRef p && p.name().equals(Transform.COMPRESSED_ACCUMULATION.dslName()))) {
                    ctx.error(ErrorCode.RAW_PAIRS_WITHOUT_COMPRESSED_ACCUMULATION, arg.loc(), "'" + RAW_PAIRS
                            + "' is an option of compressed_accumulation (the pairs it leaves unfused) and must"
                            + " follow it: 'transform compressed_accumulation " + RAW_PAIRS + "'");
                    ok = false;
                }
                continue;
            }
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

    /**
     * The stages of {@code edge_pipeline N} in {@code member} (checked by {@link #parse} without errors,
     * or null): 0 when absent; null (after reporting E0223) when N is not in 0..ACC, since every stage
     * adds at least one bit of the ACC-bit sum.
     */
    public static Integer edgePipeline(Member member, ArrayContext ctx, PeSpec pe) {
        if (member == null) {
            return 0;
        }
        List<Expr> args = member.args();
        for (int i = 0; i + 1 < args.size(); i++) {
            if (args.get(i) instanceof Expr.NameRef w && w.name().equals(EDGE_PIPELINE)) {
                Long n = ctx.inRange(args.get(i + 1), EDGE_PIPELINE, 0, pe.acc().width(),
                        ErrorCode.EDGE_PIPELINE_OUT_OF_RANGE, " (each stage adds at least one bit of the "
                                + pe.acc().width() + "-bit accumulator)");
                return n == null ? null : n.intValue();
            }
        }
        return 0;
    }

    /** Whether {@code member} (checked by {@link #parse} without errors, or null) asks for raw pairs. */
    public static boolean rawPairs(Member member) {
        return member != null && member.args().stream()
                .anyMatch(arg -> arg instanceof Expr.NameRef w && w.name().equals(RAW_PAIRS));
    }
}
