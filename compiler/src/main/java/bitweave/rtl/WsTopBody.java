package bitweave.rtl;

import java.util.List;
import java.util.function.UnaryOperator;

/** Weight-stationary array top: weight load, activation skew, PE grid, output de-skew, global stall. */
public record WsTopBody(String peModule, String delayModule, String peLocator) implements RtlBody {
    @Override
    public String templateName() {
        return "ws_top";
    }

    @Override
    public List<String> instantiates() {
        return List.of(delayModule, peModule);
    }

    @Override
    public RtlBody renameModules(UnaryOperator<String> rename) {
        return new WsTopBody(rename.apply(peModule), rename.apply(delayModule), peLocator);
    }
}
