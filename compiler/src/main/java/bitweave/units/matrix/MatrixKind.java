package bitweave.units.matrix;

import bitweave.check.ArrayContext;
import bitweave.check.MemberSet;
import bitweave.check.TransformMember;
import bitweave.diag.ErrorCode;
import bitweave.emit.GoldenJavaEmitter.Constant;
import bitweave.emit.GoldenJavaUnit;
import bitweave.golden.UnitGolden;
import bitweave.ir.ArraySpec;
import bitweave.ir.PeSpec;
import bitweave.ir.Transform;
import bitweave.parse.Decl;
import bitweave.parse.Member;
import bitweave.passes.LoweringPass;
import bitweave.units.UnitKind;
import bitweave.units.mx.BlockTreeGolden;
import bitweave.units.mx.LowerBlockTree;
import bitweave.units.addertree.AdderTreeKind;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code matrix(M, N, K) of pe { pipeline P }}: the 2D-Matrix of the TPE paper, an M x N grid of K-wide
 * dot-product units accumulating over the beats of a group. {@code transform same_bit_weight_reduction}
 * (OPT2) applies inside each dot unit.
 */
public final class MatrixKind implements UnitKind {
    static final int MAX_SIDE = 64;
    static final int MAX_K = 1024;
    /** The multiplier budget of the largest systolic array (64 x 64 PEs). */
    static final long MAX_MULTIPLIERS = 4096;
    static final int DEFAULT_PIPELINE = 1;
    /** Transforms implemented for the 2D-Matrix (LANGUAGE.md 6.4). */
    private static final Set<Transform> TRANSFORMS = EnumSet.of(Transform.SAME_BIT_WEIGHT_REDUCTION,
            Transform.COMPRESSED_ACCUMULATION);

    @Override
    public String dslName() {
        return "matrix";
    }

    @Override
    public List<String> argNames() {
        return List.of("M", "N", "K");
    }

