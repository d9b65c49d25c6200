package bitweave.units.addertree;

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

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code adder_tree(K) of pe { pipeline P; accumulate; columns N; transform same_bit_weight_reduction }}:
 * K multipliers feeding one adder tree, N such trees sharing the streamed operand a.
 */
public final class AdderTreeKind implements UnitKind {
    static final int MAX_K = 1024;
    static final int MAX_COLUMNS = 64;
    static final int DEFAULT_PIPELINE = 1;
    static final String SHAPE = "a multiplier-adder tree";

    @Override
    public String dslName() {
        return "adder_tree";
    }

    @Override
    public List<String> argNames() {
        return List.of("K");
    }

    /** See {@link AdderTree#maxPipeline}: K is at most MAX_K here, so it fits an int. */
    public static long maxPipeline(long k) {
        return AdderTree.maxPipeline((int) k);
    }

    @Override
    public ArraySpec check(Decl.Array decl, PeSpec pe, ArrayContext ctx) {
        Long k = ctx.inRange(decl.args().get(0), "adder_tree K", 1, MAX_K, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        String owner = "adder_tree '" + decl.name() + "'";
        Long treeK = k;
        if (k != null && pe != null && pe.hasBlockOperands()) {
            int block = pe.blocks().blockSize();
            if (k % block != 0) {
                ctx.error(ErrorCode.BLOCK_DOES_NOT_DIVIDE, decl.args().get(0).loc(), "adder_tree K = " + k + " is not a"
                        + " whole number of blocks: PE '" + pe.name() + "' has blocks of " + block + " elements, so K"
                        + " must be " + block + ", " + (2 * block) + ", ...");
                k = null;
                treeK = null;
            } else {
                treeK = (long) block; // each block is its own tree; the blocks meet in the exact accumulator
            }
        }
        MemberSet members = ctx.members(decl.members(),
                List.of("pipeline", "accumulate", "columns", TransformMember.MEMBER), owner, decl.nameLoc());
        boolean ok = true;
        long pipeline = DEFAULT_PIPELINE;
        Member p = members.optional("pipeline");
        if (p != null) {
            ok = members.untyped(p) && members.argCount(p, 1, "pipeline 2");
            if (ok && treeK != null) {
                long max = maxPipeline(treeK);
                Long v = ctx.inRange(p.args().get(0), "pipeline", 0, max, ErrorCode.PIPELINE_OUT_OF_RANGE,
                        " (with " + (treeK.equals(k) ? "K = " : "trees of one block, ") + treeK + " the tree has "
                                + (max - 1) + " adder levels: at most ceil(log2 K) + 1)");
                ok = v != null;
                pipeline = ok ? v : pipeline;
            } else if (ok) {
                ok = ctx.eval(p.args().get(0)) != null; // still report errors inside the expression
            }
        }
        Member acc = members.optional("accumulate");
        if (acc != null) {
            ok &= members.untyped(acc) & members.argCount(acc, 0, "accumulate");
        }
        long columns = 1;
        Member c = members.optional("columns");
        if (c != null) {
            Long v = members.untyped(c) && members.argCount(c, 1, "columns 4")
                    ? ctx.inRange(c.args().get(0), "adder_tree columns", 1, MAX_COLUMNS, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE)
                    : null;
            ok &= v != null;
            columns = v != null ? v : columns;
        }
        Member tm = members.optional(TransformMember.MEMBER);
        Set<Transform> transforms = TransformMember.parse(tm, members, ctx,
                EnumSet.of(Transform.SAME_BIT_WEIGHT_REDUCTION), SHAPE, pe);
        ok &= transforms != null && sameBitWeightLegal(tm, transforms, pe, treeK, ctx);
        if (pe == null || k == null || !ok) {
            return null;
        }
        return new AdderTree(decl.name(), pe, k.intValue(), (int) columns, (int) pipeline, acc != null, transforms,
                decl.nameLoc());
    }

    /**
     * OPT2 regroups partial products by bit weight, so the multiply must make partial products (E0218),
     * and it groups them across the K multipliers, so there must be more than one (E0224). The 2D-Matrix
     * applies it to its K-wide dot units under the same rules.
     */
    public static boolean sameBitWeightLegal(Member tm, Set<Transform> transforms, PeSpec pe, Long k, ArrayContext ctx) {
        if (transforms == null || !transforms.contains(Transform.SAME_BIT_WEIGHT_REDUCTION)) {
            return true;
        }
        if (pe != null && pe.hasBlockOperands() && !pe.blocks().integerElements()) {
            ctx.error(ErrorCode.TRANSFORM_NOT_APPLICABLE, tm.loc(), "same_bit_weight_reduction regroups partial products"
                    + " by bit weight, but the products of " + pe.blocks().a().name() + " x " + pe.blocks().b().name()
                    + " elements are shifted by their exponents, so their bit weights depend on the data; it applies"
                    + " to two's-complement integer elements (mxint8, bfp_eXmY)");
            return false;
        }
        boolean ok = true;
        if (pe != null && !pe.mac().multiplier().makesPartialProducts()) {
            ctx.error(ErrorCode.TRANSFORM_NEEDS_PARTIAL_PRODUCTS, tm.loc(), "same_bit_weight_reduction reduces the"
                    + " partial products of all K multipliers that share a bit weight together, but PE '" + pe.name()
                    + "' uses the behavioral multiplier, which makes no partial products: add 'multiplier booth'"
                    + " (or ent, and_array) to the PE, or drop the transform");
            ok = false;
        }
        if (k != null && k == 1) {
            ctx.error(ErrorCode.TRANSFORM_NEEDS_REDUCTION_OVER_K, tm.loc(), "same_bit_weight_reduction needs a"
                    + " reduction over K: with K = 1 there is a single product and nothing to reduce across"
                    + " multipliers; use K >= 2 or drop the transform");
            ok = false;
        }
        return ok;
    }

    @Override
    public boolean takesBlockOperands() {
        return true;
    }

    @Override
    public boolean owns(ArraySpec spec) {
        return spec instanceof AdderTree;
    }

    @Override
    public String describe(ArraySpec spec) {
        AdderTree t = (AdderTree) spec;
        String blocks = t.pe().hasBlockOperands() ? " (" + t.blocksPerColumn() + " blocks of " + t.pe().blocks().blockSize()
                + ", " + t.pe().blocks().a().name() + " x " + t.pe().blocks().b().name() + " -> " + t.pe().blocks().out() + ")"
                : "";
        return "adder_tree K=" + t.k() + blocks + (t.columns() > 1 ? ", columns " + t.columns() : "") + ", pipeline "
                + t.pipeline() + (t.accumulate() ? ", accumulate" : "")
                + (t.sameBitWeight() ? ", transform same_bit_weight_reduction" : "");
    }

    @Override
    public UnitGolden golden(ArraySpec spec) {
        AdderTree t = (AdderTree) spec;
        return t.pe().hasBlockOperands() ? new BlockTreeGolden(t) : new AdderTreeGolden(t);
    }

    @Override
    public GoldenJavaUnit goldenJava(ArraySpec spec) {
        AdderTree t = (AdderTree) spec;
        if (t.pe().hasBlockOperands()) {
            return null; // no emitted Java model for block formats yet: the golden model is bitweave.numeric
        }
        if (t.columns() > 1) {
            return columnsGoldenJava(t);
        }
        List<Constant> sizes = List.of(new Constant("int", "K", Integer.toString(t.k()), "products per dot product"));
        String signature = "adder_tree(" + t.k() + ")" + (t.accumulate() ? " with accumulate" : "");
        if (t.accumulate()) {
            return new GoldenJavaUnit(signature,
                    "Each beat adds a dot product: acc = fit(acc + sum_i a[i]*b[i]); a group of beats ends with"
                            + " its last beat, which outputs acc; acc starts at 0 for every group.",
                    sizes, "golden_java_addertree", "accumulateUnit", "accumulateCompute");
        }
        return new GoldenJavaUnit(signature,
                "Each beat outputs fit(sum_i a[i]*b[i]): the dot product is exact, one fit at the end.",
                sizes, "golden_java_addertree", "dotUnit", "dotCompute");
    }

    /** N > 1 columns: the same arithmetic once per column (separate templates keep N = 1 files unchanged). */
    private static GoldenJavaUnit columnsGoldenJava(AdderTree t) {
        List<Constant> sizes = List.of(new Constant("int", "K", Integer.toString(t.k()), "products per dot product"),
                new Constant("int", "N", Integer.toString(t.columns()), "columns: dot products per beat, sharing a"));
        String signature = "adder_tree(" + t.k() + ") with columns " + t.columns()
                + (t.accumulate() ? " and accumulate" : "");
        if (t.accumulate()) {
            return new GoldenJavaUnit(signature,
                    "Each beat adds one dot product per column n: acc[n] = fit(acc[n] + sum_i a[i]*b[n*K+i]); a"
                            + " group of beats ends with its last beat, which outputs acc[0..N-1]; every acc starts"
                            + " at 0 for every group.",
                    sizes, "golden_java_addertree", "columnsAccumulateUnit", "columnsAccumulateCompute");
        }
        return new GoldenJavaUnit(signature,
                "Each beat outputs fit(sum_i a[i]*b[n*K+i]) for every column n = 0..N-1: each dot product is"
                        + " exact, one fit at the end.",
                sizes, "golden_java_addertree", "columnsDotUnit", "columnsDotCompute");
    }

    @Override
    public List<LoweringPass> loweringPasses() {
        return List.of(new LowerAdderTree(), LowerBlockTree.forAdderTree());
    }
}
