package bitweave.units.systolic;

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
import bitweave.parse.Expr;
import bitweave.parse.Member;
import bitweave.passes.LoweringPass;
import bitweave.units.UnitKind;
import bitweave.units.mx.BlockTreeGolden;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * {@code systolic(ROWS, COLS) of pe { dataflow output_stationary | weight_stationary }}: one DSL kind,
 * two units. The dataflow picks the golden side ({@link OutputStationaryGolden},
 * {@link WeightStationaryGolden}) and the lowering ({@link LowerSystolicOs}, {@link LowerSystolicWs}).
 */
public final class SystolicKind implements UnitKind {
    static final int MAX_SIDE = 64;
    private static final List<String> DATAFLOWS = List.of("output_stationary", "weight_stationary");
    /** Both dataflows take compressed accumulation (OS: the accumulator, WS: the flowing partial sum). */
    private static final Set<Transform> APPLICABLE = EnumSet.of(Transform.COMPRESSED_ACCUMULATION);

    @Override
    public String dslName() {
        return "systolic";
    }

    @Override
    public List<String> argNames() {
        return List.of("ROWS", "COLS");
    }

    @Override
    public ArraySpec check(Decl.Array decl, PeSpec pe, ArrayContext ctx) {
        Long rows = ctx.inRange(decl.args().get(0), "systolic ROWS", 1, MAX_SIDE, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        Long cols = ctx.inRange(decl.args().get(1), "systolic COLS", 1, MAX_SIDE, ErrorCode.ARRAY_SIZE_OUT_OF_RANGE);
        String owner = "systolic array '" + decl.name() + "'";
        MemberSet members = ctx.members(decl.members(), List.of("dataflow", TransformMember.MEMBER, "output", "skew"), owner,
                decl.nameLoc());
        Dataflow dataflow = dataflow(members.require("dataflow", "dataflow output_stationary"), members, ctx);
        String shape = dataflow == Dataflow.WEIGHT_STATIONARY ? "a weight-stationary systolic array"
                : "an output-stationary systolic array";
        Member tm = members.optional(TransformMember.MEMBER);
        Set<Transform> transforms = TransformMember.parse(tm, members, ctx, APPLICABLE, shape, pe);
        OutputMode output = word(members.optional("output"), members, ctx, "output held", OutputMode.class,
                OutputMode.HELD);
        SkewMode skew = word(members.optional("skew"), members, ctx, "skew internal", SkewMode.class, SkewMode.INTERNAL);
        if (pe == null || rows == null || cols == null || dataflow == null || transforms == null || output == null
                || skew == null) {
            return null;
        }
        if (pe.hasBlockOperands() && !blockPeLegal(decl, pe, dataflow, transforms, skew, tm, members, ctx)) {
            return null;
        }
        Integer edgeStages = TransformMember.edgePipeline(tm, ctx, pe);
        if (edgeStages == null) {
            return null;
        }
        return new SystolicArray(decl.name(), pe, rows.intValue(), cols.intValue(), dataflow, transforms, output, skew,
                decl.nameLoc(), TransformMember.rawPairs(tm), edgeStages);
    }

    /**
     * A PE with block-format operands runs in the output-stationary array, one block per step, its accumulator in
     * acc's float format (LANGUAGE.md 5.2): a weight-stationary array would round its flowing partial sum in every
     * PE, host skew would delay each lane's scale and elements apart, and compressed accumulation keeps an integer
     * accumulator.
     */
    private static boolean blockPeLegal(Decl.Array decl, PeSpec pe, Dataflow dataflow, Set<Transform> transforms,
                                        SkewMode skew, Member tm, MemberSet members, ArrayContext ctx) {
        String formats = pe.blocks().a().name() + " x " + pe.blocks().b().name();
        if (dataflow == Dataflow.WEIGHT_STATIONARY) {
            ctx.error(ErrorCode.OPTION_NOT_APPLICABLE, members.optional("dataflow").loc(), "PE '" + pe.name()
                    + "' has block-format operands (" + formats + "); this version builds them in an output_stationary"
                    + " systolic array (each PE accumulates its blocks in " + pe.blocks().out() + "), not in a"
                    + " weight_stationary one");
            return false;
        }
        if (transforms.contains(Transform.COMPRESSED_ACCUMULATION)) {
            ctx.error(ErrorCode.TRANSFORM_NOT_APPLICABLE, tm.loc(), "compressed_accumulation keeps an integer"
                    + " accumulator as a carry-save pair, but PE '" + pe.name() + "' has block-format operands, whose"
                    + " accumulator is " + pe.blocks().out() + " (rounded at every step); drop the transform");
            return false;
        }
        if (skew == SkewMode.HOST) {
            ctx.error(ErrorCode.OPTION_NOT_APPLICABLE, members.optional("skew").loc(), "'skew host' is not available"
                    + " with block-format operands (" + formats + "): the array skews each lane's scale and elements"
                    + " itself; drop the member");
            return false;
        }
        return true;
    }

    /** An optional one-word member ({@code output held|direct}, {@code skew internal|host}); absent: {@code dflt}. */
    private static <E extends Enum<E>> E word(Member m, MemberSet members, ArrayContext ctx, String usage,
                                              Class<E> type, E dflt) {
        if (m == null) {
            return dflt;
        }
        if (!members.untyped(m) || !members.argCount(m, 1, usage)) {
            return null;
        }
        Expr arg = m.args().get(0);
        StringBuilder expected = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            String name = e.name().toLowerCase(java.util.Locale.ROOT);
            if (arg instanceof Expr.NameRef w && w.name().equals(name)) {
                return e;
            }
            expected.append(expected.length() == 0 ? "" : " or ").append(name);
        }
        String what = arg instanceof Expr.NameRef w ? "'" + w.name() + "'" : "(a number or expression)";
        ctx.error(ErrorCode.BAD_OPTION_VALUE, arg.loc(), "unknown " + usage.substring(0, usage.indexOf(' ')) + " mode "
                + what + "; expected " + expected);
        return null;
    }