    @Override
    public ArraySpec check(Decl.Array decl, PeSpec pe, ArrayContext ctx) {
        Long m = ctx.inRange(decl.args().get(0), "matrix M", 1, MAX_SIDE, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        Long n = ctx.inRange(decl.args().get(1), "matrix N", 1, MAX_SIDE, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        Long k = ctx.inRange(decl.args().get(2), "matrix K", 1, MAX_K, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        boolean sizesOk = m != null && n != null && k != null;
        if (sizesOk && m * n * k > MAX_MULTIPLIERS) {
            ctx.error(ErrorCode.TOO_MANY_MULTIPLIERS, decl.kindLoc(), "matrix " + m + "x" + n + "x" + k + " has "
                    + (m * n * k) + " multipliers; at most " + MAX_MULTIPLIERS
                    + " (M*N*K, the size of a 64x64 systolic array)");
            sizesOk = false;
        }
        String owner = "matrix '" + decl.name() + "'";
        Long treeK = k;
        if (k != null && pe != null && pe.hasBlockOperands()) {
            int block = pe.blocks().blockSize();
            if (k % block != 0) {
                ctx.error(ErrorCode.BLOCK_DOES_NOT_DIVIDE, decl.args().get(2).loc(), "matrix K = " + k + " is not a"
                        + " whole number of blocks: PE '" + pe.name() + "' has blocks of " + block + " elements, so K"
                        + " must be " + block + ", " + (2 * block) + ", ...");
                sizesOk = false;
                treeK = null;
            } else {
                treeK = (long) block; // each block is its own tree; the blocks meet in the exact accumulator
            }
        }
        MemberSet members = ctx.members(decl.members(), List.of("pipeline", TransformMember.MEMBER), owner,
                decl.nameLoc());
        boolean ok = true;
        long pipeline = DEFAULT_PIPELINE;
        Member p = members.optional("pipeline");
        if (p != null) {
            ok = members.untyped(p) && members.argCount(p, 1, "pipeline 2");
            if (ok && treeK != null) {
                long max = MatrixArray.maxPipeline(treeK.intValue());
                Long v = ctx.inRange(p.args().get(0), "pipeline", 0, max, ErrorCode.PIPELINE_OUT_OF_RANGE,
                        " (with " + (treeK.equals(k) ? "K = " : "trees of one block, ") + treeK + " each dot unit's tree has " + (max - 1)
                                + " adder levels: at most ceil(log2 K) + 1)");
                ok = v != null;
                pipeline = ok ? v : pipeline;
            } else if (ok) {
                ok = ctx.eval(p.args().get(0)) != null; // still report errors inside the expression
            }
        }
        Member tm = members.optional(TransformMember.MEMBER);
        Set<Transform> transforms = TransformMember.parse(tm, members, ctx, TRANSFORMS, "a 2D-Matrix", pe);
        // OPT2 in each dot unit: the same legality as on the adder tree (E0218, E0224)
        ok &= transforms != null && AdderTreeKind.sameBitWeightLegal(tm, transforms, pe, treeK, ctx);
        if (ok && pe != null && pe.hasBlockOperands() && transforms.contains(Transform.COMPRESSED_ACCUMULATION)) {
            ctx.error(ErrorCode.TRANSFORM_NOT_APPLICABLE, tm.loc(), "compressed_accumulation keeps an integer"
                    + " accumulator as a carry-save pair, but PE '" + pe.name() + "' has block-format operands, whose"
                    + " accumulator is " + pe.blocks().out() + " (rounded at every beat); drop the transform");
            ok = false;
        }
        if (ok && TransformMember.rawPairs(tm)) {
            // the out register holds a group's fused result; raw pairs would need ports of their own
            ctx.error(ErrorCode.TRANSFORM_NOT_APPLICABLE, tm.loc(), "'" + TransformMember.RAW_PAIRS + "' does not"
                    + " apply to a 2D-Matrix: its out register holds each group's fused result; drop it");
            ok = false;
        }
        Integer edgeStages = ok && pe != null ? TransformMember.edgePipeline(tm, ctx, pe) : Integer.valueOf(0);
        if (pe == null || !sizesOk || !ok || edgeStages == null) {
            return null;
        }
        return new MatrixArray(decl.name(), pe, m.intValue(), n.intValue(), k.intValue(), (int) pipeline, transforms,
                edgeStages, decl.nameLoc());
    }

    @Override
    public boolean takesBlockOperands() {
        return true;
    }

    @Override
    public boolean owns(ArraySpec spec) {
        return spec instanceof MatrixArray;
    }

    @Override
    public String describe(ArraySpec spec) {
        MatrixArray t = (MatrixArray) spec;
        String blocks = t.pe().hasBlockOperands() ? " (" + t.k() / t.pe().blocks().blockSize() + " blocks of "
                + t.pe().blocks().blockSize() + ", " + t.pe().blocks().a().name() + " x " + t.pe().blocks().b().name()
                + " -> " + t.pe().blocks().out() + ")" : "";
        return "matrix " + t.m() + "x" + t.n() + "x" + t.k() + blocks + ", pipeline " + t.pipeline()
                + (t.sameBitWeight() ? ", transform same_bit_weight_reduction" : "")
                + (t.compressedAccumulation() ? ", transform compressed_accumulation" : "")
                + (t.edgePipeline() > 0 ? ", edge pipeline " + t.edgePipeline() : "");
    }

    @Override
    public UnitGolden golden(ArraySpec spec) {
        MatrixArray t = (MatrixArray) spec;
        return t.pe().hasBlockOperands() ? new BlockTreeGolden(t) : new MatrixGolden(t);
    }

    @Override
    public GoldenJavaUnit goldenJava(ArraySpec spec) {
        MatrixArray t = (MatrixArray) spec;
        if (t.pe().hasBlockOperands()) {
            return null; // no emitted Java model for block formats yet: the golden model is bitweave.numeric
        }
        List<Constant> sizes = List.of(
                new Constant("int", "M", Integer.toString(t.m()), "rows of A and C"),
                new Constant("int", "N", Integer.toString(t.n()), "columns of B and C"),
                new Constant("int", "K", Integer.toString(t.k()), "products per dot product and beat"));
        return new GoldenJavaUnit("matrix(" + t.m() + ", " + t.n() + ", " + t.k() + ")",
                "A group of beats accumulates C (M x N) from 0; beat j adds its product A_j (M x K) * B_j (K x N):"
                        + " C[m][n] = fit(C[m][n] + sum_k A_j[m][k]*B_j[k][n]), one fit per beat; the group's last"
                        + " beat outputs C.",
                sizes, "golden_java_matrix", "matrixUnit", "matrixCompute");
    }

    @Override
    public List<LoweringPass> loweringPasses() {
        return List.of(new LowerMatrix(), LowerBlockTree.forMatrix());
    }
}
