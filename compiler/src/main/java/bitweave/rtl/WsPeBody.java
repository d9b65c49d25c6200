package bitweave.rtl;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Weight-stationary PE: holds w, forwards x right, and passes p_out = fit(p_in + x*w) down.
 *
 * @param xFill the bit that extends {@code x_in} (sign bit or {@code 1'b0})
 * @param wFill the same for {@code w_q}
 * @param pFill the same for {@code p_in}
 */
public record WsPeBody(String fitModule, String xFill, String wFill, String pFill) implements RtlBody {
    @Override
    public String templateName() {
        return "ws_pe";
    }

    @Override
    public List<String> instantiates() {
        return List.of(fitModule);
    }

    @Override
    public RtlBody renameModules(UnaryOperator<String> rename) {
        return new WsPeBody(rename.apply(fitModule), xFill, wFill, pFill);
    }
}
