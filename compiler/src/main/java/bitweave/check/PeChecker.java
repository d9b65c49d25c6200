package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.diag.Plural;
import bitweave.ir.IntType;
import bitweave.ir.MacStructure;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.parse.Decl;
import bitweave.parse.Expr;
import bitweave.parse.Member;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/**
 * Phase 2b, PEs: a PE is operand {@code a}, operand {@code b} and accumulator {@code acc}, which must
 * name its overflow policy (a narrower-than-exact accumulator is never silently truncated). A PE may leave
 * {@code acc} out only for an array kind that derives the exact width itself (lut_core); ArrayChecker
 * reports the missing member for every other kind.
 */
final class PeChecker {
    private static final List<String> MEMBERS = List.of("a", "b", "acc", "multiplier", "reduction", "block");
    private static final String FOUR_TWO = "four_two";
    private static final List<String> POLICIES = List.of("wrap", "saturate");

    private final TypeDecoder types;
    private final Reporter reporter;
    private final BlockPeChecker blockPes;

    PeChecker(TypeDecoder types, ExprEvaluator evaluator, Reporter reporter) {
        this.types = types;
        this.reporter = reporter;
        this.blockPes = new BlockPeChecker(evaluator, reporter);
    }

    /** @return the PE, or null if an error was reported */
    PeSpec check(Decl.Pe pe) {
        String owner = "pe '" + pe.name() + "'";
        MemberSet members = new MemberSet(pe.members(), MEMBERS, owner, pe.nameLoc(), reporter);
        if (BlockPeChecker.isBlockPe(members)) {
            MacStructure mac = macStructure(members, owner);
            return blockPes.check(pe, members, mac, owner);
        }
        Member block = members.optional("block");
        if (block != null) {
            reporter.error(ErrorCode.OPTION_NOT_APPLICABLE, block.loc(), "'block' in " + owner + " is the block size of"
                    + " block-format operands (a : mxint8, b : mxfp4, ...), but a and b here are integers; remove it");
            return null;
        }
        IntType a = operand(members.require("a", "a : int8"), owner);
        IntType b = operand(members.require("b", "b : int8"), owner);
        Member accMember = members.optional("acc");
        if (accMember == null) {
            // only a kind that derives the exact width (lut_core) takes it; ArrayChecker reports it for the others
            MacStructure mac = macStructure(members, owner);
            return a == null || b == null || mac == null ? null
                    : new PeSpec(pe.name(), a, b, null, null, mac, pe.nameLoc());
        }
        IntType acc = typeOf(accMember, owner);
        // without a type the member is already reported as malformed; its words are not policies
        OverflowPolicy policy = accMember.type() == null ? null : policy(accMember, acc);
        MacStructure mac = macStructure(members, owner);
        if (a == null || b == null || acc == null || policy == null || mac == null) {
            return null;
        }
        warnIfNarrowerThanOneProduct(a, b, acc, policy, accMember.type().loc());
        return new PeSpec(pe.name(), a, b, acc, policy, mac, pe.nameLoc());
    }

    /**
     * W0301: some single product a * b does not fit the accumulator, so the policy already acts on the
     * first step; almost always a typo ({@code int4} for {@code int24}) or a misunderstanding. The product
     * range is computed exactly from the operand ranges, so signed/unsigned mixes are right too.
     */
    private void warnIfNarrowerThanOneProduct(IntType a, IntType b, IntType acc, OverflowPolicy policy, SourceLoc at) {
        BigInteger[] corners = {a.min().multiply(b.min()), a.min().multiply(b.max()),
                a.max().multiply(b.min()), a.max().multiply(b.max())};
        BigInteger lo = Arrays.stream(corners).min(BigInteger::compareTo).orElseThrow();
        BigInteger hi = Arrays.stream(corners).max(BigInteger::compareTo).orElseThrow();
        if (lo.compareTo(acc.min()) >= 0 && hi.compareTo(acc.max()) <= 0) {
            return;
        }
        String effect = policy == OverflowPolicy.WRAP
                ? "with wrap, a product outside " + acc.min() + ".." + acc.max() + " keeps only its low "
                        + Plural.count(acc.width(), "bit")
                : "with saturate, a single product can already clamp it to " + acc.min() + " or " + acc.max();
        reporter.warning(ErrorCode.ACC_NARROWER_THAN_PRODUCT, at, "accumulator " + acc.dslName()
                + " cannot hold one product of a : " + a.dslName() + " and b : " + b.dslName() + " ("
                + lo + ".." + hi + ", which needs " + smallestTypeFor(lo, hi, acc.signed()) + "); " + effect);
    }

