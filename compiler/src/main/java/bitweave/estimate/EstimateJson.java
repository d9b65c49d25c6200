package bitweave.estimate;

import bitweave.emit.GeneratedFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * {@code estimate-<target>.json} (bitweave estimate -o), and the {@code estimate} member that synth adds to its
 * {@code synth-<target>.json}. Shaped like synth's FPGA JSON: {@code flows}, each with name, label and
 * {@code resources}; plus the IR counts the formulas read. Byte-identical across runs of the same input.
 */
public final class EstimateJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EstimateJson() {
    }

    public static GeneratedFile file(List<String> provenance, String design, Map<String, Long> overrides, Estimate e) {
        ObjectNode root = JSON.createObjectNode();
        root.put("_provenance", String.join(" ", provenance));
        root.put("design", design);
        root.put("top", e.top());
        root.put("target", e.target().spelling());
        ObjectNode params = root.putObject("overrides");
        new java.util.TreeMap<>(overrides).forEach(params::put);
        root.setAll(body(e));
        return new GeneratedFile("estimate-" + e.target().spelling() + ".json", write(root));
    }

    /**
     * {@code synthJson} (synth's file) with an {@code estimate} member inserted before its last member,
     * {@code runTimeSeconds}, so that the run time stays last.
     */
    public static GeneratedFile addTo(GeneratedFile synthJson, Estimate e) {
        try {
            ObjectNode old = (ObjectNode) JSON.readTree(synthJson.content());
            ObjectNode root = JSON.createObjectNode();
            old.fields().forEachRemaining(f -> {
                if (f.getKey().equals("runTimeSeconds")) {
                    root.set("estimate", body(e));
                }
                root.set(f.getKey(), f.getValue());
            });
            return new GeneratedFile(synthJson.name(), write(root));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("synth JSON", ex);
        }
    }

    private static ObjectNode body(Estimate e) {
        ObjectNode b = JSON.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode flows = b.putArray("flows");
        for (Estimate.Column c : e.columns()) {
            ObjectNode flow = flows.addObject();
            flow.put("name", c.name());
            flow.put("label", c.label());
            ObjectNode res = flow.putObject("resources");
            c.resources().forEach(res::put);
        }
        ObjectNode counts = b.putObject("counts");
        e.counts().forEach(counts::put);
        ObjectNode shapes = b.putObject("multiplierShapes");
        e.multiplierShapes().forEach(shapes::put);
        return b;
    }

    private static String write(ObjectNode root) {
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("estimate JSON", ex);
        }
    }
}
