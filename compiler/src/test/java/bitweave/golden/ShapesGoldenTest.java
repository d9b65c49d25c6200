package bitweave.golden;

import static bitweave.golden.TestSupport.int8;
import static bitweave.golden.TestSupport.refFit;
import static bitweave.golden.TestSupport.seed;
import static bitweave.golden.TestSupport.seedNote;
import static bitweave.golden.TestSupport.type;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.ArraySpec;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.units.cube.CubeArray;
import bitweave.units.cube.CubeModel;
import bitweave.units.matrix.MatrixArray;
import bitweave.units.matrix.MatrixModel;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 3D-Cube and 2D-Matrix golden models against naive references written from dsl/INTERFACE.md, crafted
 * cases that pin where fit is applied (per step along y for the cube, per beat for the matrix), and their
 * golden text formats (dsl/GOLDEN.md).
 */
class ShapesGoldenTest {
    private static final PeSpec WRAP32 = int8(type(32, true), OverflowPolicy.WRAP);
    private static final PeSpec SAT16 = int8(type(16, true), OverflowPolicy.SATURATE);

    @TempDir
    Path dir;

    private static BigInteger b(long v) {
        return BigInteger.valueOf(v);
    }

    private static BigInteger[][] m(long[][] rows) {
        BigInteger[][] out = new BigInteger[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            out[r] = new BigInteger[rows[r].length];
            for (int c = 0; c < rows[r].length; c++) {
                out[r][c] = b(rows[r][c]);
            }
        }
        return out;
    }

    // ---- naive references ----

    /** C[z][x]: p = 0; for y: p = fit(p + A[z][y]*B[y][x]). */
    private static BigInteger[][] refCube(PeSpec pe, BigInteger[][] a, BigInteger[][] bm) {
        BigInteger[][] c = new BigInteger[a.length][bm[0].length];
        for (int z = 0; z < a.length; z++) {
            for (int x = 0; x < bm[0].length; x++) {
                BigInteger p = BigInteger.ZERO;
                for (int y = 0; y < bm.length; y++) {
                    p = refFit(p.add(a[z][y].multiply(bm[y][x])), pe.acc(), pe.policy());
                }
                c[z][x] = p;
            }
        }
        return c;
    }

