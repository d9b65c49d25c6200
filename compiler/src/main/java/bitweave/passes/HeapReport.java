package bitweave.passes;

import bitweave.datapath.Op;

/**
 * What compress-bit-heaps built for one heap: its counters and the number of reduction stages (for a
 * chain, the number of rows added in carry-save form after the first two).
 *
 * @param heap       the heap's {@code sum} value name
 * @param width      heap width W (bits kept, mod 2^W)
 * @param maxHeight  the tallest column before reduction (constant bits included)
 */
public record HeapReport(String heap, Op.Reduction reduction, boolean use42, int width, int maxHeight,
                         int stages, int fullAdders, int halfAdders, int compressors42) {
    @Override
    public String toString() {
        return String.format("%s: %s%s W=%d height=%d stages=%d FA=%d HA=%d 4:2=%d", heap, reduction.dslName(),
                use42 ? "+4:2" : "", width, maxHeight, stages, fullAdders, halfAdders, compressors42);
    }
}
