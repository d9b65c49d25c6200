package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.ir.AdderTree;
import bitweave.ir.ArraySpec;
import bitweave.ir.PeSpec;
import bitweave.parse.Decl;
import bitweave.parse.Member;

import java.util.List;

/** {@code adder_tree(K) of pe { pipeline P; accumulate }}: K multipliers feeding one adder tree. */
final class AdderTreeKind implements ArrayKind {
    static final int MAX_K = 1024;
    static final int DEFAULT_PIPELINE = 1;

    @Override
    public String name() {
        return "adder_tree";
    }

    @Override
    public List<String> argNames() {
        return List.of("K");
    }

    /** See {@link bitweave.ir.AdderTree#maxPipeline}: K is at most MAX_K here, so it fits an int. */
    static long maxPipeline(long k) {
        return bitweave.ir.AdderTree.maxPipeline((int) k);
    }

    @Override
    public ArraySpec check(Decl.Array decl, PeSpec pe, ArrayContext ctx) {
        Long k = ctx.inRange(decl.args().get(0), "adder_tree K", 1, MAX_K, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        String owner = "adder_tree '" + decl.name() + "'";
        MemberSet members = new MemberSet(decl.members(), List.of("pipeline", "accumulate"), owner, decl.nameLoc(),
                ctx.reporter());
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
                ok = ctx.evaluator().eval(p.args().get(0)) != null; // still report errors inside the expression
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
}
