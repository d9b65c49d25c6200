package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.Design;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Issue 5, item 10: flat chains of any length evaluate; nesting is limited by the parser, not the stack. */
class LongExpressionsTest {
    private static final String REST = "pe mac { a : int8; b : int8; acc : int32 wrap }\narray top = adder_tree(4) of mac\n";

    private static Design load(String params) {
        return Frontend.loadText("design d\n" + params + REST, "t.bw", Map.of(), null);
    }

    @Test
    void aHundredThousandTermSumEvaluatesLeftToRight() {
        Design d = load("param A = 0" + " + 3 - 1".repeat(50_000) + "\nparam B = 1" + " * 2 / 2".repeat(50_000) + " * 7\n");
        assertEquals(100_000L, d.params().get("A"));
        assertEquals(7L, d.params().get("B"));
    }

    @Test
    void precedenceInsideAChainIsKept() {
        assertEquals(-6L + 4 / (1 - 5), load("param A = -2 * 3 + 4 / (1 - 5)\n").params().get("A"));
        assertEquals(10L - 2 - 3, load("param A = 10 - 2 - 3\n").params().get("A"));
    }

    @Test
    void overflowInALongChainIsReportedAtItsOperator() {
        // 9223372036854775807 + 1: the '+' after the literal, at column 31 of line 2
        UserError e = assertThrows(UserError.class,
                () -> load("param A = 9223372036854775807 + 1" + " - 1".repeat(10_000) + "\n"));
        assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
        assertEquals(ErrorCode.INTEGER_OVERFLOW, e.diagnostics().get(0).code());
        assertEquals(31, e.diagnostics().get(0).loc().col());
    }

    @Test
    void nestingAtTheLimitEvaluates() {
        String deep = "(-".repeat(128) + "1" + ")".repeat(128); // 256 levels: 128 parentheses, 128 minus signs
        assertEquals(1L, load("param A = " + deep + " + 0\n").params().get("A"));
    }

    @Test
    void nestingBeyondTheLimitIsE0104NotACrash() {
        UserError e = assertThrows(UserError.class, () -> load("param A = " + "(".repeat(50_000) + "1" + ")".repeat(50_000) + "\n"));
        assertEquals(ErrorCode.NESTING_TOO_DEEP, e.diagnostics().get(0).code());
        assertEquals(2, e.diagnostics().get(0).loc().line());
    }

    @Test
    void hugeLiteralsAreReportedWithoutCopyingThem() {
        UserError e = assertThrows(UserError.class, () -> load("param A = " + "9".repeat(200_000) + "\n"));
        assertEquals(ErrorCode.INTEGER_OVERFLOW, e.diagnostics().get(0).code());
        assertEquals("integer literal 99999999999999999999... (200000 digits) does not fit in 64 bits"
                + " (largest is 9223372036854775807)", e.diagnostics().get(0).message());
        assertEquals(5L, load("param A = 0000000000000000000000000000005\n").params().get("A"));
    }
}
