package bitweave.units.mx;

import bitweave.check.ArrayContext;
import bitweave.check.MemberSet;
import bitweave.diag.ErrorCode;
import bitweave.emit.GoldenJavaUnit;
import bitweave.golden.UnitGolden;
import bitweave.ir.ArraySpec;
import bitweave.ir.PeSpec;
import bitweave.numeric.BlockFormat;
import bitweave.numeric.BlockQuantizer;
import bitweave.numeric.Encoding;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.FormatNames;
import bitweave.numeric.IntElementFormat;
import bitweave.numeric.Rounding;
import bitweave.numeric.ScaleRule;
import bitweave.numeric.SpecialsPolicy;
import bitweave.parse.Decl;
import bitweave.parse.Member;
import bitweave.passes.LoweringPass;
import bitweave.units.UnitKind;
import java.util.Arrays;
import java.util.List;

/**
 * {@code quantizer() of IN { to FORMAT; block 32; scale floor; rounding nearest_even; overflow saturate;
 * specials block; zero signed; int_min symmetric }} (dsl/LANGUAGE.md 6.7). Every member but {@code to} is
 * optional; the defaults are those of LANGUAGE.md 4.1.
 */
public final class QuantizerKind implements UnitKind {
    static final int DEFAULT_BLOCK = 32;
    static final String BLOCK_FORMATS = "mxfp8_e4m3, mxfp8_e5m2, mxfp6_e3m2, mxfp6_e2m3, mxfp4, mxint8, bfp_eXmY or bfp_eXmY_sm";
    static final List<String> MEMBERS = List.of("to", "block", "scale", "rounding", "overflow", "specials", "zero",
            "int_min", "channels", "reorder");
    /** Most channels per beat (a row of a weight or activation matrix). */
    static final int MAX_CHANNELS = 4096;

    @Override
    public String dslName() {
        return "quantizer";
    }

    @Override
    public boolean ofNamesPe() {
        return false;
    }

    @Override
    public List<String> argNames() {
        return List.of();
    }

    @Override
    public ArraySpec check(Decl.Array decl, PeSpec pe, ArrayContext ctx) {
        String owner = "quantizer '" + decl.name() + "'";
        FloatFormat input = inputFormat(decl, ctx);
        MemberSet members = ctx.members(decl.members(), MEMBERS, owner, decl.nameLoc());
        Integer blockOrNull = blockSize(members, ctx);
        int block = blockOrNull == null ? DEFAULT_BLOCK : blockOrNull;
        boolean ok = input != null && blockOrNull != null;
        BlockFormat format = target(members.require("to", "to mxfp8_e4m3"), members, block, ctx);
        ok &= format != null;
        ScaleRule rule = choice(members, "scale", ScaleRule.values(), ScaleRule::dslName, ScaleRule.FLOOR, "scale rule");
        Rounding rounding = choice(members, "rounding", Rounding.values(), Rounding::dslName, Rounding.NEAREST_EVEN,
                "rounding");
        Boolean saturate = flag(members, "overflow", "saturate", "nonfinite", "overflow policy");
        SpecialsPolicy specials = choice(members, "specials", SpecialsPolicy.values(), SpecialsPolicy::dslName,
                SpecialsPolicy.BLOCK, "NaN/Inf policy");
        Boolean signedZero = flag(members, "zero", "signed", "positive", "zero sign");
        Boolean symmetric = flag(members, "int_min", "symmetric", "full", "integer range");
        ok &= rule != null && rounding != null && saturate != null && specials != null && signedZero != null
                && symmetric != null;
        if (!ok) {
            return null;
        }
        ok = applicable(decl, members, format, specials, input, ctx);
        if (!ok) {
            return null;
        }
        List<Integer> order = channelOrder(members, block, ctx);
        if (order == null) {
            return null;
        }
        Encoding encoding = new Encoding(rounding, saturate, signedZero, !symmetric);
        return new Quantizer(decl.name(), input, new BlockQuantizer(format, rule, encoding, specials), order,
                decl.nameLoc());
    }

