package bitweave.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.Design;
import bitweave.ir.GeneratedNames;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checker's rules for names that end up in generated module and file names (E0213, E0214). */
class OutputNamesTest {
    private static final String PE = "pe mac { a : int8; b : int8; acc : int32 wrap }\n";
    private static final String OS = " = systolic(2, 2) of mac { dataflow output_stationary }\n";
    private static final String WS = " = systolic(2, 2) of mac { dataflow weight_stationary }\n";

    private static Diagnostic onlyError(String text, String top) {
        UserError e = assertThrows(UserError.class, () -> Frontend.loadText(text, "t.bw", Map.of(), top));
        assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
        return e.diagnostics().get(0);
    }

    private static String name(int length) {
        return "d" + "x".repeat(length - 1);
    }

    @Test
    void aDesignNameAtTheLimitIsAcceptedOneMoreIsRejectedAtTheName() {
        int max = GeneratedNames.MAX_UNIT_NAME;
        Design ok = Frontend.loadText("design " + name(max) + "\n" + PE + "array top" + OS, "t.bw", Map.of(), null);
        assertEquals(max, ok.unitName().length());
        Diagnostic d = onlyError("design " + name(max + 1) + "\n" + PE + "array top" + OS, null);
        assertEquals(ErrorCode.NAME_TOO_LONG, d.code());
        assertEquals(1, d.loc().line());
        assertEquals(8, d.loc().col());
        assertTrue(d.message().contains((max + 1) + " characters"), d.message());
    }

    @Test
    void withSeveralArraysTheUnitNameIsDesignUnderscoreArrayAndItsLengthIsCheckedAtTheArray() {
        String text = "design two\n" + PE + "array os" + OS + "array ws" + WS;
        assertEquals("two_os", Frontend.loadText(text, "t.bw", Map.of(), "os").unitName());
        assertEquals("two_ws", Frontend.loadText(text, "t.bw", Map.of(), null).unitName());
        assertEquals("one", Frontend.loadText("design one\n" + PE + "array os" + OS, "t.bw", Map.of(), null).unitName());

        String longArray = "a".repeat(GeneratedNames.MAX_UNIT_NAME - "two_".length() + 1);
        Diagnostic d = onlyError("design two\n" + PE + "array os" + OS + "array " + longArray + WS, "os");
        assertEquals(ErrorCode.NAME_TOO_LONG, d.code());
        assertEquals(4, d.loc().line());
        assertEquals(7, d.loc().col());
    }

    @Test
    void twoArraysThatWouldGenerateTheSameModuleOrFileNameAreRejected() {
        // two_a_pe is both the PE module of array a and the top of array a_pe
        Diagnostic pe = onlyError("design two\n" + PE + "array a" + OS + "array a_pe" + WS, "a");
        assertEquals(ErrorCode.ARRAY_NAMES_CLASH, pe.code());
        assertEquals(4, pe.loc().line());
        assertTrue(pe.message().contains("'two_a_pe'"), pe.message());
        // two_a_b and two_aB give the same golden class TwoABGolden
        Diagnostic golden = onlyError("design two\n" + PE + "array a_b" + OS + "array aB" + WS, null);
        assertEquals(ErrorCode.ARRAY_NAMES_CLASH, golden.code());
        assertTrue(golden.message().contains("TwoABGolden"), golden.message());
        // os and OS: file names that differ only in case share one file on macOS and Windows
        assertEquals(ErrorCode.ARRAY_NAMES_CLASH,
                onlyError("design two\n" + PE + "array os" + OS + "array OS" + WS, null).code());
    }

    @Test
    void everyDerivedNameOfTheLongestUnitStaysWithinTheToolLimits() {
        // The bound's margin: the longest module name, even after legalize-names appends to it, stays
        // under Verilator's hashing length; the longest file name under the file system's.
        int longestSuffix = GeneratedNames.MODULE_SUFFIXES.stream().mapToInt(String::length).max().orElseThrow() + 1;
        int longestModule = GeneratedNames.MAX_UNIT_NAME + longestSuffix + GeneratedNames.RENAME_RESERVE;
        assertTrue(longestModule <= GeneratedNames.VERILATOR_MAX_NAME, "longest module name " + longestModule);
        String verilatorFile = bitweave.cosim.GlueEmitter.MODEL_PREFIX + "x".repeat(GeneratedNames.MAX_UNIT_NAME + GeneratedNames.RENAME_RESERVE)
                + "___024root__DepSet_h0123abcd__0__Slow.cpp";
        assertTrue(verilatorFile.length() <= GeneratedNames.MAX_FILE_NAME);
        for (String suffix : List.of("_report.json", "_yosys.tcl", "_glue.h")) {
            assertTrue(GeneratedNames.MAX_UNIT_NAME + GeneratedNames.RENAME_RESERVE + suffix.length()
                    <= GeneratedNames.MAX_FILE_NAME);
        }
    }
}
