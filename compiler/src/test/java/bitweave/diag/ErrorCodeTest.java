package bitweave.diag;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorCodeTest {
    @Test
    void codesAreDistinctAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            // errors E0xxx, warnings W0xxx with the same ranges (W03xx: types and widths)
            assertTrue(c.code().matches("[EW]0[1-9][0-9]{2}"), c + " has a malformed code " + c.code());
            assertEquals(c.code().startsWith("W"), c.isWarning(), c.toString());
            assertTrue(seen.add(c.code()), c + " reuses code " + c.code());
        }
    }

    @Test
    void everyCodeIsDocumented() throws java.io.IOException {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("dsl/LANGUAGE.md"))
                + java.nio.file.Files.readString(java.nio.file.Path.of("dsl/GOLDEN.md"));
        for (ErrorCode c : ErrorCode.values()) {
            assertTrue(docs.contains("| " + c.code() + " |"), c + " (" + c.code() + ") is missing from the error tables"
                    + " of dsl/LANGUAGE.md / dsl/GOLDEN.md");
        }
    }

    @Test
    void everyWarningIsDocumentedInTheWarningTable() throws java.io.IOException {
        String docs = java.nio.file.Files.readString(java.nio.file.Path.of("dsl/LANGUAGE.md"));
        int table = docs.indexOf("| Warning | Meaning |");
        assertTrue(table >= 0, "dsl/LANGUAGE.md has no warning table ('| Warning | Meaning |')");
        for (ErrorCode c : ErrorCode.values()) {
            if (c.isWarning()) {
                assertTrue(docs.indexOf("| " + c.code() + " |", table) > table, c + " (" + c.code()
                        + ") is missing from the warning table of dsl/LANGUAGE.md");
            }
        }
    }

    @Test
    void frontEndCodesStayInTheirRanges() {
        assertTrue(ErrorCode.SYNTAX.code().startsWith("E01"));
        assertTrue(ErrorCode.UNKNOWN_PE.code().startsWith("E02"));
        assertTrue(ErrorCode.WIDTH_OUT_OF_RANGE.code().startsWith("E03"));
        assertTrue(ErrorCode.PARAM_OUT_OF_RANGE.code().startsWith("E04"));
        assertTrue(ErrorCode.UNKNOWN_OVERRIDE.code().startsWith("E07"));
        assertTrue(ErrorCode.NESTING_TOO_DEEP.code().startsWith("E01"));
        assertTrue(ErrorCode.ACC_NARROWER_THAN_PRODUCT.code().startsWith("W03"));
    }
}
