package bitweave.passes;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathVerifier;
import java.util.List;

/**
 * A rewrite of a datapath graph (the inside of a PE or of an array's edge logic). A pass must not
 * change what the graph computes at its ports, cycle by cycle; {@link DatapathVerifier} runs after each.
 */
public interface DatapathPass {
    /** Kebab-case name, used by {@code --print-pipeline}, {@code --dump-ir} and verifier messages. */
    String name();

    Datapath run(Datapath graph);

    /** Runs {@code passes} in order, verifying the graph after each one under the pass's name. */
    static Datapath runAll(Datapath graph, List<? extends DatapathPass> passes) {
        Datapath current = graph;
        for (DatapathPass pass : passes) {
            current = pass.run(current);
            DatapathVerifier.verify(current, pass.name());
        }
        return current;
    }
}
