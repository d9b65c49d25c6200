package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.parse.Decl;
import bitweave.parse.Expr;
import bitweave.parse.Member;

import java.util.List;

/**
 * Phase 2b, PEs: a PE is operand {@code a}, operand {@code b} and accumulator {@code acc}, which must
 * name its overflow policy (a narrower-than-exact accumulator is never silently truncated).
 */
final class PeChecker {
    private static final List<String> MEMBERS = List.of("a", "b", "acc");
    private static final List<String> POLICIES = List.of("wrap", "saturate");

    private final TypeDecoder types;
    private final Reporter reporter;

    PeChecker(TypeDecoder types, Reporter reporter) {
        this.types = types;
        this.reporter = reporter;
    }

    /** @return the PE, or null if an error was reported */
    PeSpec check(Decl.Pe pe) {
        String owner = "pe '" + pe.name() + "'";
        MemberSet members = new MemberSet(pe.members(), MEMBERS, owner, pe.nameLoc(), reporter);
        IntType a = operand(members.require("a", "a : int8"), owner);
        IntType b = operand(members.require("b", "b : int8"), owner);
        Member accMember = members.require("acc", "acc : int32 wrap");
        IntType acc = accMember == null ? null : typeOf(accMember, owner);
        // without a type the member is already reported as malformed; its words are not policies
        OverflowPolicy policy = accMember == null || accMember.type() == null ? null : policy(accMember, acc);
        if (a == null || b == null || acc == null || policy == null) {
            return null;
        }
        return new PeSpec(pe.name(), a, b, acc, policy, pe.nameLoc());
    }

    private IntType operand(Member m, String owner) {
        if (m == null) {
            return null;
        }
        IntType type = typeOf(m, owner);
        if (m.type() != null && !m.args().isEmpty()) {
            reporter.error(ErrorCode.BAD_MODIFIER, m.args().get(0).loc(), "operand '" + m.name()
                    + "' takes no modifiers; only 'acc' has an overflow policy");
            return null;
        }
        return type;
    }

    private IntType typeOf(Member m, String owner) {
        if (m.type() == null) {
            // 'a int8' (colon forgotten) is the usual cause: show the fix with the user's own words
            boolean allWords = !m.args().isEmpty() && m.args().stream().allMatch(e -> e instanceof Expr.NameRef);
            String example = allWords
                    ? String.join(" ", m.args().stream().map(e -> ((Expr.NameRef) e).name()).toList())
                    : (m.name().equals("acc") ? "int32 wrap" : "int8");
            reporter.error(ErrorCode.MISSING_TYPE, m.loc(), "'" + m.name() + "' in " + owner + " needs a type: write '"
                    + m.name() + " : " + example + "'");
            return null;
        }
        return types.decode(m.type());
    }

    private OverflowPolicy policy(Member acc, IntType accType) {
        if (acc.args().isEmpty()) {
            String t = accType == null ? acc.type().name() : accType.dslName();
            reporter.error(ErrorCode.MISSING_POLICY, acc.loc(), "accumulator 'acc' needs an overflow policy: '"
                    + "acc : " + t + " wrap' or 'acc : " + t + " saturate'");
            return null;
        }
        Expr first = acc.args().get(0);
        if (!(first instanceof Expr.NameRef word) || !POLICIES.contains(word.name())) {
            String what = first instanceof Expr.NameRef w ? "'" + w.name() + "'" : "(a number or expression)";
            reporter.error(ErrorCode.BAD_MODIFIER, first.loc(), "unknown overflow policy " + what
                    + "; expected wrap or saturate");
            return null;
        }
        if (acc.args().size() > 1) {
            reporter.error(ErrorCode.BAD_MODIFIER, acc.args().get(1).loc(),
                    "'acc' takes exactly one overflow policy (wrap or saturate)");
            return null;
        }
        return word.name().equals("wrap") ? OverflowPolicy.WRAP : OverflowPolicy.SATURATE;
    }
}