    /** C = 0; per beat j: C[m][n] = fit(C[m][n] + exact dot of row m of A_j and column n of B_j). */
    private static BigInteger[][] refMatrix(PeSpec pe, BigInteger[][][] a, BigInteger[][][] bm) {
        int rows = a[0].length;
        int cols = bm[0][0].length;
        BigInteger[][] c = new BigInteger[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int col = 0; col < cols; col++) {
                BigInteger acc = BigInteger.ZERO;
                for (int j = 0; j < a.length; j++) {
                    BigInteger dot = BigInteger.ZERO;
                    for (int k = 0; k < bm[j].length; k++) {
                        dot = dot.add(a[j][r][k].multiply(bm[j][k][col]));
                    }
                    acc = refFit(acc.add(dot), pe.acc(), pe.policy());
                }
                c[r][col] = acc;
            }
        }
        return c;
    }

    // ---- models ----

    @Test
    void cubeMatchesReferenceOnRandomShapes() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            PeSpec pe = TestSupport.randomPe(r);
            CubeArray c = TestSupport.cube(pe, 1 + r.nextInt(4), 1 + r.nextInt(6), 1 + r.nextInt(4));
            BigInteger[][] a = TestSupport.matrix(r, pe.a(), c.z(), c.y());
            BigInteger[][] bm = TestSupport.matrix(r, pe.b(), c.y(), c.x());
            BigInteger[][] expected = refCube(pe, a, bm);
            assertArrayEquals(expected, new CubeModel(c).product(a, bm), c + seedNote(seed));
            assertArrayEquals(expected, new CubeModel(c, false).product(a, bm), "BigInteger path " + c + seedNote(seed));
        }
    }

    @Test
    void matrixMatchesReferenceOnRandomShapes() {
        long seed = seed();
        Random r = new Random(seed);
        for (int i = 0; i < 300; i++) {
            PeSpec pe = TestSupport.randomPe(r);
            MatrixArray t = TestSupport.matrix(pe, 1 + r.nextInt(3), 1 + r.nextInt(3), 1 + r.nextInt(6));
            int beats = 1 + r.nextInt(5);
            BigInteger[][][] a = new BigInteger[beats][][];
            BigInteger[][][] bm = new BigInteger[beats][][];
            for (int j = 0; j < beats; j++) {
                a[j] = TestSupport.matrix(r, pe.a(), t.m(), t.k());
                bm[j] = TestSupport.matrix(r, pe.b(), t.k(), t.n());
            }
            BigInteger[][] expected = refMatrix(pe, a, bm);
            assertArrayEquals(expected, new MatrixModel(t).group(a, bm), t + seedNote(seed));
            assertArrayEquals(expected, new MatrixModel(t, false).group(a, bm), "BigInteger path " + t + seedNote(seed));
        }
    }

    @Test
    void cubeFitsAfterEveryStepAlongY() {
        // int16 saturate: 127*127 = 16129 twice is 32258, a third clamps at 32767, then -128*127 = -16256
        // leaves 16511. One fit at the end would give 3*16129 - 16256 = 32131.
        CubeArray c = TestSupport.cube(SAT16, 1, 4, 1);
        BigInteger[][] a = m(new long[][] {{127, 127, 127, -128}});
        BigInteger[][] bm = m(new long[][] {{127}, {127}, {127}, {127}});
        assertEquals(b(16511), new CubeModel(c).product(a, bm)[0][0]);
        // wrap: int16 wraps 48387 to 48387 - 65536, and back: the same as one fit at the end
        CubeArray w = TestSupport.cube(int8(type(16, true), OverflowPolicy.WRAP), 1, 4, 1);
        assertEquals(b(32131), new CubeModel(w).product(a, bm)[0][0]);
    }

    @Test
    void matrixFitsOncePerBeat() {
        MatrixArray t = TestSupport.matrix(SAT16, 1, 1, 4);
        // one beat: the dot product 32131 is exact inside the beat, so nothing clamps
        BigInteger[][][] a = {m(new long[][] {{127, 127, 127, -128}})};
        BigInteger[][][] bm = {m(new long[][] {{127}, {127}, {127}, {127}})};
        assertEquals(b(32131), new MatrixModel(t).group(a, bm)[0][0]);
        // over beats it clamps: 32131, then + 32131 -> 32767, then - 4*16256 -> -32257
        BigInteger[][] minus = m(new long[][] {{-128, -128, -128, -128}});
        BigInteger[][][] three = {a[0], a[0], minus};
        BigInteger[][][] bThree = {bm[0], bm[0], bm[0]};
        assertEquals(b(32767 - 4 * 16256), new MatrixModel(t).group(three, bThree)[0][0]);
        assertThrows(IllegalArgumentException.class,
                () -> new MatrixModel(t).group(new BigInteger[0][][], new BigInteger[0][][]));
    }

    // ---- golden text ----

    private String run(ArraySpec top, String first, String second) throws IOException {
        Map<String, Path> in = new LinkedHashMap<>();
        in.put("a", Files.writeString(dir.resolve("a.txt"), first));
        in.put("b", Files.writeString(dir.resolve("b.txt"), second));
        return GoldenText.evaluate(top, in);
    }

    private static Diagnostic only(UserError e) {
        assertEquals(1, e.diagnostics().size(), e.diagnostics().toString());
        return e.diagnostics().get(0);
    }

    @Test
    void cubeBeats() throws IOException {
        ArraySpec top = TestSupport.cube(WRAP32, 2, 2, 2);
        assertEquals("19 22\n43 50\n\n-1 0\n0 0\n", run(top, "1 2\n3 4\n\n1 0\n0 0\n", "5 6\n7 8\n\n-1 0\n0 0\n"));
        Diagnostic rows = only(assertThrows(UserError.class, () -> run(top, "1 2\n", "1 1\n1 1\n")));
        assertEquals(ErrorCode.GOLDEN_WRONG_COUNT, rows.code());
        Diagnostic pair = only(assertThrows(UserError.class, () -> run(top, "1 2\n3 4\n", "1 1\n1 1\n\n1 1\n1 1\n")));
        assertEquals(ErrorCode.GOLDEN_GROUP_MISMATCH, pair.code());
    }

    @Test
    void matrixGroupsAreTilesOfWholeBeats() throws IOException {
        ArraySpec top = TestSupport.matrix(WRAP32, 2, 2, 2);
        // one group of two beats: A is 2 x 4, B is 4 x 2; C = A*B
        assertEquals("12 1\n28 5\n", run(top, "1 2 3 4\n5 6 7 8\n", "1 0\n0 1\n1 1\n2 -1\n"));
        Diagnostic length = only(assertThrows(UserError.class, () -> run(top, "1 2 3\n4 5 6\n", "1 0\n0 1\n1 1\n")));
        assertEquals(ErrorCode.GOLDEN_WRONG_COUNT, length.code());
        assertEquals(dir.resolve("a.txt").toString(), length.loc().file());
        Diagnostic bRows = only(assertThrows(UserError.class, () -> run(top, "1 2\n3 4\n", "1 0\n0 1\n1 1\n")));
        assertEquals(ErrorCode.GOLDEN_WRONG_COUNT, bRows.code());
        assertEquals(dir.resolve("b.txt").toString(), bRows.loc().file());
    }
}