    /**
     * {@code channels N} (values per beat, a multiple of the block; default one block) and {@code reorder P0 P1
     * ...} (position j takes input channel Pj: a permutation of 0..N-1, e.g. from {@code bitweave reorder}).
     * Null if an error was reported.
     */
    private static List<Integer> channelOrder(MemberSet members, int block, ArrayContext ctx) {
        Member c = members.optional("channels");
        Member r = members.optional("reorder");
        Long channels = null;
        if (c != null) {
            channels = members.untyped(c) && members.argCount(c, 1, "channels 128")
                    ? ctx.inRange(c.args().get(0), "channels", 1, MAX_CHANNELS, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE) : null;
            if (channels == null) {
                return null;
            }
        }
        List<Integer> order = null;
        if (r != null) {
            if (!members.untyped(r)) {
                return null;
            }
            order = new java.util.ArrayList<>();
            for (bitweave.parse.Expr e : r.args()) {
                Long v = ctx.eval(e);
                if (v == null) {
                    return null;
                }
                order.add(v < 0 || v >= MAX_CHANNELS ? -1 : v.intValue());
            }
            if (channels == null) {
                channels = (long) order.size();
            }
        }
        long n = channels == null ? block : channels;
        if (n % block != 0) {
            ctx.error(ErrorCode.BAD_REORDER, (c != null ? c : r).loc(), n + " channels do not fill whole blocks of "
                    + block + "; use a multiple of the block size");
            return null;
        }
        if (order == null) {
            return Quantizer.identity((int) n);
        }
        String problem = permutationProblem(order, (int) n);
        if (problem != null) {
            ctx.error(ErrorCode.BAD_REORDER, r.loc(), "'reorder' must list each of the channels 0.." + (n - 1)
                    + " exactly once: " + problem);
            return null;
        }
        return order;
    }

    /** Why {@code order} is not a permutation of 0..n-1, or null. */
    static String permutationProblem(List<Integer> order, int n) {
        if (order.size() != n) {
            return "it lists " + order.size() + " channels, expected " + n;
        }
        boolean[] seen = new boolean[n];
        for (int j = 0; j < n; j++) {
            int v = order.get(j);
            if (v < 0 || v >= n) {
                return "position " + j + " names a channel outside 0.." + (n - 1);
            }
            if (seen[v]) {
                return "channel " + v + " is listed twice";
            }
            seen[v] = true;
        }
        return null;
    }

    /** The {@code block} member: a power of two up to 1024, 32 when absent; null if an error was reported. */
    static Integer blockSize(MemberSet members, ArrayContext ctx) {
        Member b = members.optional("block");
        if (b == null) {
            return DEFAULT_BLOCK;
        }
        Long v = members.untyped(b) && members.argCount(b, 1, "block 32")
                ? ctx.inRange(b.args().get(0), "block", 1, BlockFormat.MAX_BLOCK, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE) : null;
        if (v != null && Long.bitCount(v) != 1) {
            ctx.error(ErrorCode.BLOCK_NOT_POWER_OF_TWO, b.args().get(0).loc(), "block = " + v
                    + " is not a power of two (1, 2, 4, ..., " + BlockFormat.MAX_BLOCK + ")");
            return null;
        }
        return v == null ? null : v.intValue();
    }

    /** The name after {@code of}: a scalar float with IEEE Inf/NaN (the hardware reads NaN from its exponent). */
    private static FloatFormat inputFormat(Decl.Array decl, ArrayContext ctx) {
        FloatFormat f = FormatNames.scalar(decl.pe()).orElse(null);
        if (f == null || f.specials() != FloatFormat.Specials.IEEE) {
            ctx.error(ErrorCode.UNKNOWN_TYPE, decl.peLoc(), (f == null ? "unknown input format '" : "input format '")
                    + decl.pe() + "' after 'of' in quantizer '" + decl.name() + "'"
                    + (f == null ? "" : " has no Inf/NaN codes") + "; expected fp32, bf16, fp16 or fp_eXmY");
            return null;
        }
        return f;
    }

