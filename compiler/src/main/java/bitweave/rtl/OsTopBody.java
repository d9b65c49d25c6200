package bitweave.rtl;

import java.util.List;
import java.util.function.UnaryOperator;

/** Output-stationary array top: skew lines, the PE grid and the tile/out-beat flow control. */
public record OsTopBody(String peModule, String delayModule, String peLocator) implements RtlBody {
    @Override
    public String templateName() {
        return "os_top";
    }

    @Override
    public List<String> instantiates() {
        return List.of(delayModule, peModule);
    }

    @Override
    public RtlBody renameModules(UnaryOperator<String> rename) {
        return new OsTopBody(rename.apply(peModule), rename.apply(delayModule), peLocator);
    }
}
