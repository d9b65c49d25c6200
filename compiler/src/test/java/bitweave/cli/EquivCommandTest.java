package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * {@code bitweave equiv} through the CLI on 2-wide int4 adder trees (each Yosys run about a second): equal
 * arithmetic under other names proves, a design against itself proves (the module names of the two sides
 * are the same and must not clash), wrap against saturate and a mutated OPT1 PE yield real counterexamples,
 * and designs whose ports differ are refused naming the port.
 */
class EquivCommandTest {
    private static final String DIR = "compiler/src/test/resources/synth/";

    @Test
    void theSameArithmeticUnderOtherNamesIsProved() {
        CliRunner.Result r = CliRunner.run("equiv", DIR + "tree_wrap.bw", "--against", DIR + "tree_wrap_renamed.bw",
                "--depth", "5");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("PROVED tree_wrap (" + DIR + "tree_wrap.bw) and dot_two (" + DIR
                + "tree_wrap_renamed.bw) equivalent for 5 cycles from reset (bounded, sat)\n"), r.out());
    }

    @Test
    void aDesignIsProvedAgainstItselfAtTheDefaultDepth() {
        CliRunner.Result r = CliRunner.run("equiv", DIR + "tree_wrap.bw", "--against", DIR + "tree_wrap.bw");
        assertEquals(0, r.exit(), r.toString());
        // The proof for all cycles is strict (any power-on state, every output bit): the tree's output
        // register has no reset, so the two copies show different stale data before the first beat and only
        // the bounded check, which exempts undefined reference bits, proves them. Its default bound: latency
        // of a one-stage tree PIPE + 1 = 2 cycles, plus 2.
        assertTrue(r.out().contains(") equivalent for 4 cycles from reset (bounded, sat)\n"), r.out());
    }

    @Test
    void wrapAgainstSaturateIsNotEquivalent() {
        CliRunner.Result r = CliRunner.run("equiv", DIR + "tree_wrap.bw", "--against", DIR + "tree_saturate.bw");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().startsWith("NOT EQUIVALENT tree_wrap (" + DIR + "tree_wrap.bw) and tree_saturate (" + DIR
                + "tree_saturate.bw): output out_sum differs in cycle "), r.out());
        assertTrue(r.out().contains("    cycle 1: rst=1 "), r.out());
        // The counterexample must be a real overflow: the wrapped sum differs from the clamped one.
        assertTrue(r.out().matches("(?s).*out_sum: 8'h[0-9a-f]{2} in \\S+, 8'h(7f|80) in \\S+ \\(bits .*"), r.out());
    }

    /**
     * A wrong transformed unit is caught: the same OPT1 Booth PE, but its b read as unsigned (same ports).
     * The counterexample must be real: some beat multiplies by a b whose sign bit is set, which is where
     * int4 and uint4 differ.
     */
    @Test
    void aMutatedTransformedDesignIsNotEquivalent() {
        CliRunner.Result r = CliRunner.run("equiv", DIR + "os_opt1_1x1.bw", "--against", DIR + "os_opt1_1x1_unsigned_b.bw");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().startsWith("NOT EQUIVALENT os_opt1 (" + DIR + "os_opt1_1x1.bw) and os_opt1_unsigned_b (" + DIR
                + "os_opt1_1x1_unsigned_b.bw): output out_c differs in cycle "), r.out());
        assertTrue(r.out().contains("    cycle 1: rst=1 "), r.out());
        assertTrue(r.out().matches("(?s).*cycle \\d+: rst=[01] in_valid=1 in_a=4'h[0-9a-f] in_b=4'h[89a-f] .*"), r.out());
    }

    @Test
    void differentPortsAreRefusedNamingThePort() {
        CliRunner.Result r = CliRunner.run("equiv", DIR + "tree_wrap.bw", "--against", DIR + "tree_k3.bw");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("their top interfaces differ: port in_a is input in_a [7:0] in " + DIR
                + "tree_wrap.bw but input in_a [11:0] in " + DIR + "tree_k3.bw [E0903]"), r.err());
    }

    @Test
    void withoutAgainstADesignIsProvedAgainstItsOwnBaseline() {
        CliRunner.Result r = CliRunner.run("equiv", DIR + "tree_booth.bw");
        assertEquals(0, r.exit(), r.toString());
        CliRunner.Result b = CliRunner.run("equiv", DIR + "tree_booth.bw", "--depth", "4");
        assertEquals(0, b.exit(), b.toString());
        // latency of a one-stage tree: PIPE + 1 = 2 cycles; --depth asks for the bounded check only
        assertTrue(b.out().contains("tree_booth.bw) equivalent for 4 cycles from reset (bounded, sat)\n"), b.out());
        assertTrue(r.out().startsWith("PROVED tree_booth (" + DIR + "tree_booth.bw baseline) and tree_booth ("
                + DIR + "tree_booth.bw) equivalent for all cycles from reset (induction, abc dprove)\n"), r.out());
    }

    @Test
    void aPlainDesignHasNothingToProveAndTheDepthIsChecked() {
        CliRunner.Result r = CliRunner.run("equiv", DIR + "tree_wrap.bw");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("it is its own baseline and there is nothing to prove") && r.err().contains("[E0905]"),
                r.err());
        CliRunner.Result d = CliRunner.run("equiv", DIR + "tree_wrap.bw", "--against", DIR + "tree_wrap.bw", "--depth", "0");
        assertEquals(2, d.exit(), d.toString());
        assertTrue(d.err().contains("--depth 0: must be in 1..200"), d.err());
    }

    /** Raw pairs equal the baseline only after the fusing add, so equiv refuses them (E0220), before Yosys. */
    @Test
    void rawPairsAreRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws java.io.IOException {
        java.nio.file.Path bw = java.nio.file.Files.writeString(tmp.resolve("raw.bw"), "design raw\n"
                + "pe mac { a : int4; b : int4; acc : int8 wrap; multiplier booth }\n"
                + "array top = cube(1, 2, 1) of mac { transform compressed_accumulation raw_pairs }\n");
        CliRunner.Result r = CliRunner.run("equiv", bw.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("outputs out_c as raw carry-save pairs (out_c_sum, out_c_carry)"), r.err());
        assertTrue(r.err().contains("[E0220]"), r.err());
    }

    /** A pipelined edge adder comes out N cycles later: a cycle-by-cycle miter cannot hold (E0226). */
    @Test
    void differentLatenciesAreRefused(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path bw = java.nio.file.Files.writeString(tmp.resolve("ep.bw"), "design ep\n"
                + "pe mac { a : int4; b : int4; acc : int8 wrap; multiplier booth }\n"
                + "array top = cube(1, 2, 1) of mac { transform compressed_accumulation edge_pipeline 2 }\n");
        CliRunner.Result r = CliRunner.run("equiv", bw.toString());
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("has a latency of 1 cycle and " + bw + " of 3 cycles"), r.err());
        assertTrue(r.err().contains("[E0226]"), r.err());
    }

    // Issue 8: the plain LUT tile (the shipped example, at one PE over one table group) is proved against its
    // multiplier reference by EquivExamplesTest; here the transformed tile with signed codes, and a refutation.

    /** Signed codes and the carry-save plane accumulator, two PEs sharing a table (~15 s). */
    @Test
    void aCarrySaveLutTileWithSignedCodesIsProved() {
        CliRunner.Result r = CliRunner.run("equiv", DIR + "lut_csa_signed.bw", "--depth", "5");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("PROVED lut_csa_signed ("), r.out());
    }

    /** The proof can fail: another zero point is another GEMM, and the counterexample says where. */
    @Test
    void aLutTileWithAnotherZeroPointIsNotEquivalent() {
        CliRunner.Result r = CliRunner.run("equiv", DIR + "lut_g4.bw", "--against", DIR + "lut_g4_z2.bw", "--depth", "5");
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.out().startsWith("NOT EQUIVALENT lut_g4 (" + DIR + "lut_g4.bw) and lut_g4_z2 (" + DIR
                + "lut_g4_z2.bw): output out_o differs in cycle "), r.out());
    }
}
