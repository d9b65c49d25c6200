package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Co-simulation is not vacuous: each small, realistic bug planted in generated RTL (an adder turned into
 * a subtractor, one constant bit flipped, a pipeline register bypassed, a reset dropped) must make
 * {@code bitweave sim --rtl DIR} report FAIL with exit code 1, while the unmutated RTL passes.
 */
class CosimMutationTest {
    /** A textual mutation: the pattern must match exactly once in the file, so it can never silently miss. */
    record Mutation(String example, String file, String what, String regex, String replacement) {
    }

    private static final List<Mutation> MUTATIONS = List.of(
            new Mutation("systolic_os_int8", "systolic_os_int8_pe.v", "PE adder -> subtractor",
                    "acc_ext \\+ product_ext", "acc_ext - product_ext"),
            new Mutation("systolic_os_int8", "systolic_os_int8_pe.v", "flip the accumulator clear constant",
                    "tile_end \\? \\{ACC_W\\{1'b0\\}\\}", "tile_end ? {ACC_W{1'b1}}"),
            new Mutation("systolic_os_int8", "systolic_os_int8_pe.v", "bypass the b forwarding register",
                    "assign b_out        = b_q;", "assign b_out        = b_in;"),
            new Mutation("systolic_os_int8", "systolic_os_int8_pe.v", "drop the accumulator reset",
                    "\n      acc_q    <= \\{ACC_W\\{1'b0\\}\\};", ""),
            new Mutation("systolic_ws_int8", "systolic_ws_int8_pe.v", "PE adder -> subtractor",
                    "p_ext \\+ product_ext", "p_ext - product_ext"),
            new Mutation("systolic_ws_int8", "systolic_ws_int8_fit.v", "flip a saturation constant bit",
                    "\\{sign, \\{\\(OUT_W-1\\)\\{~sign\\}\\}\\}", "{sign, {(OUT_W-1){sign}}}"),
            new Mutation("dot8_mixed", "dot8_mixed.v", "tree adder -> subtractor",
                    "g_node\\[2\\*n\\]\\.value \\+ g_node", "g_node[2*n].value - g_node"),
            new Mutation("dot8_mixed", "dot8_mixed.v", "flip the zero-extension bit of the unsigned operand",
                    "\\{\\{\\(DOT_W-A_W\\)\\{1'b0\\}\\}, a_elem\\}", "{{(DOT_W-A_W){1'b1}}, a_elem}"),
            new Mutation("dot16_int8", "dot16_int8.v", "bypass a pipeline register of the tree",
                    "assign value = value_q;", "assign value = value_d;"));

    @TempDir
    Path tmp;

    @Test
    void unmutatedRtlPassesAndEveryMutationFails() throws IOException {
        for (String example : List.of("systolic_os_int8", "systolic_ws_int8", "dot8_mixed", "dot16_int8")) {
            Path dir = compile(example, tmp.resolve("clean-" + example));
            CliRunner.Result r = sim(example, dir);
            assertEquals(0, r.exit(), "control run must pass: " + r);
        }
        int n = 0;
        for (Mutation m : MUTATIONS) {
            Path dir = compile(m.example(), tmp.resolve("mutant-" + n++));
            Path file = dir.resolve(m.file());
            String text = Files.readString(file);
            Matcher matcher = Pattern.compile(m.regex()).matcher(text);
            int matches = 0;
            while (matcher.find()) {
                matches++;
            }
            assertEquals(1, matches, m + ": the mutation site must occur exactly once in " + m.file());
            Files.writeString(file, Pattern.compile(m.regex()).matcher(text).replaceFirst(Matcher.quoteReplacement(m.replacement())));
            CliRunner.Result r = sim(m.example(), dir);
            assertEquals(1, r.exit(), m.what() + " was not detected: " + r);
            assertTrue(r.out().startsWith("FAIL " + m.example() + ": "), m.what() + ": " + r);
            assertTrue(r.out().contains("(seed 5)"), "the verdict names the seed: " + r);
            assertTrue(r.out().contains("reproduce: bitweave sim"), r.toString());
            assertTrue(r.out().contains("first mismatch: vector "), r.toString());
        }
    }

    @Test
    void traceOfAFailingRunIsWritten() throws IOException {
        Mutation m = MUTATIONS.get(0);
        Path dir = compile(m.example(), tmp.resolve("traced"));
        Path file = dir.resolve(m.file());
        Files.writeString(file, Files.readString(file).replaceFirst(m.regex(), Matcher.quoteReplacement(m.replacement())));
        Path vcd = tmp.resolve("fail.vcd");
        CliRunner.Result r = CliRunner.run("sim", "dsl/examples/" + m.example() + ".bw", "--rtl", dir.toString(),
                "--vectors", "50", "--seed", "5", "--trace", vcd.toString(), "--cache-dir", ExamplesCosimTest.CACHE);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(Files.size(vcd) > 0 && Files.readString(vcd).contains("$enddefinitions"), "VCD written: " + r);
        assertTrue(r.out().contains("waveform: " + vcd), r.toString());
    }

    @Test
    void rtlWithWrongPortsIsRejectedWithTheDifferences() throws IOException {
        Path dir = compile("dot8_mixed", tmp.resolve("ports"));
        Path top = dir.resolve("dot8_mixed.v");
        String text = Files.readString(top);
        text = text.replace("input  wire [K*B_W-1:0] in_b", "input  wire [K*B_W-2:0] in_b")
                .replace("output wire [ACC_W-1:0] out_sum", "output wire [ACC_W-1:0] out_total")
                .replace("assign out_sum   = out_sum_q;", "assign out_total = out_sum_q;");
        Files.writeString(top, text);
        CliRunner.Result r = sim("dot8_mixed", dir);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("[E0603]"), r.toString());
        assertTrue(r.err().contains("in_b: expected input of 32 bits, found input of 31 bits"), r.toString());
        assertTrue(r.err().contains("missing output out_sum [10 bits]"), r.toString());
    }

    private static Path compile(String example, Path out) {
        CliRunner.Result r = CliRunner.run("compile", "dsl/examples/" + example + ".bw", "-o", out.toString());
        assertEquals(0, r.exit(), r.toString());
        return out;
    }

    private static CliRunner.Result sim(String example, Path rtl) {
        return CliRunner.run("sim", "dsl/examples/" + example + ".bw", "--rtl", rtl.toString(), "--vectors", "300",
                "--seed", "5", "--cache-dir", ExamplesCosimTest.CACHE);
    }
}
