package bitweave.rtl;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Output-stationary PE: forwards a (with the step marker) right and b down, accumulates
 * acc = fit(acc + a*b) on every valid step and captures the result on the tile's last step.
 *
 * @param aFill   the bit that extends {@code a_in} (its sign bit, or {@code 1'b0} when unsigned)
 * @param bFill   the same for {@code b_in}
 * @param accFill the same for {@code acc_q}
 */
public record OsPeBody(String fitModule, String aFill, String bFill, String accFill) implements RtlBody {
    @Override
    public String templateName() {
        return "os_pe";
    }

    @Override
    public List<String> instantiates() {
        return List.of(fitModule);
    }

    @Override
    public RtlBody renameModules(UnaryOperator<String> rename) {
        return new OsPeBody(rename.apply(fitModule), aFill, bFill, accFill);
    }
}
