package bitweave.cosim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
import bitweave.golden.Stimulus;
import bitweave.golden.VectorSet;
import bitweave.ir.Design;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MX/BFP units' RTL agrees with the golden library, 10,000 blocks per parameter set.
 *
 * <p>Quantizer: its RTL agrees bit for bit with the golden library's block quantizer: the defaults and seven
 * more parameter sets, 10,000 blocks each (the corner blocks first: ties and ties +-1 ulp, saturation,
 * maxima just below a power of two, zero and signed-zero blocks, subnormals, both ends of the scale,
 * NaN/Inf lanes; then random normal, log-uniform and outlier blocks). Together the table takes every
 * element format (fp8 both, fp6 both, fp4, int8, BFP in both sign conventions), every scale rule, every
 * rounding, both overflow and specials policies, both zero signs, int_min full, fp32/bf16/fp16 inputs and
 * block sizes 2 to 64, several blocks per beat and a channel reordering.
 *
 * <p>Block dot product (exact and ordered accumulation): the order example's cancellation (in a block and
 * across blocks), both ends of the scales, NaN
 * scales, every code of a's element first, then random vectors; mixed formats and 1 to 4 blocks.
 *
 * <p>Adder tree and 2D-Matrix over block-format PEs (LANGUAGE.md 5.2): the block dot product's corners per unit,
 * cancellation across beats and an overflowing group, then random groups; mixed element formats, columns, Booth
 * and OPT2 on the integer part, float accumulation, pipelines 0 to 6.
 *
 * <p>Dequantizer: every element code at the telling scales first (the smallest, around 1, the largest, NaN),
 * then random blocks; every element format, fp32/bf16/fp16 outputs.
 */
class BlockFormatCosimTest {
    static final int BLOCKS = 10_000;

    /** {input, members}. */
    private static final String[][] DESIGNS = {
            {"fp32", "to mxfp8_e4m3"},
            {"fp32", "to mxfp8_e5m2; scale ceil; rounding nearest_away; overflow nonfinite; specials lane; block 16"},
            {"fp32", "to mxfp8_e4m3; scale rceil; specials lane; overflow nonfinite; zero positive"},
            {"fp32", "to mxfp4; scale even; block 8"},
            {"bf16", "to mxfp6_e3m2; rounding truncate"},
            {"fp32", "to mxfp6_e2m3; scale rceil; block 4"},
            {"fp32", "to mxint8; int_min full; scale even"},
            {"bf16", "to mxint8; scale ceil; block 64"},
            {"fp32", "to bfp_e5m8_sm; zero positive; block 16; scale rceil"},
            {"fp16", "to bfp_e8m6; block 2"},
            {"fp32", "to mxfp4; block 4; reorder 7 0 3 5 1 2 6 4"},
            {"bf16", "to mxfp8_e5m2; block 8; channels 24; specials lane"},
    };

    /** {block format, members}. */
    private static final String[][] DEQUANTIZERS = {
            {"mxfp8_e4m3", "to fp32"},
            {"mxfp8_e5m2", "to bf16; block 16"},
            {"mxfp4", "block 8"},
            {"mxint8", "to bf16; block 4"},
            {"bfp_e5m8_sm", "block 2; to fp16"},
            {"mxfp6_e3m2", "block 16"},
            {"mxfp6_e2m3", "to fp16"},
            {"bfp_e8m16", "to bf16; block 4"},
    };

    /** {a's block format, members}: mixed element formats, several blocks, every output. */
    private static final String[][] DOTS = {
            {"mxfp8_e4m3", "b mxfp4"},
            {"mxfp8_e5m2", "block 4; blocks 3; to bf16"},
            {"mxint8", "block 8; blocks 2"},
            {"mxfp6_e3m2", "b mxfp6_e2m3; block 16; blocks 2; to fp16"},
            {"bfp_e5m8_sm", "b mxint8; block 8"},
            {"mxfp8_e4m3", "block 1; blocks 4"},
            {"mxfp8_e4m3", "b mxfp4; block 8; blocks 3; accumulate ordered"},
            {"mxint8", "block 4; blocks 5; to fp16; accumulate ordered"},
            {"mxfp8_e5m2", "block 4; blocks 3; to bf16; accumulate ordered"},
    };

    /**
     * {PE members, adder_tree K, array members}: the adder tree over block-format PEs, with mixed element formats,
     * several blocks per column, columns, every pipeline depth kind, Booth and OPT2 on the integer part, float
     * accumulation across beats and every output format.
     */
    private static final String[][] TREES = {
            {"a : mxint8; b : mxint8; acc : fp32; block 8", "16", "pipeline 2; accumulate; columns 2"},
            {"a : mxfp8_e4m3; b : mxfp4; acc : fp32; block 8", "16", "pipeline 1"},
            {"a : mxint8; b : bfp_e6m8; acc : bf16; block 4; multiplier booth", "8",
                    "accumulate; columns 3; transform same_bit_weight_reduction; pipeline 3"},
            {"a : mxint8; b : mxint8; acc : fp32; block 16; multiplier and_array", "32",
                    "columns 2; transform same_bit_weight_reduction; pipeline 2"},
            {"a : mxfp8_e5m2; b : mxfp8_e4m3; acc : bf16; block 4", "8", "accumulate; columns 3; pipeline 3"},
            {"a : mxint8; b : bfp_e8m4_sm; acc : fp32; block 16", "32", "columns 2; pipeline 2"},
            {"a : mxfp6_e2m3; b : mxfp6_e3m2; acc : fp16; block 4", "8", "accumulate; pipeline 0"},
            {"a : mxfp4; b : mxfp4; acc : fp32", "64", "accumulate; pipeline 6"},
    };

