package bitweave.units.addertree;

import bitweave.check.ArrayContext;
import bitweave.check.MemberSet;
import bitweave.diag.ErrorCode;
import bitweave.emit.GoldenJavaEmitter.Constant;
import bitweave.emit.GoldenJavaUnit;
import bitweave.golden.UnitGolden;
import bitweave.ir.ArraySpec;
import bitweave.ir.PeSpec;
import bitweave.parse.Decl;
import bitweave.parse.Member;
import bitweave.passes.LoweringPass;
import bitweave.units.UnitKind;

import java.util.List;

/** {@code adder_tree(K) of pe { pipeline P; accumulate }}: K multipliers feeding one adder tree. */
public final class AdderTreeKind implements UnitKind {
    static final int MAX_K = 1024;
    static final int DEFAULT_PIPELINE = 1;

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
        MemberSet members = ctx.members(decl.members(), List.of("pipeline", "accumulate"), owner, decl.nameLoc());
        boolean ok = true;
        long pipeline = DEFAULT_PIPELINE;
        Member p = members.optional("pipeline");
        if (p != null) {
            ok = members.untyped(p) && members.argCount(p, 1, "pipeline 2");
            if (ok && k != null) {
                long max = maxPipeline(k);
                Long v = ctx.inRange(p.args().get(0), "pipeline", 0, max, ErrorCode.PIPELINE_OUT_OF_RANGE,
                        " (with K = " + k + " the tree has " + (max - 1) + " adder levels: at most ceil(log2 K) + 1)");
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
        if (pe == null || k == null || !ok) {
            return null;
        }
        return new AdderTree(decl.name(), pe, k.intValue(), (int) pipeline, acc != null, decl.nameLoc());
    }

    @Override
    public boolean owns(ArraySpec spec) {
        return spec instanceof AdderTree;
    }

    @Override
    public String describe(ArraySpec spec) {
        AdderTree t = (AdderTree) spec;
        return "adder_tree K=" + t.k() + ", pipeline " + t.pipeline() + (t.accumulate() ? ", accumulate" : "");
    }

    @Override
    public UnitGolden golden(ArraySpec spec) {
        return new AdderTreeGolden((AdderTree) spec);
    }

    @Override
    public GoldenJavaUnit goldenJava(ArraySpec spec) {
        AdderTree t = (AdderTree) spec;
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

    @Override
    public List<LoweringPass> loweringPasses() {
        return List.of(new LowerAdderTree());
    }
}