    /** The DSL name of the narrowest type holding lo..hi: signed if the accumulator is or lo is negative. */
    private static String smallestTypeFor(BigInteger lo, BigInteger hi, boolean accSigned) {
        return IntType.narrowestHolding(lo, hi, accSigned).map(IntType::dslName).orElse("more than 64 bits");
    }

    /**
     * {@code multiplier KIND} and {@code reduction ORDER [four_two]}, both optional (LANGUAGE.md 5.1). A
     * reduction for the behavioural multiplier would be silently ignored, so it is an error (E0215).
     */
    private MacStructure macStructure(MemberSet members, String owner) {
        MacStructure.Multiplier multiplier = MacStructure.DEFAULT.multiplier();
        Member mm = members.optional("multiplier");
        if (mm != null) {
            multiplier = word(mm, members, MacStructure.Multiplier.values(), "multiplier booth", "multiplier");
            if (multiplier == null) {
                return null;
            }
        }
        Member rm = members.optional("reduction");
        if (rm == null) {
            return new MacStructure(multiplier, MacStructure.DEFAULT.reduction(), false);
        }
        if (!members.untyped(rm)) {
            return null;
        }
        if (rm.args().isEmpty() || rm.args().size() > 2) {
            reporter.error(ErrorCode.WRONG_ARGUMENT_COUNT, rm.args().size() > 2 ? rm.args().get(2).loc() : rm.loc(),
                    "'reduction' takes an order and optionally 'four_two'; write e.g. 'reduction dadda' or"
                            + " 'reduction wallace four_two'");
            return null;
        }
        MacStructure.Reduction reduction = enumWord(rm.args().get(0), MacStructure.Reduction.values(), "reduction order");
        if (reduction == null) {
            return null;
        }
        boolean fourTwo = false;
        if (rm.args().size() == 2) {
            Expr extra = rm.args().get(1);
            if (!(extra instanceof Expr.NameRef w && w.name().equals(FOUR_TWO)) || reduction == MacStructure.Reduction.CHAIN) {
                reporter.error(ErrorCode.BAD_OPTION_VALUE, extra.loc(), reduction == MacStructure.Reduction.CHAIN
                        ? "a chain reduction adds rows one at a time; 'four_two' applies to wallace and dadda only"
                        : "expected 'four_two' (use 4:2 compressors) after the reduction order");
                return null;
            }
            fourTwo = true;
        }
        if (!multiplier.makesPartialProducts()) {
            reporter.error(ErrorCode.REDUCTION_WITHOUT_PARTIAL_PRODUCTS, rm.loc(), "'reduction' in " + owner
                    + " has no effect: the " + multiplier.dslName() + " multiplier makes no partial products;"
                    + " choose 'multiplier and_array', 'booth' or 'ent', or remove the reduction");
            return null;
        }
        return new MacStructure(multiplier, reduction, fourTwo);
    }

    private <E extends Enum<E>> E word(Member m, MemberSet members, E[] choices, String usage, String what) {
        if (!members.untyped(m) || !members.argCount(m, 1, usage)) {
            return null;
        }
        return enumWord(m.args().get(0), choices, what);
    }

    /** The enum constant whose lower-case name is the word, or null (reported, listing the choices). */
    private <E extends Enum<E>> E enumWord(Expr arg, E[] choices, String what) {
        List<String> names = Arrays.stream(choices).map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList();
        if (arg instanceof Expr.NameRef w && names.contains(w.name())) {
            return choices[names.indexOf(w.name())];
        }
        String got = arg instanceof Expr.NameRef w ? "'" + w.name() + "'" : "(a number or expression)";
        reporter.error(ErrorCode.BAD_OPTION_VALUE, arg.loc(), "unknown " + what + " " + got + "; expected "
                + MemberSet.oneOf(names));
        return null;
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
