package bitweave.numeric;

import java.util.List;

/** One block as stored: its scale code and its element codes. */
public record QuantizedBlock(long scale, List<Long> codes) {
    public QuantizedBlock {
        codes = List.copyOf(codes);
    }
}
