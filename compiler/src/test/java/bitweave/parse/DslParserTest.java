package bitweave.parse;

import bitweave.diag.ErrorCode;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DslParserTest {

    private static SourceFile parseOk(String text) {
        DslParser.Result r = DslParser.parse(text, "t.bw");
        assertTrue(r.ok(), "unexpected syntax errors: " + r.diagnostics());
        return r.file();
    }

    @Test
    void buildsDeclarationsWithOneBasedLocations() {
        SourceFile f = parseOk("design d\nparam N = 4 in 1..8\npe mac {\n  a : int8\n  acc : int32 wrap\n}\n"
                + "array top = systolic(N, 2) of mac { dataflow output_stationary }\n");
        assertEquals("d", f.designName());
        assertEquals(1, f.designLoc().line());
        assertEquals(8, f.designLoc().col());
        assertEquals(3, f.decls().size());
        Decl.Param p = (Decl.Param) f.decls().get(0);
        assertEquals("N", p.name());
        assertEquals(2, p.nameLoc().line());
        assertEquals(7, p.nameLoc().col());
        assertTrue(p.hasRange());
        Decl.Pe pe = (Decl.Pe) f.decls().get(1);
        Member acc = pe.members().get(1);
        assertEquals("acc", acc.name());
        assertEquals("int32", acc.type().name());
        assertEquals("wrap", ((Expr.NameRef) acc.args().get(0)).name());
        assertEquals(5, acc.loc().line());
        assertEquals(3, acc.loc().col());
        Decl.Array a = (Decl.Array) f.decls().get(2);
        assertEquals("systolic", a.kind());
        assertEquals(2, a.args().size());
        assertEquals("mac", a.pe());
        assertEquals("dataflow", a.members().get(0).name());
        assertNull(a.members().get(0).type());
    }

    @Test
    void blankLinesCommentsAndSemicolonsAnywhere() {
        SourceFile f = parseOk("\n\n// lead comment\n  /* block */ design d // trailing\n\n"
                + "param A = 1; param B = 2 /* one-line block */\n/* multi\nline */\n"
                + "pe mac {\n\n  // inside\n  a : int8 ;\n\n  b : int8 /* x */ ; acc : int32 wrap\n\n}\n\n"
                + "array top = adder_tree(4) of mac // no body\n\n// end");
        assertEquals(4, f.decls().size());
        assertEquals(3, ((Decl.Pe) f.decls().get(2)).members().size());
    }

    @Test
    void multiLineBlockCommentSeparatesStatements() {
        SourceFile f = parseOk("design d\nparam A = 1 /* spans\nlines */ param B = 2\n");
        assertEquals(2, f.decls().size());
    }

    @Test
    void oneLineBlockCommentDoesNotSeparateStatements() {
        DslParser.Result r = DslParser.parse("design d\nparam A = 1 /* same line */ param B = 2\n", "t.bw");
        assertFalse(r.ok());
        assertEquals(ErrorCode.SYNTAX, r.diagnostics().get(0).code());
    }

    @Test
    void expressionPrecedenceAndUnaryMinus() {
        SourceFile f = parseOk("design d\nparam A = -2 * 3 + 4 / (1 - 5)\n");
        Expr e = ((Decl.Param) f.decls().get(0)).value();
        Expr.Chain sum = assertInstanceOf(Expr.Chain.class, e);
        assertEquals(1, sum.steps().size());
        assertEquals('+', sum.steps().get(0).op());
        Expr.Chain times = assertInstanceOf(Expr.Chain.class, sum.first());
        assertEquals('*', times.steps().get(0).op());
        assertInstanceOf(Expr.Negate.class, times.first());
        Expr.Chain div = assertInstanceOf(Expr.Chain.class, sum.steps().get(0).operand());
        assertEquals('/', div.steps().get(0).op());
        assertInstanceOf(Expr.Chain.class, div.steps().get(0).operand());
        assertEquals(2, sum.loc().line());
        assertEquals(18, sum.loc().col());
    }

    @Test
    void hugeLiteralsAreKeptExactForTheChecker() {
        SourceFile f = parseOk("design d\nparam A = 123456789012345678901234567890\n");
        Expr.IntLit lit = (Expr.IntLit) ((Decl.Param) f.decls().get(0)).value();
        assertEquals(new BigInteger("123456789012345678901234567890"), lit.value());
    }

    @Test
    void sideBySideArgumentsAndParameterizedTypes() {
        SourceFile f = parseOk("design d\npe p { w : uint(W + 1) zero_point 2; tile M 2 N 64 }\n");
        Decl.Pe pe = (Decl.Pe) f.decls().get(0);
        Member w = pe.members().get(0);
        assertEquals("uint", w.type().name());
        assertInstanceOf(Expr.Chain.class, w.type().width());
        assertEquals(2, w.args().size());
        assertEquals(4, pe.members().get(1).args().size());
    }

    @Test
    void severalSyntaxErrorsInOneRun() {
        DslParser.Result r = DslParser.parse("design d\nparam = 1\nparam B 2\npe { }\n", "t.bw");
        assertFalse(r.ok());
        assertEquals(3, r.diagnostics().size(), r.diagnostics().toString());
        assertEquals(2, r.diagnostics().get(0).loc().line());
        assertEquals(3, r.diagnostics().get(1).loc().line());
        assertEquals(4, r.diagnostics().get(2).loc().line());
    }

    @Test
    void lexicalErrorsHaveTheirOwnCodes() {
        DslParser.Result r = DslParser.parse("design d\nparam A = 1 # 2\n", "t.bw");
        assertEquals(ErrorCode.UNEXPECTED_CHARACTER, r.diagnostics().get(0).code());
        assertEquals(13, r.diagnostics().get(0).loc().col());
        DslParser.Result c = DslParser.parse("design d\n/* open", "t.bw");
        assertEquals(ErrorCode.UNTERMINATED_COMMENT, c.diagnostics().get(0).code());
    }

    @Test
    void errorAtEndOfLinePointsJustAfterTheLastToken() {
        DslParser.Result r = DslParser.parse("design d\nparam A =\n", "t.bw");
        assertEquals(2, r.diagnostics().get(0).loc().line());
        assertEquals(10, r.diagnostics().get(0).loc().col());
        assertTrue(r.diagnostics().get(0).message().contains("end of line"), r.diagnostics().get(0).message());
    }
}
