package bitweave.units.mx;

import bitweave.check.ArrayContext;
import bitweave.check.MemberSet;
import bitweave.diag.ErrorCode;
import bitweave.emit.GoldenJavaUnit;
import bitweave.golden.UnitGolden;
import bitweave.ir.ArraySpec;
import bitweave.ir.PeSpec;
import bitweave.numeric.BlockFormat;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.FormatNames;
import bitweave.parse.Decl;
import bitweave.passes.LoweringPass;
import bitweave.units.UnitKind;
import java.util.List;

/**
 * {@code dequantizer() of FORMAT { to fp32; block 32 }} (dsl/LANGUAGE.md 6.8): the block format after
 * {@code of}; {@code to} (default fp32) is an IEEE-style float, since NaN and overflow need its NaN and Inf.
 */
public final class DequantizerKind implements UnitKind {
    @Override
    public String dslName() {
        return "dequantizer";
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
        String owner = "dequantizer '" + decl.name() + "'";
        MemberSet members = ctx.members(decl.members(), List.of("to", "block"), owner, decl.nameLoc());
        Integer block = QuantizerKind.blockSize(members, ctx);
        BlockFormat format = block == null ? null : FormatNames.block(decl.pe(), block).orElse(null);
        if (format == null && FormatNames.block(decl.pe(), 1).isEmpty()) {
            ctx.error(ErrorCode.UNKNOWN_TYPE, decl.peLoc(), "unknown block format '" + decl.pe() + "' after 'of' in "
                    + owner + "; expected " + QuantizerKind.BLOCK_FORMATS);
        }
        FloatFormat output = OutputFormatMember.read(members, ctx, "dequantizer");
        if (format == null || output == null) {
            return null;
        }
        return new Dequantizer(decl.name(), format, output, decl.nameLoc());
    }

    @Override
    public boolean owns(ArraySpec spec) {
        return spec instanceof Dequantizer;
    }

    @Override
    public String describe(ArraySpec spec) {
        Dequantizer d = (Dequantizer) spec;
        return "dequantizer " + d.format().name() + " -> " + d.output() + ", block " + d.blockSize();
    }

    @Override
    public UnitGolden golden(ArraySpec spec) {
        return new DequantizerGolden((Dequantizer) spec);
    }

    /** No emitted Java model yet: the golden model is bitweave.numeric, run by {@code bitweave golden}. */
    @Override
    public GoldenJavaUnit goldenJava(ArraySpec spec) {
        return null;
    }

    @Override
    public List<LoweringPass> loweringPasses() {
        return List.of(new LowerDequantizer());
    }
}
