package bitweave.rtl;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Puts an exact signed value of IN_W bits into the accumulator type (OUT_W bits) with the PE's policy.
 * Callers always pass IN_W >= OUT_W + 2, so every slice below is non-empty.
 */
public record FitBody(Kind kind) implements RtlBody {
    public enum Kind { WRAP, SATURATE_SIGNED, SATURATE_UNSIGNED }

    @Override
    public String templateName() {
        switch (kind) {
            case WRAP:
                return "fit_wrap";
            case SATURATE_SIGNED:
                return "fit_saturate_signed";
            default:
                return "fit_saturate_unsigned";
        }
    }

    @Override
    public List<String> instantiates() {
        return List.of();
    }

    @Override
    public RtlBody renameModules(UnaryOperator<String> rename) {
        return this;
    }
}
