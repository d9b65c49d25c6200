package bitweave.numeric;

import java.util.ArrayList;
import java.util.List;

/**
 * FP32/BF16 values to one block of a {@link BlockFormat}: the shared exponent from the block's largest
 * magnitude ({@link ScaleRule}), then each element {@code v / 2^scale} rounded into the element format
 * ({@link Encoding}). The same definition serves the golden model and the corner-vector generator.
 */
public record BlockQuantizer(BlockFormat format, ScaleRule rule, Encoding encoding, SpecialsPolicy specials) {
    public BlockQuantizer {
        if (specials == SpecialsPolicy.LANE && !format.element().hasNaN()) {
            throw new IllegalArgumentException("per-lane NaN needs an element format with NaN, not " + format.element());
        }
    }

    /** @param values exactly {@code format.blockSize()} decoded inputs */
    public QuantizedBlock quantize(List<FpValue> values) {
        if (values.size() != format.blockSize()) {
            throw new IllegalArgumentException("a block has " + format.blockSize() + " values, got " + values.size());
        }
        boolean special = values.stream().anyMatch(v -> !v.isFinite());
        if (special && specials == SpecialsPolicy.BLOCK) {
            return new QuantizedBlock(format.scale().nanCode(), values.stream().map(v -> 0L).toList());
        }
        long scale = scaleCode(values);
        int shift = -format.scale().exponent(scale);
        List<Long> codes = new ArrayList<>();
        for (FpValue v : values) {
            codes.add(v.isFinite() ? format.element().encode(v.scaledBy(shift), encoding) : laneSpecial(v));
        }
        return new QuantizedBlock(scale, codes);
    }

    /** The scale code of the finite values: code 0 (2^-bias) when they are all zero. */
    public long scaleCode(List<FpValue> values) {
        FpValue amax = null;
        for (FpValue v : values) {
            if (v.isFinite() && !v.isZero() && (amax == null || v.compareMagnitude(amax) > 0)) {
                amax = v;
            }
        }
        return amax == null ? 0 : format.scale().clampedCode(rule.exponent(amax, format.element()));
    }

    private long laneSpecial(FpValue v) {
        FloatFormat f = (FloatFormat) format.element(); // LANE needs NaN, which only float elements have
        return v.isNaN() || !f.hasInfinity() ? f.nanCode() | (v.negative() ? 1L << (f.width() - 1) : 0)
                : f.infinityCode(v.negative());
    }
}
