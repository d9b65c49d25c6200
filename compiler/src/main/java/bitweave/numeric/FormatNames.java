package bitweave.numeric;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The DSL's names of the number formats (dsl/LANGUAGE.md 4.1): the named scalar floats, {@code fp_eXmY} for
 * any other IEEE-style split, the OCP MX block types and {@code bfp_eXmY} (two's-complement mantissas) or
 * {@code bfp_eXmY_sm} (sign-magnitude) for classic block floating point.
 */
public final class FormatNames {
    /** Widest {@code bfp} mantissa (sign included). */
    public static final int MAX_BFP_MANTISSA = 24;

    private static final List<FloatFormat> NAMED_FLOATS = List.of(FloatFormat.FP32, FloatFormat.BF16,
            FloatFormat.FP16, FloatFormat.E4M3, FloatFormat.E5M2, FloatFormat.E3M2, FloatFormat.E2M3,
            FloatFormat.E2M1);
    private static final Pattern CUSTOM_FLOAT = Pattern.compile("fp_e([0-9]{1,2})m([0-9]{1,2})");
    private static final Pattern BFP = Pattern.compile("bfp_e([0-9]{1,2})m([0-9]{1,2})(_sm)?");

    private FormatNames() {
    }

    /** The scalar float written {@code name}, if it is one (fp_eXmY: X in 2..11, Y in 1..52, IEEE Inf/NaN). */
    public static Optional<FloatFormat> scalar(String name) {
        for (FloatFormat f : NAMED_FLOATS) {
            if (f.name().equals(name)) {
                return Optional.of(f);
            }
        }
        Matcher m = CUSTOM_FLOAT.matcher(name);
        if (m.matches()) {
            int e = Integer.parseInt(m.group(1));
            int mant = Integer.parseInt(m.group(2));
            if (e >= 2 && e <= FloatFormat.MAX_EXPONENT_BITS && mant >= 1 && mant <= FloatFormat.MAX_MANTISSA_BITS
                    && 1 + e + mant <= 64) {
                return Optional.of(new FloatFormat(name, e, mant, FloatFormat.Specials.IEEE));
            }
        }
        return Optional.empty();
    }

    /** The block format written {@code name} with {@code blockSize} elements, if it is one. */
    public static Optional<BlockFormat> block(String name, int blockSize) {
        for (BlockFormat f : BlockFormat.MX) {
            if (f.name().equals(name)) {
                return Optional.of(f.withBlockSize(blockSize));
            }
        }
        Matcher m = BFP.matcher(name);
        if (m.matches()) {
            int e = Integer.parseInt(m.group(1));
            int mant = Integer.parseInt(m.group(2));
            if (e >= 2 && e <= 16 && mant >= 2 && mant <= MAX_BFP_MANTISSA) {
                return Optional.of(BlockFormat.bfp(e, mant, m.group(3) != null, blockSize));
            }
        }
        return Optional.empty();
    }

    /** Every name a message may offer as an example, scalar floats first. */
    public static List<String> examples() {
        List<String> out = new ArrayList<>();
        NAMED_FLOATS.forEach(f -> out.add(f.name()));
        out.add("fp_eXmY");
        BlockFormat.MX.forEach(f -> out.add(f.name()));
        out.add("bfp_eXmY");
        out.add("bfp_eXmY_sm");
        return out;
    }
}
