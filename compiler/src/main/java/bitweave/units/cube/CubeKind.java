package bitweave.units.cube;

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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code cube(X, Y, Z) of pe}: the 3D-Cube of the TPE paper, X x Y x Z MAC PEs; each (z, x) column
 * reduces along y. Its one member is {@code transform}: compressed accumulation (OPT1) applies, the pair
 * being what flows along y (needs {@code wrap}, E0217), optionally with {@code raw_pairs}.
 */
public final class CubeKind implements UnitKind {
    static final int MAX_SIDE = 32;
    /** The PE budget of the largest systolic array (64 x 64). */
    static final long MAX_PES = 4096;
    /** Transforms implemented for the cube: compressed accumulation along each column (LANGUAGE.md 6.4). */
    private static final Set<Transform> TRANSFORMS = EnumSet.of(Transform.COMPRESSED_ACCUMULATION);

    @Override
    public String dslName() {
        return "cube";
    }

    @Override
    public List<String> argNames() {
        return List.of("X", "Y", "Z");
    }

    @Override
    public ArraySpec check(Decl.Array decl, PeSpec pe, ArrayContext ctx) {
        Long x = ctx.inRange(decl.args().get(0), "cube X", 1, MAX_SIDE, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        Long y = ctx.inRange(decl.args().get(1), "cube Y", 1, MAX_SIDE, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        Long z = ctx.inRange(decl.args().get(2), "cube Z", 1, MAX_SIDE, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        boolean ok = x != null && y != null && z != null;
        if (ok && x * y * z > MAX_PES) {
            ctx.error(ErrorCode.TOO_MANY_MULTIPLIERS, decl.kindLoc(), "cube " + x + "x" + y + "x" + z + " has "
                    + (x * y * z) + " PEs; at most " + MAX_PES + " (X*Y*Z, the size of a 64x64 systolic array)");
            ok = false;
        }
        String owner = "cube '" + decl.name() + "'";
        MemberSet members = ctx.members(decl.members(), List.of(TransformMember.MEMBER), owner, decl.nameLoc());
        Member tm = members.optional(TransformMember.MEMBER);
        Set<Transform> transforms = TransformMember.parse(tm, members, ctx, TRANSFORMS, "a 3D-Cube", pe);
        if (pe == null || !ok || transforms == null) {
            return null;
        }
        Integer edgeStages = TransformMember.edgePipeline(tm, ctx, pe);
        if (edgeStages == null) {
            return null;
        }
        return new CubeArray(decl.name(), pe, x.intValue(), y.intValue(), z.intValue(), transforms,
                TransformMember.rawPairs(tm), edgeStages, decl.nameLoc());
    }

    @Override
    public boolean owns(ArraySpec spec) {
        return spec instanceof CubeArray;
    }

    @Override
    public String describe(ArraySpec spec) {
        CubeArray c = (CubeArray) spec;
        StringBuilder sb = new StringBuilder("cube " + c.x() + "x" + c.y() + "x" + c.z());
        for (Transform t : c.transforms()) {
            sb.append(", transform ").append(t.dslName()).append(" (").append(t.paperName).append(')');
        }
        if (c.rawPairs()) {
            sb.append(", raw pairs");
        }
        if (c.edgePipeline() > 0) {
            sb.append(", edge pipeline ").append(c.edgePipeline());
        }
        return sb.toString();
    }

    @Override
    public UnitGolden golden(ArraySpec spec) {
        return new CubeGolden((CubeArray) spec);
    }

    @Override
    public GoldenJavaUnit goldenJava(ArraySpec spec) {
        CubeArray c = (CubeArray) spec;
        List<Constant> sizes = List.of(
                new Constant("int", "X", Integer.toString(c.x()), "columns of B and C"),
                new Constant("int", "Y", Integer.toString(c.y()), "the reduction axis: columns of A, rows of B"),
                new Constant("int", "Z", Integer.toString(c.z()), "rows of A and C"));
        return new GoldenJavaUnit("cube(" + c.x() + ", " + c.y() + ", " + c.z() + ")",
                "Every beat is one product C = A*B of A (Z x Y) and B (Y x X): for each z, x the partial sum runs"
                        + " along y, p = 0; for y = 0..Y-1: p = fit(p + A[z][y]*B[y][x]); C[z][x] = p.",
                sizes, "golden_java_cube", "cubeUnit", "cubeCompute");
    }

    @Override
    public List<LoweringPass> loweringPasses() {
        return List.of(new LowerCube());
    }
}
