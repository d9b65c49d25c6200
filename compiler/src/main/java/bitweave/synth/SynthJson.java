package bitweave.synth;

import bitweave.emit.GeneratedFile;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * {@code synth-<target>.json}: the figures for scripts (bench/ppa.sh). Member order is fixed and the only
 * fields that change between runs of the same input are {@code runTimeSeconds} and (with --pnr)
 * {@code pnrRunTimeSeconds}. The provenance text is the
 * first member, so the output writer recognises the file as generated.
 */
public final class SynthJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SynthJson() {
    }

    /**
     * @param provenance the header lines of the design's generated files
     * @param overrides  the -P overrides given (name → value), already sorted or in a fixed order
     */
    public static GeneratedFile of(List<String> provenance, String design, Map<String, Long> overrides,
                                   List<String> verilogParameters, String yosysVersion, Synthesis.Result r) {
        ObjectNode root = header(provenance, design, overrides, verilogParameters, yosysVersion, r.top(), r.target());
        r.commands().forEach(root.putArray("flow")::add);
        SynthFigures f = r.figures();
        root.put("nand", f.nand());
        root.put("nor", f.nor());
        root.put("not", f.not());
        root.put("dff", f.dff());
        ObjectNode others = root.putObject("otherCells");
        f.others().forEach(others::put);
        root.put("ge", f.ge());
        root.put("depth", f.depth());
        root.put("geTimesDepth", f.geTimesDepth());
        return file(root, r.target(), r.runTime());
    }

    /**
     * {@code synth-<target>.json} of an FPGA target: per flow its commands, resource rows and other cells.
     */
    public static GeneratedFile ofFpga(List<String> provenance, String design, Map<String, Long> overrides,
                                       List<String> verilogParameters, String yosysVersion, Synthesis.FpgaResult r) {
        return ofFpga(provenance, design, overrides, verilogParameters, yosysVersion, r, java.util.Optional.empty());
    }

    /**
     * The same with a place-and-route run ({@code synth --pnr}) as member {@code pnr} and nextpnr's version as {@code nextpnr} after {@code yosys}: part, package, target
     * frequency, seed, the Yosys commands and nextpnr arguments, the utilisation block and the
     * routed Fmax per clock; its run time is {@code pnrRunTimeSeconds}, just before {@code runTimeSeconds}.
     */
    public static GeneratedFile ofFpga(List<String> provenance, String design, Map<String, Long> overrides,
                                       List<String> verilogParameters, String yosysVersion, Synthesis.FpgaResult r,
                                       java.util.Optional<Pnr.Result> pnr) {
        ObjectNode root = header(provenance, design, overrides, verilogParameters, yosysVersion, r.top(), r.target());
        pnr.ifPresent(p -> root.put("nextpnr", p.nextpnrVersion()));   // beside "yosys", the header's last member
        com.fasterxml.jackson.databind.node.ArrayNode flows = root.putArray("flows");
        for (Synthesis.FpgaColumn c : r.columns()) {
            ObjectNode flow = flows.addObject();
            flow.put("name", c.flow().name());
            flow.put("label", c.flow().label());
            c.flow().commands().forEach(flow.putArray("commands")::add);
            ObjectNode res = flow.putObject("resources");
            c.resources().resources().forEach(res::put);
            ObjectNode others = flow.putObject("otherCells");
            c.resources().others().forEach(others::put);
        }
        pnr.ifPresent(p -> pnr(root.putObject("pnr"), p));
        pnr.ifPresent(p -> root.put("pnrRunTimeSeconds", seconds(p.runTime())));
        return file(root, r.target(), r.runTime());
    }

    private static void pnr(ObjectNode node, Pnr.Result p) {
        Pnr.Request req = p.request();
        node.put("top", req.top());
        node.put("device", req.device().spelling());
        node.put("package", req.pkg());
        Ice40Pins.board(req.device(), req.pkg()).ifPresent(b -> node.put("board", b.name()));
        node.put("freqMhz", req.freqMhz());
        node.put("seed", Pnr.SEED);
        p.yosysCommands().forEach(node.putArray("yosysCommands")::add);
        p.nextpnrArgs().forEach(node.putArray("nextpnrArgs")::add);
        node.put("pcf", p.pcfFile().orElse(req.userPcf().map(f -> f.getFileName().toString()).orElse("")));
        node.put("pcfGenerated", p.pcfFile().isPresent());
        node.put("portBits", p.portBits());
        com.fasterxml.jackson.databind.node.ArrayNode util = node.putArray("utilisation");
        for (PnrLog.Utilisation u : p.utilisation()) {
            ObjectNode row = util.addObject();
            row.put("resource", u.resource());
            row.put("used", u.used());
            row.put("available", u.available());
            row.put("percent", u.percent());
        }
        com.fasterxml.jackson.databind.node.ArrayNode clocks = node.putArray("fmax");
        for (PnrLog.ClockFmax f : p.fmax()) {
            ObjectNode c = clocks.addObject();
            c.put("clock", f.clock());
            c.put("mhz", f.mhz());
            c.put("targetMhz", f.targetMhz());
            c.put("pass", f.pass());
        }
        com.fasterxml.jackson.databind.node.ArrayNode paths = node.putArray("pinPaths");
        for (PnrLog.MaxDelay d : p.pinPaths()) {
            ObjectNode path = paths.addObject();
            path.put("from", d.from());
            path.put("to", d.to());
            path.put("ns", d.ns());
        }
        node.put("log", p.logFile());
        p.bitstream().ifPresent(b -> node.put("bitstream", b));
        p.bitstreamSha256().ifPresent(h -> node.put("bitstreamSha256", h));
    }

    private static BigDecimal seconds(java.time.Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).setScale(1, RoundingMode.HALF_UP);
    }

    /** The members every target's JSON starts with, in their fixed order. */
    private static ObjectNode header(List<String> provenance, String design, Map<String, Long> overrides,
                                     List<String> verilogParameters, String yosysVersion, String top,
                                     SynthTarget target) {
        ObjectNode root = JSON.createObjectNode();
        root.put("_provenance", String.join(" ", provenance));
        root.put("design", design);
        root.put("top", top);
        root.put("target", target.spelling());
        ObjectNode params = root.putObject("overrides");
        new java.util.TreeMap<>(overrides).forEach(params::put);
        verilogParameters.forEach(root.putArray("verilogParameters")::add);
        root.put("yosys", yosysVersion);
        return root;
    }

    /** The run time as the last member (the only one that changes between runs), then the file. */
    private static GeneratedFile file(ObjectNode root, SynthTarget target, java.time.Duration runTime) {
        root.put("runTimeSeconds", seconds(runTime));
        try {
            return new GeneratedFile("synth-" + target.spelling() + ".json", JSON.writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("synth JSON", e);
        }
    }
}
