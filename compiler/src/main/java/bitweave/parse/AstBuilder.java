package bitweave.parse;

import bitweave.ir.SourceLoc;
import bitweave.parse.antlr.BitweaveParser;
import org.antlr.v4.runtime.Token;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds the AST records from an ANTLR parse tree. Only called on trees without syntax errors, so
 * every token the grammar requires is present.
 */
final class AstBuilder {
    private final String displayPath;

    AstBuilder(String displayPath) {
        this.displayPath = displayPath;
    }

    SourceFile file(BitweaveParser.FileContext ctx) {
        List<Decl> decls = new ArrayList<>();
        for (BitweaveParser.DeclContext d : ctx.decl()) {
            decls.add(decl(d));
        }
        Token design = ctx.designDecl().name;
        return new SourceFile(design.getText(), loc(design), decls);
    }

    private Decl decl(BitweaveParser.DeclContext ctx) {
        if (ctx.paramDecl() != null) {
            return param(ctx.paramDecl());
        }
        if (ctx.peDecl() != null) {
            BitweaveParser.PeDeclContext pe = ctx.peDecl();
            return new Decl.Pe(pe.name.getText(), loc(pe.name), members(pe.body()));
        }
        return array(ctx.arrayDecl());
    }

    private Decl.Param param(BitweaveParser.ParamDeclContext ctx) {
        Expr lo = ctx.lo == null ? null : expr(ctx.lo);
        Expr hi = ctx.hi == null ? null : expr(ctx.hi);
        return new Decl.Param(ctx.name.getText(), loc(ctx.name), expr(ctx.value), lo, hi);
    }

    private Decl.Array array(BitweaveParser.ArrayDeclContext ctx) {
        List<Expr> args = new ArrayList<>();
        if (ctx.argList() != null) {
            for (BitweaveParser.ExprContext e : ctx.argList().expr()) {
                args.add(expr(e));
            }
        }
        List<Member> members = ctx.body() == null ? List.of() : members(ctx.body());
        return new Decl.Array(ctx.name.getText(), loc(ctx.name), ctx.kind.getText(), loc(ctx.kind), args,
                ctx.pe.getText(), loc(ctx.pe), members);
    }

    private List<Member> members(BitweaveParser.BodyContext body) {
        List<Member> members = new ArrayList<>();
        for (BitweaveParser.MemberContext m : body.member()) {
            members.add(member(m));
        }
        return members;
    }

    private Member member(BitweaveParser.MemberContext ctx) {
        if (ctx instanceof BitweaveParser.TypedMemberContext typed) {
            BitweaveParser.TypeRefContext t = typed.typeRef();
            Member.TypeRef type = new Member.TypeRef(t.name.getText(), t.width == null ? null : expr(t.width), loc(t.name));
            return new Member(typed.name.getText(), loc(typed.name), type, exprs(typed.expr()));
        }
        BitweaveParser.PlainMemberContext plain = (BitweaveParser.PlainMemberContext) ctx;
        return new Member(plain.name.getText(), loc(plain.name), null, exprs(plain.expr()));
    }

    private List<Expr> exprs(List<BitweaveParser.ExprContext> ctxs) {
        List<Expr> out = new ArrayList<>();
        for (BitweaveParser.ExprContext e : ctxs) {
            out.add(expr(e));
        }
        return out;
    }

    /** A sum: its terms joined by '+' and '-', flat (the grammar reads any number of them in a loop). */
    private Expr expr(BitweaveParser.ExprContext ctx) {
        List<Expr> terms = new ArrayList<>();
        for (BitweaveParser.TermContext t : ctx.term()) {
            terms.add(term(t));
        }
        return chain(terms, ctx.ops);
    }

    /** A product: its factors joined by '*' and '/'. */
    private Expr term(BitweaveParser.TermContext ctx) {
        List<Expr> factors = new ArrayList<>();
        for (BitweaveParser.FactorContext f : ctx.factor()) {
            factors.add(factor(f));
        }
        return chain(factors, ctx.ops);
    }

    /** operands.get(0), then each operator with the operand after it; a single operand stays itself. */
    private Expr chain(List<Expr> operands, List<Token> operators) {
        if (operators.isEmpty()) {
            return operands.get(0);
        }
        List<Expr.Step> steps = new ArrayList<>(operators.size());
        for (int i = 0; i < operators.size(); i++) {
            Token op = operators.get(i);
            steps.add(new Expr.Step(op.getText().charAt(0), operands.get(i + 1), loc(op)));
        }
        return new Expr.Chain(operands.get(0), steps);
    }

    private Expr factor(BitweaveParser.FactorContext ctx) {
        if (ctx instanceof BitweaveParser.IntLiteralContext lit) {
            return new Expr.IntLit(lit.INT().getText(), loc(lit.INT().getSymbol()));
        }
        if (ctx instanceof BitweaveParser.NameRefContext ref) {
            return new Expr.NameRef(ref.ID().getText(), loc(ref.ID().getSymbol()));
        }
        if (ctx instanceof BitweaveParser.ParenContext paren) {
            return expr(paren.expr());
        }
        if (ctx instanceof BitweaveParser.NegateContext neg) {
            return new Expr.Negate(factor(neg.factor()), loc(neg.op));
        }
        throw new IllegalStateException("expression form not handled by AstBuilder: " + ctx.getClass().getSimpleName());
    }

    private SourceLoc loc(Token token) {
        return new SourceLoc(displayPath, token.getLine(), token.getCharPositionInLine() + 1);
    }
}
