package bitweave.units.mx;

import bitweave.numeric.ScaleFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Co-simulation blocks for a dequantizer (golden side): every element code (all of them when there are at
 * most 4096, else a seeded sample with the extremes) at the scales where the output changes character (the
 * smallest, which makes output subnormals and zeros, 2^-1, 1, 2, the largest, which overflows, and NaN);
 * then random blocks at random scales.
 */
final class DequantizerStimulus {
    private static final long CORNER_SEED = 0xDE0L;
    private static final int EXHAUSTIVE_CODES = 4096;

    private final Dequantizer d;
    private final int k;
    private final int elemBits;
    private final ScaleFormat scale;

    DequantizerStimulus(Dequantizer d) {
        this.d = d;
        this.k = d.blockSize();
        this.elemBits = d.format().element().width();
        this.scale = d.format().scale();
    }

    List<EncodedBlock> corners() {
        Random r = new Random(CORNER_SEED);
        List<Long> codes = new ArrayList<>();
        long count = 1L << elemBits;
        if (count <= EXHAUSTIVE_CODES) {
            for (long c = 0; c < count; c++) {
                codes.add(c);
            }
        } else {
            long top = count - 1;
            long half = count >>> 1;
            for (long c : new long[] {0, 1, 2, half - 1, half, half + 1, top - 1, top}) {
                codes.add(c);
            }
            while (codes.size() < 512) {
                codes.add(r.nextLong() & top);
            }
        }
        Set<Long> scales = new LinkedHashSet<>(List.of(0L, 1L, (long) scale.bias() - 1, (long) scale.bias(),
                (long) scale.bias() + 1, scale.maxCode() - 1, scale.maxCode(), scale.nanCode()));
        List<EncodedBlock> out = new ArrayList<>();
        for (long s : scales) {
            for (int at = 0; at < codes.size(); at += k) {
                long[] block = new long[k];
                for (int i = 0; i < k; i++) {
                    block[i] = codes.get((at + i) % codes.size());
                }
                out.add(new EncodedBlock(s, block));
            }
        }
        return out;
    }

    EncodedBlock random(Random r) {
        long s = switch (r.nextInt(4)) {
            case 0 -> r.nextInt(8); // the bottom: output subnormals
            case 1 -> scale.maxCode() - r.nextInt(8); // the top: overflow
            default -> r.nextInt(r.nextInt(40) == 0 ? (int) scale.nanCode() + 1 : (int) scale.maxCode() + 1);
        };
        long[] block = new long[k];
        long mask = (1L << elemBits) - 1;
        for (int i = 0; i < k; i++) {
            block[i] = r.nextLong() & mask;
        }
        return new EncodedBlock(s, block);
    }
}