    /** {PE members, matrix(M, N, K) arguments, array members}: the 2D-Matrix over block-format PEs. */
    private static final String[][] MATRICES = {
            {"a : mxfp8_e4m3; b : mxfp4; acc : fp32; block 8", "2, 3, 16", "pipeline 2"},
            {"a : mxint8; b : mxint8; acc : bf16; block 4; multiplier booth", "2, 2, 8",
                    "transform same_bit_weight_reduction"},
            {"a : mxfp8_e5m2; b : bfp_e8m8; acc : fp16; block 2", "3, 1, 4", "pipeline 0"},
    };

    /**
     * {PE members, systolic(ROWS, COLS) arguments, array members}: the output-stationary systolic array over
     * block-format PEs (one block per step): mixed float elements at the default block size and output, integer elements under Booth with output direct, and
     * E5M2 (Inf codes) against sign-magnitude BFP with a 5-bit shared exponent into fp16.
     */
    private static final String[][] SYSTOLICS = {
            {"a : mxfp6_e2m3; b : mxfp4; acc : fp32", "1, 4", "dataflow output_stationary"},
            {"a : mxint8; b : mxint8; acc : bf16; block 8; multiplier booth", "2, 3",
                    "dataflow output_stationary; output direct"},
            {"a : mxfp8_e5m2; b : bfp_e5m6_sm; acc : fp16; block 16", "3, 2", "dataflow output_stationary"},
    };

    @TempDir
    Path tmp;

    @Test
    void everyQuantizerIsBitExact() throws IOException {
        for (int i = 0; i < DESIGNS.length; i++) {
            check("quant_" + i, "q = quantizer() of " + DESIGNS[i][0], DESIGNS[i][1], 20261202L + i);
        }
    }

    @Test
    void everyDequantizerIsBitExact() throws IOException {
        for (int i = 0; i < DEQUANTIZERS.length; i++) {
            check("dequant_" + i, "d = dequantizer() of " + DEQUANTIZERS[i][0], DEQUANTIZERS[i][1], 20261203L + i);
        }
    }

    @Test
    void everyBlockDotIsBitExact() throws IOException {
        for (int i = 0; i < DOTS.length; i++) {
            check("dot_" + i, "d = block_dot() of " + DOTS[i][0], DOTS[i][1], 20261204L + i);
        }
    }

    @Test
    void everyBlockFormatAdderTreeIsBitExact() throws IOException {
        for (int i = 0; i < TREES.length; i++) {
            String name = "mxtree_" + i;
            String text = "design " + name + "\npe mxmac {\n  " + TREES[i][0].replace("; ", "\n  ") + "\n}\narray top = adder_tree("
                    + TREES[i][1] + ") of mxmac {\n  " + TREES[i][2].replace("; ", "\n  ") + "\n}\n";
            checkText(name, text, 20261205L + i);
        }
    }

    @Test
    void everyBlockFormatMatrixIsBitExact() throws IOException {
        for (int i = 0; i < MATRICES.length; i++) {
            String name = "mxmatrix_" + i;
            String text = "design " + name + "\npe mxmac {\n  " + MATRICES[i][0].replace("; ", "\n  ") + "\n}\narray top = matrix("
                    + MATRICES[i][1] + ") of mxmac {\n  " + MATRICES[i][2].replace("; ", "\n  ") + "\n}\n";
            checkText(name, text, 20261206L + i);
        }
    }

    @Test
    void everyBlockFormatSystolicArrayIsBitExact() throws IOException {
        for (int i = 0; i < SYSTOLICS.length; i++) {
            String name = "mxsystolic_" + i;
            String text = "design " + name + "\npe mxmac {\n  " + SYSTOLICS[i][0].replace("; ", "\n  ")
                    + "\n}\narray top = systolic(" + SYSTOLICS[i][1] + ") of mxmac {\n  "
                    + SYSTOLICS[i][2].replace("; ", "\n  ") + "\n}\n";
            checkText(name, text, 20261207L + i);
        }
    }

    private void check(String name, String array, String members, long defaultSeed) throws IOException {
        checkText(name, "design " + name + "\narray " + array + " {\n  " + members.replace("; ", "\n  ") + "\n}\n", defaultSeed);
    }

    private void checkText(String name, String text, long defaultSeed) throws IOException {
        long seed = Long.getLong("bitweave.seed", defaultSeed);
        Design d = Frontend.loadText(text, name + ".bw", Map.of(), null);
        CompileOutputs out = CompileOutputs.of(d);
        Path dir = Files.createDirectories(tmp.resolve(name));
        List<Path> rtl = new ArrayList<>();
        for (GeneratedFile f : out.rtl().verilogFiles()) {
            rtl.add(Files.writeString(dir.resolve(f.name()), f.content()));
        }
        VectorSet vectors = Stimulus.generate(d.top(), BLOCKS, seed);
        CosimResult r = Cosim.run(CosimRequest.of(d, out.rtl().topModule(), rtl, vectors, seed)
                .withCacheDir(Path.of("target/bitweave-cache")));
        assertTrue(r.passed(), "seed " + seed + ": " + r.verdictLine(d.name()) + "\n" + text);
        assertEquals(BLOCKS, r.vectors(), "every block was compared\n" + text);
        assertEquals(out.rtl().latencyCycles(), r.minLatency(), "latency\n" + text);
    }
}
