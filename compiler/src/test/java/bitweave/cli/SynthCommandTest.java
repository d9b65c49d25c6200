package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bitweave synth --target generic} on a real Yosys run (a 2-wide int4 adder tree, ~2 s): the table,
 * the JSON beside the compile output, the same figures in both, byte-identical JSON across runs apart from
 * the run time, and --target as a closed set.
 */
class SynthCommandTest {
    private static final String TREE = "compiler/src/test/resources/synth/tree_wrap.bw";

    @Test
    void printsTheTableAndWritesTheJson(@TempDir Path tmp) throws Exception {
        CliRunner.Result r = CliRunner.run("synth", TREE, "--target", "generic", "-o", tmp.resolve("a").toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("synth tree_wrap: top tree_wrap, target generic, Yosys "), r.out());
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("a/synth-generic.json").toFile());
        assertEquals("tree_wrap", json.get("design").asText());
        assertEquals("tree_wrap", json.get("top").asText());
        assertTrue(json.get("yosys").asText().startsWith("Yosys "), json.toString());
        assertEquals(0, json.get("otherCells").size(), json.toString());
        long nand = figure(r.out(), "NAND");
        long nor = figure(r.out(), "NOR");
        long not = figure(r.out(), "NOT");
        long dff = figure(r.out(), "DFF");
        assertEquals(nand, json.get("nand").asLong());
        assertEquals(nor, json.get("nor").asLong());
        assertEquals(not, json.get("not").asLong());
        assertEquals(dff, json.get("dff").asLong());
        assertEquals(figure(r.out(), "depth"), json.get("depth").asLong());
        assertTrue(nand > 0 && nor > 0 && json.get("depth").asInt() > 0, r.out());
        // 2 x (4+4) operand bits + valid/last, an 8-bit accumulator, an 8-bit output, valids: plain flops only.
        assertTrue(dff >= 8 + 8 && dff < 64, r.out());
        double ge = nand + nor + 0.67 * not + 5 * dff;
        assertEquals(ge, json.get("ge").asDouble(), 1e-9);
        assertEquals(ge * json.get("depth").asInt(), json.get("geTimesDepth").asDouble(), 1e-6);
        assertTrue(Files.isRegularFile(tmp.resolve("a/tree_wrap.v")) && Files.isRegularFile(tmp.resolve("a/synth-generic.ys")));

        // Deterministic apart from the run time.
        CliRunner.Result again = CliRunner.run("synth", TREE, "-o", tmp.resolve("b").toString());
        assertEquals(0, again.exit(), again.toString());
        assertEquals(withoutRunTime(tmp.resolve("a/synth-generic.json")), withoutRunTime(tmp.resolve("b/synth-generic.json")));
    }

    /** --fast maps with the short ABC script: the flow in the JSON and the table's first line say so. */
    @Test
    void fastMapsWithAbcsFastScriptAndSaysSo(@TempDir Path tmp) throws Exception {
        CliRunner.Result r = CliRunner.run("synth", TREE, "--fast", "-o", tmp.toString());
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().startsWith("synth tree_wrap: top tree_wrap, target generic (short abc script), Yosys "), r.out());
        JsonNode flow = new ObjectMapper().readTree(tmp.resolve("synth-generic.json").toFile()).get("flow");
        assertTrue(flow.toString().contains("\"" + bitweave.synth.SynthTarget.FAST_ABC + "\""), flow.toString());
        assertTrue(figure(r.out(), "NAND") + figure(r.out(), "NOR") > 0, r.out());
    }

    /**
     * Issue 9, item 1: the FPGA targets print one resource row per line with a column per flow (with DSPs first),
     * and the JSON holds the same numbers per flow (the 2-wide int4 tree: ~2 s on ice40, ~8 s on xilinx).
     */
    @Test
    void fpgaTargetsPrintTheResourceTableAndWriteTheJson(@TempDir Path tmp) throws Exception {
        for (String target : new String[] {"ice40", "xilinx"}) {
            CliRunner.Result r = CliRunner.run("synth", TREE, "--target", target, "-o", tmp.resolve(target).toString());
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().startsWith("synth tree_wrap: top tree_wrap, target " + target + ", Yosys "), r.out());
            JsonNode json = new ObjectMapper().readTree(tmp.resolve(target + "/synth-" + target + ".json").toFile());
            assertEquals(target, json.get("target").asText());
            JsonNode flows = json.get("flows");
            assertEquals(2, flows.size(), json.toString());
            assertEquals("dsp", flows.get(0).get("name").asText());
            assertEquals("nodsp", flows.get(1).get("name").asText());
            String lut = target.equals("ice40") ? "SB_LUT4" : "LUT";
            String ff = target.equals("ice40") ? "DFF" : "FF";
            Matcher m = Pattern.compile("(?m)^  " + lut + "\\s+(\\d+)\\s+(\\d+)$").matcher(r.out());
            assertTrue(m.find(), r.out());
            assertEquals(Long.parseLong(m.group(1)), flows.get(0).get("resources").get(lut).asLong());
            assertEquals(Long.parseLong(m.group(2)), flows.get(1).get("resources").get(lut).asLong());
            // 27 flip-flops in the generic flow too (operands, accumulator, output, valid bits)
            assertEquals(27, flows.get(1).get("resources").get(ff).asLong(), json.toString());
            assertTrue(flows.get(0).get("resources").get(lut).asLong() > 20, json.toString());
            assertTrue(Files.isRegularFile(tmp.resolve(target + "/synth-" + target + "-nodsp.ys")));
        }
        CliRunner.Result fast = CliRunner.run("synth", TREE, "--target", "ice40", "--fast");
        assertEquals(2, fast.exit(), fast.toString());
    }

    @Test
    void anUnknownTargetIsAUsageErrorListingTheAcceptedOnes() {
        CliRunner.Result r = CliRunner.run("synth", TREE, "--target", "ecp5");
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--target ecp5: unknown target; accepted: generic, ice40, xilinx"), r.err());
    }

    private static long figure(String table, String name) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(name) + "\\s+(\\d+)").matcher(table);
        assertTrue(m.find(), name + " in\n" + table);
        return Long.parseLong(m.group(1));
    }

    private static String withoutRunTime(Path json) throws Exception {
        ObjectNode node = (ObjectNode) new ObjectMapper().readTree(json.toFile());
        assertTrue(node.remove("runTimeSeconds") != null);
        return node.toString();
    }
}
