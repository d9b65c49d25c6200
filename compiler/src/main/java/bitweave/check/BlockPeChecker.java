package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.ir.BlockOperands;
import bitweave.ir.IntType;
import bitweave.ir.MacStructure;
import bitweave.ir.PeSpec;
import bitweave.numeric.BlockFormat;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.FormatNames;
import bitweave.parse.Decl;
import bitweave.parse.Member;

/**
 * Phase 2b, PEs with block-format operands (LANGUAGE.md 5.3): {@code a : mxfp8_e4m3}, {@code b : mxfp4},
 * {@code acc : fp32} and an optional {@code block 32}. Both operands are block formats of one block size and
 * the result a float with Inf and NaN (it is rounded to nearest even and overflows to Inf, so there is no
 * overflow policy).
 */
final class BlockPeChecker {
    static final int DEFAULT_BLOCK = 32;
    /** The widest shared exponent the arrays build (E8M0): the exact accumulator spans every pair of scales. */
    static final int MAX_SCALE_BITS = 8;
    static final String BLOCK_FORMATS = "mxfp8_e4m3, mxfp8_e5m2, mxfp6_e3m2, mxfp6_e2m3, mxfp4, mxint8 or"
            + " bfp_eXmY[_sm] with X <= " + MAX_SCALE_BITS;

    private final ExprEvaluator evaluator;
    private final Reporter reporter;

    BlockPeChecker(ExprEvaluator evaluator, Reporter reporter) {
        this.evaluator = evaluator;
        this.reporter = reporter;
    }

    /** Whether a or b is written as a block format: then the PE is checked here. */
    static boolean isBlockPe(MemberSet members) {
        return isBlockName(members.optional("a")) || isBlockName(members.optional("b"));
    }

    private static boolean isBlockName(Member m) {
        return m != null && m.type() != null && FormatNames.block(m.type().name(), 1).isPresent();
    }

    /** @return the PE, or null if an error was reported */
    PeSpec check(Decl.Pe pe, MemberSet members, MacStructure mac, String owner) {
        Integer block = blockSize(members.optional("block"), members);
        BlockFormat a = operand(members.require("a", "a : mxfp8_e4m3"), owner, block);
        BlockFormat b = operand(members.require("b", "b : mxfp4"), owner, block);
        FloatFormat out = result(members.require("acc", "acc : fp32"), owner);
        if (a == null || b == null || out == null || block == null || mac == null) {
            return null;
        }
        BlockOperands blocks = new BlockOperands(a, b, out);
        if (!blocks.integerElements() && !mac.equals(MacStructure.DEFAULT)) {
            Member m = members.optional("multiplier") != null ? members.optional("multiplier") : members.optional("reduction");
            reporter.error(ErrorCode.OPTION_NOT_APPLICABLE, m.loc(), "'" + m.name() + "' builds the integer multiply of"
                    + " two's-complement integer elements (mxint8, bfp_eXmY); " + a.name() + " x " + b.name()
                    + " elements are multiplied from their codes (significands, then the exponent shift): remove it");
            return null;
        }
        if (blocks.fixedA().width() + blocks.fixedB().width() > IntType.MAX_WIDTH + 8) {
            reporter.error(ErrorCode.OPTION_NOT_APPLICABLE, pe.nameLoc(), a.name() + " x " + b.name() + " makes "
                    + (blocks.fixedA().width() + blocks.fixedB().width()) + "-bit exact products; this version builds"
                    + " at most " + (IntType.MAX_WIDTH + 8));
            return null;
        }
        return PeSpec.ofBlocks(pe.name(), blocks, mac, pe.nameLoc());
    }

    private BlockFormat operand(Member m, String owner, Integer block) {
        if (m == null) {
            return null;
        }
        String name = m.type() == null ? null : m.type().name();
        BlockFormat f = name == null ? null : FormatNames.block(name, block == null ? 1 : block).orElse(null);
        if (f == null) {
            reporter.error(ErrorCode.UNKNOWN_TYPE, m.type() == null ? m.loc() : m.type().loc(), "'" + m.name() + "' in "
                    + owner + " must be a block format like the other operand: " + BLOCK_FORMATS
                    + (name == null ? "" : ", not '" + name + "'"));
            return null;
        }
        if (!m.args().isEmpty()) {
            reporter.error(ErrorCode.BAD_MODIFIER, m.args().get(0).loc(), "operand '" + m.name() + "' takes no modifiers");
            return null;
        }
        if (f.scale().bits() > MAX_SCALE_BITS) {
            reporter.error(ErrorCode.OPTION_NOT_APPLICABLE, m.type().loc(), name + " has a " + f.scale().bits()
                    + "-bit shared exponent; the arrays build at most " + MAX_SCALE_BITS + " (E8M0's width)");
            return null;
        }
        return f;
    }

    private FloatFormat result(Member m, String owner) {
        if (m == null) {
            return null;
        }
        String name = m.type() == null ? null : m.type().name();
        FloatFormat f = name == null ? null : FormatNames.scalar(name).orElse(null);
        if (f == null || f.specials() != FloatFormat.Specials.IEEE) {
            reporter.error(ErrorCode.UNKNOWN_TYPE, m.type() == null ? m.loc() : m.type().loc(), "with block-format"
                    + " operands 'acc' in " + owner + " is the floating-point result: fp32, bf16, fp16 or fp_eXmY"
                    + (name == null ? "" : ", not '" + name + "'"));
            return null;
        }
        if (!m.args().isEmpty()) {
            reporter.error(ErrorCode.BAD_MODIFIER, m.args().get(0).loc(), "a floating-point 'acc' is rounded to"
                    + " nearest even and overflows to Inf; it takes no overflow policy (remove it)");
            return null;
        }
        return f;
    }

    /** {@code block N}: a power of two in 1..1024, 32 when absent. */
    private Integer blockSize(Member m, MemberSet members) {
        if (m == null) {
            return DEFAULT_BLOCK;
        }
        if (!members.untyped(m) || !members.argCount(m, 1, "block 32")) {
            return null;
        }
        Long v = evaluator.eval(m.args().get(0));
        if (v == null) {
            return null;
        }
        if (v < 1 || v > BlockFormat.MAX_BLOCK) {
            reporter.error(ErrorCode.ARRAY_SIZE_OUT_OF_RANGE, m.args().get(0).loc(), "block = " + v + " is outside 1.."
                    + BlockFormat.MAX_BLOCK);
            return null;
        }
        if (Long.bitCount(v) != 1) {
            reporter.error(ErrorCode.BLOCK_NOT_POWER_OF_TWO, m.args().get(0).loc(), "block = " + v
                    + " is not a power of two (1, 2, 4, ..., " + BlockFormat.MAX_BLOCK + ")");
            return null;
        }
        return v.intValue();
    }
}
