package bitweave.parse;

import bitweave.ir.SourceLoc;

import java.math.BigInteger;

/** An integer expression as written. Literals keep their exact value; the checker detects overflow. */
public sealed interface Expr permits Expr.IntLit, Expr.NameRef, Expr.Negate, Expr.Binary {

    /** Where the expression starts (for a binary expression: where its operator is written). */
    SourceLoc loc();

    record IntLit(BigInteger value, SourceLoc loc) implements Expr {
    }

    /** A bare name: a parameter reference in arithmetic, or a keyword-like word such as {@code wrap}. */
    record NameRef(String name, SourceLoc loc) implements Expr {
    }

    record Negate(Expr operand, SourceLoc loc) implements Expr {
    }

    /** @param op one of {@code + - * /} */
    record Binary(char op, Expr left, Expr right, SourceLoc loc) implements Expr {
    }
}
