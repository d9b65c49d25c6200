package bitweave.rtl;

import java.util.List;
import java.util.function.UnaryOperator;

/** A W-bit delay line of DEPTH reset registers with a shift enable (DEPTH = 0 is a wire). */
public record DelayBody() implements RtlBody {
    @Override
    public String templateName() {
        return "delay";
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
