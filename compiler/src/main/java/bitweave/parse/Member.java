package bitweave.parse;

import bitweave.ir.SourceLoc;

import java.util.List;

/**
 * One line of a {@code { ... }} body: {@code name : type args*} or {@code name args*}. The grammar
 * accepts any member in any body; the checker decides which names, types and arguments a body allows.
 *
 * @param type null when the member has no {@code : type} part
 * @param args the expressions written after the name (or after the type), e.g. {@code wrap} or {@code 2}
 */
public record Member(String name, SourceLoc loc, TypeRef type, List<Expr> args) {
    public Member {
        args = List.copyOf(args);
    }

    /** A type as written: {@code int8}, or {@code int(W)} where width is the expression in parentheses. */
    public record TypeRef(String name, Expr width, SourceLoc loc) {
    }
}
