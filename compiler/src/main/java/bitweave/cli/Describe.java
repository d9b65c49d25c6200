package bitweave.cli;

import bitweave.ir.Design;
import java.util.stream.Collectors;

/** The resolved parameters of a design as one line, for CLI messages. */
final class Describe {
    private Describe() {
    }

    static String params(Design d) {
        if (d.params().isEmpty()) {
            return "";
        }
        return d.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
