package bitweave.rtl;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Multiplier-adder tree top: K exact products, a binary tree of exact adds with PIPE register levels
 * nearest the root, then fit (and the accumulator when {@code accumulate}) into the output register.
 *
 * @param aFill      the bit that extends one {@code a_elem} (sign bit or {@code 1'b0})
 * @param bFill      the same for {@code b_elem}
 * @param accFill    the same for {@code acc_q} (only printed when accumulating)
 * @param lastSource what marks the end of a group: {@code in_last}, or {@code 1'b1} (every beat)
 */
public record TreeTopBody(String fitModule, String aFill, String bFill, String accFill, String lastSource,
                          boolean accumulate, String peLocator) implements RtlBody {
    @Override
    public String templateName() {
        return "tree_top";
    }

    @Override
    public List<String> instantiates() {
        return List.of(fitModule);
    }

    @Override
    public RtlBody renameModules(UnaryOperator<String> rename) {
        return new TreeTopBody(rename.apply(fitModule), aFill, bFill, accFill, lastSource, accumulate, peLocator);
    }
}
