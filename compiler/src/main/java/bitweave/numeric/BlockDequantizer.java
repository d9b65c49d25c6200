package bitweave.numeric;

import java.util.ArrayList;
import java.util.List;

/**
 * One block back to scalars ({@code out}, FP32 or BF16): each element's exact value times 2^scale, rounded
 * to nearest even into {@code out} with its subnormals and overflow to infinity. A NaN scale or element gives
 * {@code out}'s canonical NaN; an infinite element gives infinity of its sign.
 */
public record BlockDequantizer(BlockFormat format, FloatFormat out) {
    public List<Long> dequantize(QuantizedBlock block) {
        boolean nanBlock = format.scale().isNaN(block.scale());
        int shift = nanBlock ? 0 : format.scale().exponent(block.scale());
        List<Long> result = new ArrayList<>();
        for (long code : block.codes()) {
            FpValue v = format.element().decode(code);
            result.add(nanBlock || v.isNaN() ? out.nanCode() : out.encode(v.scaledBy(shift), Encoding.IEEE));
        }
        return result;
    }
}
