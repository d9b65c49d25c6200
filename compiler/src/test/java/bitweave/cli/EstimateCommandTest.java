package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bitweave estimate}: synth's table shape per target, the JSON with the same numbers, usage errors. */
class EstimateCommandTest {
    private static final String OS = "dsl/examples/systolic_os_int8.bw";

    @Test
    void printsSynthsRowsAndColumnsPerTargetAndWritesTheJson(@TempDir Path tmp) throws Exception {
        String[][] rows = {{"generic", "DFF", "GE"}, {"ice40", "SB_LUT4", "SB_CARRY", "DFF", "SB_MAC16", "BRAM"},
                {"xilinx", "LUT", "FF", "CARRY4", "DSP48E1", "BRAM"}};
        for (String[] t : rows) {
            String target = t[0];
            CliRunner.Result r = CliRunner.run("estimate", OS, "--target", target, "-P", "ROWS=2", "-P", "COLS=3",
                    "-o", tmp.resolve(target).toString());
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().startsWith("estimate systolic_os_int8 -P COLS=3 -P ROWS=2: top systolic_os_int8, target "
                    + target + " (from the IR after the passes; no Yosys run)"), r.out());
            JsonNode flows = new ObjectMapper().readTree(tmp.resolve(target + "/estimate-" + target + ".json").toFile())
                    .get("flows");
            assertEquals(target.equals("generic") ? 1 : 2, flows.size(), flows.toString());
            for (int i = 1; i < t.length; i++) {
                Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(t[i]) + " +(\\d+)(?: +(\\d+))?$").matcher(r.out());
                assertTrue(m.find(), t[i] + " row in\n" + r.out());
                assertEquals(flows.get(0).get("resources").get(t[i]).asLong(), Long.parseLong(m.group(1)), t[i]);
            }
        }
    }

    @Test
    void scalesWithTheArrayAndCountsOneDspPerPe() throws Exception {
        JsonNode small = json("-P", "ROWS=2", "-P", "COLS=2");
        JsonNode big = json("-P", "ROWS=4", "-P", "COLS=4");
        assertEquals(4, small.get("flows").get(0).get("resources").get("SB_MAC16").asLong());
        assertEquals(16, big.get("flows").get(0).get("resources").get("SB_MAC16").asLong());
        assertEquals(16, big.get("multiplierShapes").get("8x8").asLong(), big.toString());
        long ffSmall = small.get("flows").get(1).get("resources").get("DFF").asLong();
        long ffBig = big.get("flows").get(1).get("resources").get("DFF").asLong();
        assertTrue(ffBig > 3 * ffSmall, ffSmall + " -> " + ffBig);
    }

    private static JsonNode json(String... params) throws Exception {
        String[] args = new String[params.length + 5];
        System.arraycopy(new String[] {"estimate", OS, "--target", "ice40", "--json"}, 0, args, 0, 5);
        System.arraycopy(params, 0, args, 5, params.length);
        CliRunner.Result r = CliRunner.run(args);
        assertEquals(0, r.exit(), r.toString());
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void anUnknownTargetIsAUsageError() {
        CliRunner.Result r = CliRunner.run("estimate", OS, "--target", "asic");
        assertEquals(Main.EXIT_USAGE, r.exit(), r.toString());
        assertTrue(r.err().contains("--target asic: unknown target; accepted: generic, ice40, xilinx"), r.err());
        CliRunner.Result missing = CliRunner.run("estimate", "no/such.bw");
        assertEquals(Main.EXIT_INPUT, missing.exit(), missing.toString());
        assertTrue(!missing.err().contains("Exception"), missing.err());
    }
}
