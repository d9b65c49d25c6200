package bitweave.check;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** W0301 (accumulator narrower than one product) and how warnings travel through the front end. */
class WarningsTest {

    private static List<Diagnostic> warnings(String a, String b, String acc) {
        String text = "design d\npe mac {\n  a : " + a + "\n  b : " + b + "\n  acc : " + acc + "\n}\n"
                + "array top = adder_tree(4) of mac\n";
        return Frontend.loadTextWithWarnings(text, "t.bw", Map.of(), null).warnings();
    }

    @Test
    void anAccumulatorNarrowerThanOneProductIsAWarningAtItsType() {
        List<Diagnostic> w = warnings("int8", "int8", "int4 wrap");
        assertEquals(1, w.size(), w.toString());
        Diagnostic d = w.get(0);
        assertEquals(Diagnostic.Severity.WARNING, d.severity());
        assertEquals(ErrorCode.ACC_NARROWER_THAN_PRODUCT, d.code());
        assertEquals(5, d.loc().line());
        assertEquals(9, d.loc().col()); // "  acc : int4": the type
        assertTrue(d.message().contains("(-16256..16384, which needs int16)"), d.message());
        assertTrue(d.message().contains("with wrap"), d.message());
        assertTrue(warnings("int8", "int8", "int12 saturate").get(0).message().contains("with saturate"));
    }

    @Test
    void theWrapEffectCountsBitsInWords() {
        assertTrue(warnings("int8", "int8", "int4 wrap").get(0).message().endsWith("keeps only its low 4 bits"));
        String one = warnings("int1", "int1", "int1 wrap").get(0).message();
        assertTrue(one.endsWith("a product outside -1..0 keeps only its low 1 bit"), one);
    }

    @Test
    void theProductRangeIsExactForEverySignednessMix() {
        // no warning exactly when the accumulator holds the product range (checked by brute force)
        String[][] operands = {{"int8", "int8"}, {"uint4", "int4"}, {"int4", "uint4"}, {"uint1", "int8"},
                {"uint8", "uint8"}, {"int1", "int1"}, {"uint1", "uint1"}, {"int3", "uint2"}};
        for (String[] ab : operands) {
            long[] range = bruteForceProductRange(ab[0], ab[1]);
            for (String sign : new String[] {"int", "uint"}) {
                for (int width = 1; width <= 20; width++) {
                    boolean holds = sign.equals("int")
                            ? range[0] >= -(1L << (width - 1)) && range[1] <= (1L << (width - 1)) - 1
                            : range[0] >= 0 && range[1] <= (1L << width) - 1;
                    List<Diagnostic> w = warnings(ab[0], ab[1], sign + width + " wrap");
                    assertEquals(holds ? 0 : 1, w.size(), ab[0] + " x " + ab[1] + " -> " + sign + width + ": " + w);
                }
            }
        }
    }

    @Test
    void theSuggestedTypeIsTheNarrowestThatHoldsTheProducts() {
        assertTrue(warnings("uint1", "int8", "int7 wrap").get(0).message().contains("needs int8)"));
        assertTrue(warnings("uint8", "uint8", "uint15 wrap").get(0).message().contains("needs uint16)"));
        // an unsigned accumulator cannot hold negative products at any width: the signed type is named
        assertTrue(warnings("int8", "int8", "uint32 wrap").get(0).message().contains("needs int16)"));
        assertTrue(warnings("uint8", "uint8", "int16 wrap").get(0).message().contains("needs int17)"));
    }

    @Test
    void shippedExamplesHaveNoWarnings() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("dsl/examples"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".bw")).toList()) {
                assertEquals(List.of(), Frontend.loadWithWarnings(f, f.toString(), Map.of(), null).warnings(), f.toString());
            }
        }
    }

    @Test
    void aFailedRunCarriesItsWarningsInFileOrder() {
        String text = "design d\npe mac { a : int8; b : int8; acc : int4 wrap }\narray top = adder_tree(0) of mac\n";
        UserError e = assertThrows(UserError.class, () -> Frontend.loadText(text, "t.bw", Map.of(), null));
        assertEquals(2, e.diagnostics().size(), e.diagnostics().toString());
        assertEquals(ErrorCode.ACC_NARROWER_THAN_PRODUCT, e.diagnostics().get(0).code());
        assertEquals(Diagnostic.Severity.WARNING, e.diagnostics().get(0).severity());
        assertEquals(Diagnostic.Severity.ERROR, e.diagnostics().get(1).severity());
    }

    @Test
    void warningsAloneDoNotStopTheRun() {
        String text = "design d\npe mac { a : int8; b : int8; acc : int4 wrap }\narray top = adder_tree(4) of mac\n";
        assertEquals("d", Frontend.loadText(text, "t.bw", Map.of(), null).name());
    }

    /** min and max of a * b over every pair of values, by enumeration. */
    private static long[] bruteForceProductRange(String a, String b) {
        long[] ra = range(a);
        long[] rb = range(b);
        long lo = Long.MAX_VALUE;
        long hi = Long.MIN_VALUE;
        for (long x = ra[0]; x <= ra[1]; x++) {
            for (long y = rb[0]; y <= rb[1]; y++) {
                lo = Math.min(lo, x * y);
                hi = Math.max(hi, x * y);
            }
        }
        return new long[] {lo, hi};
    }

    private static long[] range(String type) {
        boolean signed = type.startsWith("int");
        int width = Integer.parseInt(type.substring(signed ? 3 : 4));
        return signed ? new long[] {-(1L << (width - 1)), (1L << (width - 1)) - 1} : new long[] {0, (1L << width) - 1};
    }
}
