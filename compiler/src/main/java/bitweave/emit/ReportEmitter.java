package bitweave.emit;

import bitweave.diag.Plural;
import bitweave.ir.Design;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stringtemplate.v4.STGroup;

/** Prints a {@link Report}: {@code <top>_report.txt} through templates/report.stg, and {@code <top>_report.json}. */
public final class ReportEmitter {
    private static final STGroup GROUP = Templates.load("report");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ReportEmitter() {
    }

    public static GeneratedFile text(Design d, Report r) {
        String body;
        synchronized (GROUP) {
            // Counts with units are worded here (bitweave.diag.Plural): a template cannot pick "cycle" or "cycles".
            body = Templates.render(GROUP, "report", "header", Provenance.lines(d), "r", r,
                    "latency", Plural.count(r.latencyCycles(), "cycle"),
                    "throughput", Plural.count(r.macsPerCycle(), "MAC") + "/cycle");
        }
        return new GeneratedFile(r.topModule() + "_report.txt", body);
    }

    /** JSON for scripts (bench/ reads it). The provenance text is the first member, so the writer recognises it. */
    public static GeneratedFile json(Design d, Report r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("_provenance", String.join(" ", Provenance.lines(d)));
        root.setAll((ObjectNode) JSON.valueToTree(r));
        try {
            return new GeneratedFile(r.topModule() + "_report.json", JSON.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("report JSON", e);
        }
    }
}
