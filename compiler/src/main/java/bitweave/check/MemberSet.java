package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.parse.Expr;
import bitweave.parse.Member;
import bitweave.ir.SourceLoc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members of one body, checked against the names its owner accepts. Unknown and repeated
 * members are reported once here, so per-member checks only see known, single members.
 */
public final class MemberSet {
    private final Map<String, Member> byName = new LinkedHashMap<>();
    private final String owner;
    private final SourceLoc ownerLoc;
    private final Reporter reporter;

    /**
     * @param owner   how the body's owner is named in messages, e.g. "pe 'mac'"
     * @param allowed the member names this owner accepts
     */
    MemberSet(List<Member> members, List<String> allowed, String owner, SourceLoc ownerLoc, Reporter reporter) {
        this.owner = owner;
        this.ownerLoc = ownerLoc;
        this.reporter = reporter;
        for (Member m : members) {
            Member earlier = byName.get(m.name());
            if (!allowed.contains(m.name())) {
                reporter.error(ErrorCode.UNKNOWN_MEMBER, m.loc(), "unknown member '" + m.name() + "' in " + owner
                        + "; expected " + oneOf(allowed));
            } else if (earlier != null) {
                reporter.error(ErrorCode.DUPLICATE_MEMBER, m.loc(), "member '" + m.name() + "' is given twice in "
                        + owner + " (first at " + earlier.loc().line() + ":" + earlier.loc().col() + ")");
            } else {
                byName.put(m.name(), m);
            }
        }
    }

    /** The member, or null (reported as missing) if absent. */
    public Member require(String name, String example) {
        Member m = byName.get(name);
        if (m == null) {
            reporter.error(ErrorCode.MISSING_MEMBER, ownerLoc, owner + " has no '" + name + "'; add e.g. '" + example + "'");
        }
        return m;
    }

    /** The member, or null if absent (no report: it is optional). */
    public Member optional(String name) {
        return byName.get(name);
    }

    /** Reports (and returns false) unless the member has no {@code : type} part. */
    public boolean untyped(Member m) {
        if (m.type() != null) {
            reporter.error(ErrorCode.UNEXPECTED_TYPE, m.type().loc(), "'" + m.name() + "' in " + owner
                    + " takes no type (remove ': " + m.type().name() + "')");
            return false;
        }
        return true;
    }

    /** Reports (and returns false) unless the member has exactly {@code count} arguments. */
    public boolean argCount(Member m, int count, String usage) {
        if (m.args().size() != count) {
            SourceLoc at = m.args().size() > count ? m.args().get(count).loc() : m.loc();
            reporter.error(ErrorCode.WRONG_ARGUMENT_COUNT, at, "'" + m.name() + "' takes " + count
                    + (count == 1 ? " argument" : " arguments") + ", got " + m.args().size() + "; write '" + usage + "'");
            return false;
        }
        return true;
    }

    /**
     * The single word argument of {@code m} if it is one of {@code choices}, else null (reported: a type,
     * a wrong argument count, or another word or a number, listing the choices).
     *
     * @param what how the setting is named in the message, e.g. "scale rule"
     */
    public String word(Member m, List<String> choices, String usage, String what) {
        if (!untyped(m) || !argCount(m, 1, usage)) {
            return null;
        }
        Expr arg = m.args().get(0);
        if (arg instanceof Expr.NameRef w && choices.contains(w.name())) {
            return w.name();
        }
        String got = arg instanceof Expr.NameRef w ? "'" + w.name() + "'" : "(a number or expression)";
        reporter.error(ErrorCode.BAD_OPTION_VALUE, arg.loc(), "unknown " + what + " " + got + " in " + owner
                + "; expected " + oneOf(choices));
        return null;
    }

    static String oneOf(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
