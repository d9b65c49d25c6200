package bitweave.rtl;

import bitweave.datapath.Datapath;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The datapath level of a module: a graph of typed operations with concrete widths (a PE, the edge
 * logic of an array). Printed op by op (templates/datapath.stg); it instantiates nothing.
 */
public record DatapathBody(Datapath graph) implements RtlBody {
    @Override
    public String templateName() {
        return "datapath";
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
