package bitweave.units.mx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.diag.UserError;
import bitweave.golden.ChannelOrder;
import bitweave.golden.GoldenModel;
import bitweave.numeric.BlockDequantizer;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.FpValue;
import bitweave.numeric.QuantizedBlock;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Outlier channel reordering: the order sorts channels by norm, a shared order leaves q.k exactly unchanged,
 * and on a matrix with outlier channels the reordered blocks quantize with less error than the original
 * ones (the reason for the transform), all in the golden library's exact arithmetic.
 */
class ReorderTest {
    private static final int CHANNELS = 64;
    private static final int BLOCK = 8;
    private static final int ROWS = 16;

    @Test
    void channelsSortByNormLargestFirstTiesByIndex() {
        String w = "0.1 5 -0.2 0.01\n0.3 -7 0.1 0x3F800000\n";
        assertEquals(List.of(1, 3, 0, 2), ChannelOrder.of("w", w, ChannelOrder.Norm.L2, ChannelOrder.Axis.COLUMNS));
        assertEquals(List.of(1, 0), ChannelOrder.of("w", w, ChannelOrder.Norm.L2, ChannelOrder.Axis.ROWS));
        assertEquals(List.of(2, 0, 1), ChannelOrder.of("w", "1 -1 3\n-2 2 0\n", ChannelOrder.Norm.MAX,
                ChannelOrder.Axis.COLUMNS));
        assertEquals(List.of(0, 1), ChannelOrder.of("w", "1 -1 3\n-2 2 0\n", ChannelOrder.Norm.L2, ChannelOrder.Axis.ROWS));
        assertEquals(List.of(0, 1, 2), ChannelOrder.of("w", "1 1 1\n", ChannelOrder.Norm.L2, ChannelOrder.Axis.COLUMNS));
        assertThrows(UserError.class, () -> ChannelOrder.of("w", "1 nan\n", ChannelOrder.Norm.L2, ChannelOrder.Axis.ROWS));
        assertThrows(UserError.class, () -> ChannelOrder.of("w", "# nothing\n", ChannelOrder.Norm.L2,
                ChannelOrder.Axis.ROWS));
    }

    @Test
    void aSharedOrderLeavesTheDotProductUnchanged() {
        Random r = new Random(42);
        for (int trial = 0; trial < 200; trial++) {
            long[] q = row(r, -1);
            long[] k = row(r, trial % CHANNELS);
            List<Integer> order = shuffled(r);
            BigDecimal plain = BigDecimal.ZERO;
            BigDecimal reordered = BigDecimal.ZERO;
            for (int j = 0; j < CHANNELS; j++) {
                plain = plain.add(value(q[j]).multiply(value(k[j])));
                reordered = reordered.add(value(q[order.get(j)]).multiply(value(k[order.get(j)])));
            }
            assertEquals(0, plain.compareTo(reordered), "trial " + trial);
        }
    }

    @Test
    void reorderedBlocksQuantizeOutlierChannelsWithLessError() {
        Random r = new Random(7);
        // one outlier channel in each block of 8: without reordering every block is scaled by its outlier
        int[] outliers = {5, 9, 22, 30, 33, 41, 52, 58};
        List<long[]> rows = new ArrayList<>();
        StringBuilder matrix = new StringBuilder();
        for (int i = 0; i < ROWS; i++) {
            long[] row = row(r, -1);
            for (int o : outliers) {
                row[o] = FloatFormat.FP32.encode(FpValue.of(200 + r.nextInt(100), 0), bitweave.numeric.Encoding.IEEE);
            }
            rows.add(row);
            for (int j = 0; j < CHANNELS; j++) {
                matrix.append(j > 0 ? " " : "").append(String.format("0x%08X", row[j]));
            }
            matrix.append('\n');
        }
        List<Integer> order = ChannelOrder.of("k", matrix.toString(), ChannelOrder.Norm.L2, ChannelOrder.Axis.COLUMNS);
        assertEquals(List.of(5, 9, 22, 30, 33, 41, 52, 58), order.subList(0, BLOCK).stream().sorted().toList(),
                "the outliers come first, in one block");
        java.util.Set<Integer> normal = new java.util.HashSet<>(Quantizer.identity(CHANNELS));
        for (int o : outliers) {
            normal.remove(o);
        }
        BigDecimal plain = error(rows, Quantizer.identity(CHANNELS), normal);
        BigDecimal reordered = error(rows, order, normal);
        assertTrue(reordered.multiply(BigDecimal.TEN).compareTo(plain) < 0,
                "reordering cuts the squared error of the ordinary channels at least tenfold: " + reordered + " vs "
                        + plain);
    }

    /**
     * sum over the matrix's channels in {@code counted} of (k - dequantize(quantize(k)))^2, with mxfp4 blocks of 8
     * after {@code order}.
     */
    private static BigDecimal error(List<long[]> rows, List<Integer> order, java.util.Set<Integer> counted) {
        StringBuilder text = new StringBuilder("design r\narray q = quantizer() of fp32 {\n  to mxfp4\n  block " + BLOCK
                + "\n  " + ChannelOrder.member(order) + "\n}\n");
        Quantizer q = (Quantizer) Frontend.loadText(text.toString(), "r.bw", Map.of(), null).top();
        List<InputBlock> problems = rows.stream().map(InputBlock::new).toList();
        List<List<BigInteger>> results = GoldenModel.run(q, problems);
        BlockDequantizer dq = new BlockDequantizer(q.format(), FloatFormat.FP32);
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < rows.size(); i++) {
            List<BigInteger> out = results.get(i);
            for (int b = 0; b < q.blocks(); b++) {
                List<Long> codes = out.subList(q.blocks() + b * BLOCK, q.blocks() + (b + 1) * BLOCK).stream()
                        .map(BigInteger::longValueExact).toList();
                List<Long> back = dq.dequantize(new QuantizedBlock(out.get(b).longValueExact(), codes));
                for (int j = 0; j < BLOCK; j++) {
                    if (!counted.contains(order.get(b * BLOCK + j))) {
                        continue;
                    }
                    BigDecimal diff = value(rows.get(i)[order.get(b * BLOCK + j)]).subtract(value(back.get(j)));
                    sum = sum.add(diff.multiply(diff));
                }
            }
        }
        return sum;
    }

    /** Random fp32 values of magnitude about 2^-3 .. 2^3, one of them (at {@code big}) 2^8 times larger. */
    private static long[] row(Random r, int big) {
        long[] row = new long[CHANNELS];
        for (int j = 0; j < CHANNELS; j++) {
            long e = 124 + r.nextInt(7) + (j == big ? 8 : 0);
            row[j] = (r.nextBoolean() ? 1L << 31 : 0) | (e << 23) | (r.nextInt(1 << 23));
        }
        return row;
    }

    private static List<Integer> shuffled(Random r) {
        List<Integer> order = new ArrayList<>(Quantizer.identity(CHANNELS));
        java.util.Collections.shuffle(order, r);
        return order;
    }

    private static BigDecimal value(long fp32) {
        FpValue v = FloatFormat.FP32.decode(fp32);
        BigDecimal m = new BigDecimal(v.negative() ? v.significand().negate() : v.significand());
        return v.exponent() >= 0 ? m.multiply(new BigDecimal(BigInteger.TWO.pow(v.exponent())))
                : m.divide(new BigDecimal(BigInteger.TWO.pow(-v.exponent())));
    }
}