    private static Dataflow dataflow(Member m, MemberSet members, ArrayContext ctx) {
        if (m == null || !members.untyped(m) || !members.argCount(m, 1, "dataflow output_stationary")) {
            return null;
        }
        Expr arg = m.args().get(0);
        if (arg instanceof Expr.NameRef word && DATAFLOWS.contains(word.name())) {
            return word.name().equals("output_stationary") ? Dataflow.OUTPUT_STATIONARY : Dataflow.WEIGHT_STATIONARY;
        }
        String what = arg instanceof Expr.NameRef word ? "'" + word.name() + "'" : "(a number or expression)";
        ctx.error(ErrorCode.BAD_OPTION_VALUE, arg.loc(), "unknown dataflow " + what
                + "; expected output_stationary or weight_stationary");
        return null;
    }

    @Override
    public boolean takesBlockOperands() {
        return true;
    }

    @Override
    public boolean owns(ArraySpec spec) {
        return spec instanceof SystolicArray;
    }

    @Override
    public String describe(ArraySpec spec) {
        SystolicArray s = (SystolicArray) spec;
        StringBuilder sb = new StringBuilder("systolic " + s.rows() + "x" + s.cols() + " " + s.dataflow().dslName());
        if (s.pe().hasBlockOperands()) {
            var f = s.pe().blocks();
            sb.append(" (a block of ").append(f.blockSize()).append(" per step, ").append(f.a().name()).append(" x ")
                    .append(f.b().name()).append(" -> ").append(f.out()).append(')');
        }
        for (Transform t : s.transforms()) {
            sb.append(", transform ").append(t.dslName()).append(" (").append(t.paperName).append(')');
        }
        if (s.output() != OutputMode.HELD) {
            sb.append(", output ").append(s.output().dslName());
        }
        if (s.skew() != SkewMode.INTERNAL) {
            sb.append(", skew ").append(s.skew().dslName());
        }
        if (s.rawPairs()) {
            sb.append(", raw pairs");
        }
        if (s.edgePipeline() > 0) {
            sb.append(", edge pipeline ").append(s.edgePipeline());
        }
        return sb.toString();
    }

    @Override
    public UnitGolden golden(ArraySpec spec) {
        SystolicArray s = (SystolicArray) spec;
        if (s.pe().hasBlockOperands()) {
            return new BlockTreeGolden(s); // a 2D-Matrix of one block per beat: the same arithmetic
        }
        return s.dataflow() == Dataflow.OUTPUT_STATIONARY ? new OutputStationaryGolden(s) : new WeightStationaryGolden(s);
    }

    @Override
    public GoldenJavaUnit goldenJava(ArraySpec spec) {
        SystolicArray s = (SystolicArray) spec;
        if (s.pe().hasBlockOperands()) {
            return null; // no emitted Java model for block formats yet: the golden model is bitweave.numeric
        }
        String signature = "systolic(" + s.rows() + ", " + s.cols() + ") " + s.dataflow().dslName();
        List<Constant> sizes = List.of(
                new Constant("int", "ROWS", Integer.toString(s.rows()), "rows of the array"),
                new Constant("int", "COLS", Integer.toString(s.cols()), "columns of the array"));
        if (s.dataflow() == Dataflow.OUTPUT_STATIONARY) {
            return new GoldenJavaUnit(signature,
                    "A tile multiplies A (ROWS x K) by B (K x COLS): for k = 0..K-1, for all r, c:"
                            + " acc[r][c] = fit(acc[r][c] + A[r][k]*B[k][c]), starting from 0; C = acc.",
                    sizes, "golden_java_systolic", "outputStationaryUnit", "outputStationaryCompute");
        }
        return new GoldenJavaUnit(signature,
                "Weights W (ROWS x COLS) stay in the array; for activation x (ROWS values),"
                        + " y[c] = p after p = 0; for r = 0..ROWS-1: p = fit(p + x[r]*W[r][c]).",
                sizes, "golden_java_systolic", "weightStationaryUnit", "weightStationaryCompute");
    }

    @Override
    public List<LoweringPass> loweringPasses() {
        return List.of(new LowerSystolicOs(), new LowerSystolicWs(), new LowerBlockSystolic());
    }
}
