package bitweave.units.lut;

import bitweave.check.ArrayContext;
import bitweave.check.MemberSet;
import bitweave.check.TransformMember;
import bitweave.diag.ErrorCode;
import bitweave.emit.GoldenJavaUnit;
import bitweave.golden.UnitGolden;
import bitweave.ir.ArraySpec;
import bitweave.ir.IntType;
import bitweave.ir.MacStructure;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.ir.Transform;
import bitweave.parse.Decl;
import bitweave.parse.Member;
import bitweave.passes.LoweringPass;
import bitweave.units.UnitKind;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code lut_core(M, N, K) of PE { zero_point Z; group G; symmetrize on|off; sign_bit high|low; index
 * hardware|pre_encoded; accumulate_in; datapath lut|mac; transform compressed_accumulation }} (dsl/LANGUAGE.md 6.10): the LUT tensor core's tile. The PE gives the
 * activation type ({@code a}), the weight codes ({@code b}: uint1..uint4, or int1..int4) and {@code acc}.
 */
public final class LutCoreKind implements UnitKind {
    static final int MAX_M = 64;
    static final int MAX_N = 256;
    static final int MAX_K = 1024;
    static final int MAX_WEIGHT_BITS = 4;
    static final int MAX_ACTIVATION_BITS = 16;
    static final int DEFAULT_GROUP = 4;
    static final int MAX_GROUP = 8;
    private static final List<String> MEMBERS = List.of("zero_point", "group", "symmetrize", "sign_bit", "index",
            "accumulate_in", "datapath", TransformMember.MEMBER);

    @Override
    public String dslName() {
        return "lut_core";
    }

    @Override
    public List<String> argNames() {
        return List.of("M", "N", "K");
    }

