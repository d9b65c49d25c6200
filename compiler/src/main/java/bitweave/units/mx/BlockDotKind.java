package bitweave.units.mx;

import bitweave.check.ArrayContext;
import bitweave.check.MemberSet;
import bitweave.diag.ErrorCode;
import bitweave.emit.GoldenJavaUnit;
import bitweave.golden.UnitGolden;
import bitweave.ir.ArraySpec;
import bitweave.ir.PeSpec;
import bitweave.numeric.BlockDot;
import bitweave.numeric.BlockFormat;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.FormatNames;
import bitweave.parse.Decl;
import bitweave.parse.Expr;
import bitweave.parse.Member;
import bitweave.passes.LoweringPass;
import bitweave.units.UnitKind;
import java.util.List;

/**
 * {@code block_dot() of A { b B; block 32; blocks 1; accumulate exact; to fp32 }} (dsl/LANGUAGE.md 6.9): a's
 * block format after {@code of}, b's with {@code b} (default: a's).
 */
public final class BlockDotKind implements UnitKind {
    static final int MAX_BLOCKS = 64;

    @Override
    public String dslName() {
        return "block_dot";
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
        String owner = "block_dot '" + decl.name() + "'";
        MemberSet members = ctx.members(decl.members(), List.of("b", "block", "blocks", "accumulate", "to"), owner,
                decl.nameLoc());
        Integer block = QuantizerKind.blockSize(members, ctx);
        BlockFormat a = format(decl.pe(), decl.peLoc(), block, owner, ctx);
        BlockFormat b = a;
        Member bm = members.optional("b");
        if (bm != null) {
            b = null;
            if (members.untyped(bm) && members.argCount(bm, 1, "b mxfp4")) {
                Expr arg = bm.args().get(0);
                b = arg instanceof Expr.NameRef w ? format(w.name(), arg.loc(), block, owner, ctx)
                        : format("(a number or expression)", arg.loc(), block, owner, ctx);
            }
        }
        int blocks = 1;
        Member n = members.optional("blocks");
        if (n != null) {
            Long v = members.untyped(n) && members.argCount(n, 1, "blocks 4")
                    ? ctx.inRange(n.args().get(0), "blocks", 1, MAX_BLOCKS, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE) : null;
            if (v == null) {
                return null;
            }
            blocks = v.intValue();
        }
        BlockDot.Accumulation accumulation = BlockDot.Accumulation.EXACT;
        Member acc = members.optional("accumulate");
        if (acc != null) {
            String w = members.word(acc, List.of("exact", "ordered"), "accumulate exact", "accumulation");
            if (w == null) {
                return null;
            }
            accumulation = w.equals("exact") ? BlockDot.Accumulation.EXACT : BlockDot.Accumulation.ORDERED;
        }
        FloatFormat out = OutputFormatMember.read(members, ctx, "block_dot");
        if (block == null || a == null || b == null || out == null) {
            return null;
        }
        return new BlockDotUnit(decl.name(), new BlockDot(a, b, accumulation, out), blocks, decl.nameLoc());
    }

    private static BlockFormat format(String name, bitweave.ir.SourceLoc loc, Integer block, String owner,
                                      ArrayContext ctx) {
        BlockFormat f = FormatNames.block(name, block == null ? 1 : block).orElse(null);
        if (f == null) {
            ctx.error(ErrorCode.UNKNOWN_TYPE, loc, "unknown block format " + (name.startsWith("(") ? name : "'" + name + "'")
                    + " in " + owner + "; expected " + QuantizerKind.BLOCK_FORMATS);
        }
        return f;
    }

    @Override
    public boolean owns(ArraySpec spec) {
        return spec instanceof BlockDotUnit;
    }

    @Override
    public String describe(ArraySpec spec) {
        BlockDotUnit d = (BlockDotUnit) spec;
        BlockDot r = d.rule();
        return "block_dot " + r.a().name() + " x " + r.b().name() + ", " + d.blocks() + " block"
                + (d.blocks() == 1 ? "" : "s") + " of " + d.blockSize() + ", accumulate "
                + r.accumulation().dslName() + " -> " + r.out();
    }

    @Override
    public UnitGolden golden(ArraySpec spec) {
        return new BlockDotGolden((BlockDotUnit) spec);
    }

    /** No emitted Java model yet: the golden model is bitweave.numeric, run by {@code bitweave golden}. */
    @Override
    public GoldenJavaUnit goldenJava(ArraySpec spec) {
        return null;
    }

    @Override
    public List<LoweringPass> loweringPasses() {
        return List.of(new LowerBlockDot());
    }
}
