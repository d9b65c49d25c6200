package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bitweave golden} end to end, with results worked out by hand. */
class GoldenCommandTest {
    @TempDir
    Path tmp;

    @Test
    void mixedDotProductSaturatesAsDeclared() throws Exception {
        // dot8_mixed: K = 8, a: uint4, b: int4, acc: int10 saturate (range -512..511).
        Path a = Files.writeString(tmp.resolve("a.txt"), "1 2 3 4 5 6 7 8\n15 15 15 15 15 15 15 15\n15 15 15 15 15 15 15 15\n");
        Path b = Files.writeString(tmp.resolve("b.txt"), "1 1 1 1 -1 -1 -1 -1\n7 7 7 7 7 7 7 7\n-8 -8 -8 -8 -8 -8 -8 -8\n");
        CliRunner.Result r = CliRunner.run("golden", "dsl/examples/dot8_mixed.bw", "--in", "a=" + a, "--in", "b=" + b);
        assertEquals(0, r.exit(), r.toString());
        // 1+2+3+4-5-6-7-8 = -16; 8*15*7 = 840 -> 511; 8*15*(-8) = -960 -> -512
        assertEquals("-16\n511\n-512\n", r.out(), r.toString());
    }

    @Test
    void badInputPointsAtFileLineAndColumn() throws Exception {
        Path a = Files.writeString(tmp.resolve("a.txt"), "1 2 3 4 5 6 7 16\n");
        Path b = Files.writeString(tmp.resolve("b.txt"), "1 1 1 1 1 1 1 1\n");
        CliRunner.Result r = CliRunner.run("golden", "dsl/examples/dot8_mixed.bw", "--in", "a=" + a, "--in", "b=" + b);
        assertEquals(1, r.exit(), r.toString());
        assertTrue(r.err().contains("a.txt:1:15: error:") && r.err().contains("[E0805]"), r.toString());
        assertEquals(2, CliRunner.run("golden", "dsl/examples/dot8_mixed.bw", "--in", "a").exit());
    }

    @Test
    void reorderPrintsTheQuantizerMemberAndRejectsBadMatrices(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        java.nio.file.Path w = java.nio.file.Files.writeString(tmp.resolve("w.txt"), "0.1 5 -0.2 0.01\n0.3 -7 0.1 0x3F800000\n");
        CliRunner.Result r = CliRunner.run("reorder", w.toString(), "--columns");
        assertEquals(0, r.exit(), r.toString());
        assertEquals("reorder 1 3 0 2\n", r.out());
        assertEquals("reorder 1 3 0 2\n", CliRunner.run("reorder", w.toString(), "--norm", "max", "--columns").out());
        assertEquals("reorder 1 0\n", CliRunner.run("reorder", w.toString()).out(), "rows by default (W_k)");
        java.nio.file.Path bad = java.nio.file.Files.writeString(tmp.resolve("bad.txt"), "1 2\n3\n");
        CliRunner.Result e = CliRunner.run("reorder", bad.toString());
        assertEquals(1, e.exit(), e.toString());
        assertTrue(e.err().contains("[E0806]"), e.toString());
        assertEquals(2, CliRunner.run("reorder", w.toString(), "--norm", "l1").exit());
        assertEquals(2, CliRunner.run("reorder").exit());
        assertEquals(1, CliRunner.run("reorder", tmp.resolve("missing.txt").toString()).exit());
    }
}
