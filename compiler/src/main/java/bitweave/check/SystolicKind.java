package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.ir.ArraySpec;
import bitweave.ir.Dataflow;
import bitweave.ir.PeSpec;
import bitweave.ir.SystolicArray;
import bitweave.parse.Decl;
import bitweave.parse.Expr;
import bitweave.parse.Member;

import java.util.List;

/** {@code systolic(ROWS, COLS) of pe { dataflow output_stationary | weight_stationary }}. */
final class SystolicKind implements ArrayKind {
    static final int MAX_SIDE = 64;
    private static final List<String> DATAFLOWS = List.of("output_stationary", "weight_stationary");

    @Override
    public String name() {
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
        MemberSet members = new MemberSet(decl.members(), List.of("dataflow"), owner, decl.nameLoc(), ctx.reporter());
        Dataflow dataflow = dataflow(members.require("dataflow", "dataflow output_stationary"), members, ctx);
        if (pe == null || rows == null || cols == null || dataflow == null) {
            return null;
        }
        return new SystolicArray(decl.name(), pe, rows.intValue(), cols.intValue(), dataflow, decl.nameLoc());
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
        ctx.reporter().error(ErrorCode.BAD_OPTION_VALUE, arg.loc(), "unknown dataflow " + what
                + "; expected output_stationary or weight_stationary");
        return null;
    }
}