    private static BlockFormat target(Member to, MemberSet members, int block, ArrayContext ctx) {
        if (to == null || !members.untyped(to) || !members.argCount(to, 1, "to mxfp8_e4m3")) {
            return null;
        }
        String name = to.args().get(0) instanceof bitweave.parse.Expr.NameRef w ? w.name() : null;
        BlockFormat f = name == null ? null : FormatNames.block(name, block).orElse(null);
        if (f == null) {
            ctx.error(ErrorCode.UNKNOWN_TYPE, to.args().get(0).loc(), "unknown block format "
                    + (name == null ? "(a number or expression)" : "'" + name + "'")
                    + " after 'to'; expected " + BLOCK_FORMATS);
        }
        return f;
    }

    /** Settings that exist but do not apply to this format (reported, so no option is silently ignored). */
    private static boolean applicable(Decl.Array decl, MemberSet members, BlockFormat format, SpecialsPolicy specials,
                                      FloatFormat input, ArrayContext ctx) {
        boolean ok = true;
        if (specials == SpecialsPolicy.LANE && !format.element().hasNaN()) {
            ctx.error(ErrorCode.OPTION_NOT_APPLICABLE, members.optional("specials").loc(), "'specials lane' needs an"
                    + " element format with NaN, but " + format.element() + " has none; use 'specials block'");
            ok = false;
        }
        Member intMin = members.optional("int_min");
        if (intMin != null && !(format.element() instanceof IntElementFormat i && !i.signMagnitude())) {
            ctx.error(ErrorCode.OPTION_NOT_APPLICABLE, intMin.loc(), "'int_min' applies to two's-complement integer"
                    + " elements (mxint8, bfp_eXmY), not to " + format.name());
            ok = false;
        }
        String limit = HardwareLimits.quantizer(input, format);
        if (limit != null) {
            ctx.error(ErrorCode.OPTION_NOT_APPLICABLE, decl.nameLoc(), "quantizer '" + decl.name() + "': " + limit);
            ok = false;
        }
        return ok;
    }

    interface Named<E> {
        String name(E e);
    }

    private static <E> E choice(MemberSet members, String member, E[] values, Named<E> name, E fallback, String what) {
        Member m = members.optional(member);
        if (m == null) {
            return fallback;
        }
        List<String> names = Arrays.stream(values).map(name::name).toList();
        String w = members.word(m, names, member + " " + names.get(0), what);
        return w == null ? null : values[names.indexOf(w)];
    }

    /** true for {@code yes}, false for {@code no}; absent is true (the first is the default). */
    private static Boolean flag(MemberSet members, String member, String yes, String no, String what) {
        Member m = members.optional(member);
        if (m == null) {
            return true;
        }
        String w = members.word(m, List.of(yes, no), member + " " + yes, what);
        return w == null ? null : w.equals(yes);
    }

    @Override
    public boolean owns(ArraySpec spec) {
        return spec instanceof Quantizer;
    }

    @Override
    public String describe(ArraySpec spec) {
        Quantizer q = (Quantizer) spec;
        BlockQuantizer r = q.rule();
        return "quantizer " + q.input() + " -> " + q.format().name() + ", block " + q.blockSize() + ", scale "
                + r.rule().dslName() + ", rounding " + r.encoding().rounding().dslName()
                + (r.encoding().saturate() ? "" : ", overflow nonfinite")
                + (r.specials() == SpecialsPolicy.LANE ? ", specials lane" : "")
                + (r.encoding().negativeZero() ? "" : ", zero positive")
                + (r.encoding().integerMinimum() ? ", int_min full" : "")
                + (q.blocks() > 1 ? ", " + q.channels() + " channels" : "") + (q.reordered() ? ", reordered" : "");
    }

    @Override
    public UnitGolden golden(ArraySpec spec) {
        return new QuantizerGolden((Quantizer) spec);
    }

    /** No emitted Java model yet: the golden model is bitweave.numeric, run by {@code bitweave golden}. */
    @Override
    public GoldenJavaUnit goldenJava(ArraySpec spec) {
        return null;
    }

    @Override
    public List<LoweringPass> loweringPasses() {
        return List.of(new LowerQuantizer());
    }
}