    @Override
    public ArraySpec check(Decl.Array decl, PeSpec pe, ArrayContext ctx) {
        Long m = ctx.inRange(decl.args().get(0), "lut_core M", 1, MAX_M, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        Long n = ctx.inRange(decl.args().get(1), "lut_core N", 1, MAX_N, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        Long k = ctx.inRange(decl.args().get(2), "lut_core K", 1, MAX_K, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        String owner = "lut_core '" + decl.name() + "'";
        MemberSet members = ctx.members(decl.members(), MEMBERS, owner, decl.nameLoc());
        boolean ok = m != null && n != null && k != null;
        Long group = (long) DEFAULT_GROUP;
        Member gm = members.optional("group");
        if (gm != null) {
            group = members.untyped(gm) && members.argCount(gm, 1, "group 4")
                    ? ctx.inRange(gm.args().get(0), "group", 1, MAX_GROUP, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE) : null;
            ok &= group != null;
        }
        String sym = word(members, "symmetrize", List.of("on", "off"), "on");
        String sign = word(members, "sign_bit", List.of("high", "low"), "high");
        String index = word(members, "index", List.of("hardware", "pre_encoded"), "hardware");
        String datapath = word(members, "datapath", List.of("lut", "mac"), "lut");
        Member acc = members.optional("accumulate_in");
        boolean accumulateIn = acc != null;
        if (acc != null && (!members.untyped(acc) || !members.argCount(acc, 0, "accumulate_in"))) {
            ok = false;
        }
        ok &= sym != null && sign != null && index != null && datapath != null;
        Member tm = members.optional(TransformMember.MEMBER);
        // The plane accumulator is exact-width inside the PE (the output's policy acts after it is resolved), so
        // carry-save accumulation needs no 'wrap' here: the PE is not passed for that legality check.
        Set<Transform> transforms = TransformMember.parse(tm, members, ctx, EnumSet.of(Transform.COMPRESSED_ACCUMULATION),
                "a lut_core", null);
        ok &= transforms != null;
        if (transforms != null && tm != null && (TransformMember.rawPairs(tm) || hasWord(tm, TransformMember.EDGE_PIPELINE))) {
            ctx.error(ErrorCode.TRANSFORM_NOT_APPLICABLE, tm.loc(), "a lut_core resolves its plane accumulator inside"
                    + " each PE, after the last plane; '" + TransformMember.RAW_PAIRS + "' and '"
                    + TransformMember.EDGE_PIPELINE + "' do not apply: write 'transform compressed_accumulation'");
            ok = false;
        }
        boolean mac = "mac".equals(datapath);
        if (mac && transforms != null && !transforms.isEmpty()) {
            ctx.error(ErrorCode.TRANSFORM_NOT_APPLICABLE, tm.loc(), "'transform compressed_accumulation' acts on the"
                    + " LUT PE's plane accumulator, and 'datapath mac' has none (one multiply-add per tile): drop the"
                    + " transform or write 'datapath lut'");
            ok = false;
        }
        if (pe == null || !ok) {
            return null;
        }
        if (!peLegal(decl, pe, ctx)) {
            return null;
        }
        if (k % group != 0) {
            ctx.error(ErrorCode.BLOCK_DOES_NOT_DIVIDE, decl.args().get(2).loc(), "lut_core K = " + k + " is not a whole"
                    + " number of table groups of " + group + " (group); use K = " + group + ", " + (2 * group) + ", ...");
            return null;
        }
        boolean symmetrize = sym.equals("on");
        boolean preEncoded = index.equals("pre_encoded");
        if (preEncoded && !symmetrize) {
            ctx.error(ErrorCode.OPTION_NOT_APPLICABLE, members.optional("index").loc(), "'index pre_encoded' re-encodes"
                    + " the weights for the halved (symmetrized) table; with 'symmetrize off' there is no complement to"
                    + " fold away: drop one of them");
            return null;
        }
        long zeroPoint = 0;
        Member zm = members.optional("zero_point");
        if (zm != null) {
            if (pe.b().signed()) {
                ctx.error(ErrorCode.OPTION_NOT_APPLICABLE, zm.loc(), "'zero_point' applies to unsigned weight codes, but"
                        + " PE '" + pe.name() + "' has b : " + pe.b().dslName() + " (two's complement); use b : uint"
                        + pe.b().width() + " or drop the member");
                return null;
            }
            Long z = members.untyped(zm) && members.argCount(zm, 1, "zero_point 2")
                    ? ctx.inRange(zm.args().get(0), "zero_point", 0, (1L << pe.b().width()) - 1,
                            ErrorCode.ARRAY_SIZE_OUT_OF_RANGE, " (the " + pe.b().width() + "-bit codes)")
                    : null;
            if (z == null) {
                return null;
            }
            zeroPoint = z;
        }
        if (pe.accLeftOut()) {
            if (accumulateIn) {
                ctx.error(ErrorCode.MISSING_MEMBER, pe.loc(), "pe '" + pe.name() + "' has no 'acc', but with"
                        + " 'accumulate_in' the c_in field has acc's type, so the width cannot be derived from the"
                        + " GEMM alone: declare it, e.g. 'acc : int32 wrap'");
                return null;
            }
            pe = pe.withAcc(exactAcc(pe, k, zeroPoint), OverflowPolicy.WRAP);
        }
        return new LutCore(decl.name(), pe, m.intValue(), n.intValue(), k.intValue(), group.intValue(), zeroPoint,
                symmetrize, sign.equals("high"), preEncoded, accumulateIn,
                transforms.contains(Transform.COMPRESSED_ACCUMULATION), mac, decl.nameLoc());
    }

    /**
     * The narrowest type holding every O = Σ_k x_k·(w_k − z) (K times the extreme products, the weights' range
     * shifted by the zero point): the default when the PE leaves {@code acc} out. Its policy never acts.
     */
    static IntType exactAcc(PeSpec pe, long k, long zeroPoint) {
        BigInteger z = BigInteger.valueOf(zeroPoint);
        BigInteger[] w = {pe.b().min().subtract(z), pe.b().max().subtract(z)};
        BigInteger[] x = {pe.a().min(), pe.a().max()};
        BigInteger lo = null;
        BigInteger hi = null;
        for (BigInteger xi : x) {
            for (BigInteger wi : w) {
                BigInteger p = xi.multiply(wi);
                lo = lo == null || p.compareTo(lo) < 0 ? p : lo;
                hi = hi == null || p.compareTo(hi) > 0 ? p : hi;
            }
        }
        BigInteger kk = BigInteger.valueOf(k);
        // 16-bit activations, 4-bit weights and K = 1024 need 31 bits: always within 64
        return IntType.narrowestHolding(lo.multiply(kk), hi.multiply(kk), false).orElseThrow();
    }

    @Override
    public boolean derivesAcc() {
        return true;
    }

    /** Activations of 2..16 bits, weights of 1..4 bits, no multiplier structure (the core has no multiplier). */
    private static boolean peLegal(Decl.Array decl, PeSpec pe, ArrayContext ctx) {
        if (pe.b().width() > MAX_WEIGHT_BITS) {
            ctx.error(ErrorCode.OPTION_NOT_APPLICABLE, decl.peLoc(), "PE '" + pe.name() + "' has b : " + pe.b().dslName()
                    + "; a lut_core takes weight codes of 1.." + MAX_WEIGHT_BITS + " bits (one bit plane per cycle)");
            return false;
        }
        if (pe.a().width() < 2 || pe.a().width() > MAX_ACTIVATION_BITS) {
            ctx.error(ErrorCode.OPTION_NOT_APPLICABLE, decl.peLoc(), "PE '" + pe.name() + "' has a : " + pe.a().dslName()
                    + "; a lut_core takes activations of 2.." + MAX_ACTIVATION_BITS + " bits");
            return false;
        }
        if (!pe.mac().equals(MacStructure.DEFAULT)) {
            ctx.error(ErrorCode.OPTION_NOT_APPLICABLE, decl.peLoc(), "PE '" + pe.name() + "' chooses a multiplier or"
                    + " reduction, but a lut_core has no multiplier (table entries, a mux and a negation); drop them");
            return false;
        }
        return true;
    }

    private static boolean hasWord(Member m, String word) {
        return m.args().stream().anyMatch(a -> a instanceof bitweave.parse.Expr.NameRef w && w.name().equals(word));
    }

    private static String word(MemberSet members, String name, List<String> choices, String dflt) {
        Member m = members.optional(name);
        return m == null ? dflt : members.word(m, choices, name + " " + dflt, name);
    }

    @Override
    public boolean owns(ArraySpec spec) {
        return spec instanceof LutCore;
    }

    @Override
    public String describe(ArraySpec spec) {
        LutCore c = (LutCore) spec;
        return "lut_core " + c.m() + "x" + c.n() + "x" + c.k() + " (group " + c.group() + ", W" + c.weightBits()
                + (c.pe().b().signed() ? " signed" : " z=" + c.zeroPoint()) + ", "
                + (c.symmetrize() ? "symmetrized, sign bit " + (c.signBitHigh() ? "high" : "low") : "full tables")
                + (c.preEncoded() ? ", pre-encoded weights" : "") + (c.accumulateIn() ? ", accumulate_in" : "")
                + (c.compressedAccumulation() ? ", transform compressed_accumulation" : "")
                + (c.macDatapath() ? ", datapath mac" : "") + ")";
    }

    @Override
    public UnitGolden golden(ArraySpec spec) {
        return new LutGolden((LutCore) spec);
    }

    @Override
    public GoldenJavaUnit goldenJava(ArraySpec spec) {
        return null; // the golden model is bitweave.numeric.LowBitGemm
    }

    @Override
    public List<LoweringPass> loweringPasses() {
        return List.of(new LowerLutCore());
    }
}
