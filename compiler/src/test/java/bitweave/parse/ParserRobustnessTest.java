package bitweave.parse;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stray characters, line endings, long chains and deep nesting (issue 5, items 7, 8, 10). */
class ParserRobustnessTest {

    private static List<Diagnostic> errors(String text) {
        DslParser.Result r = DslParser.parse(text, "t.bw");
        assertFalse(r.ok(), "expected syntax errors in:\n" + text);
        return r.diagnostics();
    }

    private static String where(Diagnostic d) {
        return d.loc().line() + ":" + d.loc().col();
    }

    @Test
    void aStrayCharacterIsReportedAloneAndTheNextTokenIsKept() {
        // '.' starts '..': ANTLR read the following character too and then skipped it
        List<Diagnostic> d = errors("design x.\nparam A = 1\n");
        assertEquals(1, d.size(), d.toString());
        assertEquals(ErrorCode.UNEXPECTED_CHARACTER, d.get(0).code());
        assertEquals("unexpected character '.'", d.get(0).message());
        assertEquals("1:9", where(d.get(0)));

        List<Diagnostic> decimal = errors("design x\nparam A = 1.5\n");
        assertEquals(1, decimal.size(), decimal.toString());
        assertEquals("unexpected character '.'", decimal.get(0).message());
        assertEquals("2:12", where(decimal.get(0)));
    }

    @Test
    void aStrayCharacterOutsideTheBmpIsOneCodePoint() {
        List<Diagnostic> d = errors("design x\nparam A = \uD83D\uDE00 1\n");
        assertEquals("unexpected character '\uD83D\uDE00'", d.get(0).message());
        assertEquals("2:11", where(d.get(0)));
    }

    @Test
    void anInvisibleStrayCharacterIsShownAsAnEscape() {
        // a byte-order mark in the middle of a file, a no-break space, a zero-width space, a line
        // separator, a C1 control: quoted as themselves they would print as nothing or as a blank
        String[][] cases = {{"\uFEFF", "\\ufeff"}, {"\u00A0", "\\u00a0"}, {"\u200B", "\\u200b"},
                {"\u2028", "\\u2028"}, {"\u0085", "\\u0085"}, {"\u0001", "\\u0001"}};
        for (String[] c : cases) {
            List<Diagnostic> d = errors("design x\nparam A = " + c[0] + "1\n");
            assertEquals("unexpected character '" + c[1] + "'", d.get(0).message(), c[1]);
            assertEquals("2:11", where(d.get(0)), c[1]);
        }
    }

    @Test
    void theCharacterAfterAStrayOneStillCounts() {
        // the line break after '$' still ends the statement: the next line parses and has its own error
        List<Diagnostic> d = errors("design x\nparam A = 1 $\nparam = 2\n");
        assertEquals(2, d.size(), d.toString());
        assertEquals("2:13", where(d.get(0)));
        assertEquals(ErrorCode.SYNTAX, d.get(1).code());
        assertEquals("3:7", where(d.get(1)));
    }

    @Test
    void onlyTheFirstErrorOfALineIsKept() {
        List<Diagnostic> d = errors("design x\nparam A = 1 " + "*".repeat(5000) + "\nparam = 3\n");
        assertEquals(2, d.size(), d.toString());
        assertEquals("2:14", where(d.get(0)));
        assertEquals("3:7", where(d.get(1)));
    }

    @Test
    void loneCarriageReturnsEndLines() {
        for (String nl : new String[] {"\n", "\r\n", "\r"}) {
            List<Diagnostic> d = errors(String.join(nl, "design x", "param A = 1", "/* a", "comment */", "param B = $", ""));
            assertEquals(1, d.size(), d.toString());
            assertEquals("5:11", where(d.get(0)), "line ends " + nl.replace("\r", "\\r").replace("\n", "\\n"));
        }
        SourceFile f = DslParser.parse("design x\rparam A = 1\r\rparam B = 2\r", "t.bw").file();
        assertEquals(2, f.decls().size());
        assertEquals(4, f.decls().get(1).nameLoc().line());
    }

    @Test
    void aFlatChainOfAnyLengthIsOneFlatExpression() {
        String sum = String.join(" + ", java.util.Collections.nCopies(100_000, "1"));
        SourceFile f = DslParser.parse("design x\nparam A = " + sum + " * 2 - 3\n", "t.bw").file();
        Expr.Chain chain = assertInstanceOf(Expr.Chain.class, ((Decl.Param) f.decls().get(0)).value());
        assertEquals(100_000, chain.steps().size()); // 99,999 '+', then '-'; "1 * 2" is one operand
        assertEquals('-', chain.steps().get(99_999).op());
        assertInstanceOf(Expr.Chain.class, chain.steps().get(99_998).operand());
        assertTrue(chain.toString().length() > 100_000); // the record's own printing does not recurse per term
    }

    @Test
    void nestingUpToTheLimitParses() {
        int n = NestingLimitParser.MAX_NESTING;
        String parens = "(".repeat(n / 2) + "-".repeat(n / 2) + "1" + ")".repeat(n / 2);
        DslParser.Result r = DslParser.parse("design x\nparam A = " + parens + " + 2\n", "t.bw");
        assertTrue(r.ok(), r.diagnostics().toString());
    }

    @Test
    void nestingBeyondTheLimitIsItsOwnErrorWhereItHappens() {
        int n = NestingLimitParser.MAX_NESTING;
        for (String opener : new String[] {"(", "-"}) {
            String text = "design x\nparam A = 1 + " + opener.repeat(10_000) + "1" + (opener.equals("(") ? ")".repeat(10_000) : "") + "\n";
            List<Diagnostic> d = errors(text);
            assertEquals(1, d.size(), d.toString());
            assertEquals(ErrorCode.NESTING_TOO_DEEP, d.get(0).code());
            // the opener of level n + 1, on line 2 after "param A = 1 + " (14 columns)
            assertEquals("2:" + (14 + n + 1), where(d.get(0)), opener);
        }
    }

    @Test
    void anOperatorBetweenArgumentsJoinsThem() {
        SourceFile f = DslParser.parse("design x\npe p { tile 2 -1 3; zero -4 5 * 2 }\n", "t.bw").file();
        Decl.Pe pe = (Decl.Pe) f.decls().get(0);
        Member tile = pe.members().get(0);
        assertEquals(2, tile.args().size(), tile.toString());
        Expr.Chain joined = assertInstanceOf(Expr.Chain.class, tile.args().get(0));
        assertEquals('-', joined.steps().get(0).op());
        Member zero = pe.members().get(1);
        assertEquals(2, zero.args().size(), zero.toString());
        assertInstanceOf(Expr.Negate.class, zero.args().get(0)); // only a first argument starts with '-'
        assertInstanceOf(Expr.Chain.class, zero.args().get(1));
    }

    @Test
    void aLongChainOfMinusSignsInArgumentsIsOneArgument() {
        // each '-' could start a new argument; the parser decides from the '-' alone (linear work)
        String chain = "1" + " - 1 + 3".repeat(50_000);
        SourceFile f = DslParser.parse("design x\npe p { tile " + chain + " }\nparam A = " + chain + "\n", "t.bw").file();
        Member tile = ((Decl.Pe) f.decls().get(0)).members().get(0);
        assertEquals(1, tile.args().size());
        assertEquals(100_000, ((Expr.Chain) tile.args().get(0)).steps().size());
    }
}
