package bitweave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real Yosys run (the 2-wide int4 adder tree on iCE40, ~2 s): the figures recorded in the estimator's
 * calibration table (measured.tsv) are still what Yosys measures, and synth prints the estimate beside them
 * (measured, estimate, error %) and adds the same estimate to its JSON.
 */
class SynthEstimateTest {
    private static final String TREE = "compiler/src/test/resources/synth/tree_wrap.bw";
    private static final Path MEASURED = Path.of("compiler/src/test/resources/bitweave/estimate/measured.tsv");

    @Test
    void recordedFiguresStillMatchYosysAndSynthPrintsTheEstimateBeside(@TempDir Path tmp) throws Exception {
        CliRunner.Result r = CliRunner.run("synth", TREE, "--target", "ice40", "-o", tmp.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode json = new ObjectMapper().readTree(tmp.resolve("synth-ice40.json").toFile());

        Map<String, Long> recorded = new HashMap<>();
        for (String line : Files.readAllLines(MEASURED)) {
            String[] f = line.split("\t");
            if (f[0].equals(TREE) && f[1].equals("ice40")) {
                recorded.put(f[2] + "/" + f[3], Long.parseLong(f[4]));
            }
        }
        assertEquals(10, recorded.size(), "tree_wrap's ice40 rows in " + MEASURED);
        for (JsonNode flow : json.get("flows")) {
            flow.get("resources").fields().forEachRemaining(e -> assertEquals(recorded.get(flow.get("name").asText()
                    + "/" + e.getKey()), e.getValue().asLong(), "recorded " + flow.get("name").asText() + " " + e.getKey()
                    + " differs from this Yosys run: re-measure measured.tsv (README 'bitweave estimate')"));
        }

        // the estimate beside the measured figures: per row, per flow, measured, estimate, error %
        JsonNode estimate = json.get("estimate").get("flows");
        assertTrue(r.out().contains("  estimate (bitweave estimate, from the IR) beside the measured figures"), r.out());
        for (String resource : new String[] {"SB_LUT4", "SB_CARRY", "DFF", "SB_MAC16", "BRAM"}) {
            Matcher m = Pattern.compile("(?m)^  " + resource + " +(\\d+) +(\\d+) +(\\S+) +(\\d+) +(\\d+) +(\\S+)$")
                    .matcher(r.out());
            assertTrue(m.find(), resource + " beside row in\n" + r.out());
            for (int flow = 0; flow < 2; flow++) {
                long meas = json.get("flows").get(flow).get("resources").get(resource).asLong();
                long est = estimate.get(flow).get("resources").get(resource).asLong();
                assertEquals(meas, Long.parseLong(m.group(1 + 3 * flow)), resource);
                assertEquals(est, Long.parseLong(m.group(2 + 3 * flow)), resource);
                assertEquals(EstimateTable.errorPercent(est, meas), m.group(3 + 3 * flow), resource);
            }
        }
        // the same estimate as bitweave estimate prints
        CliRunner.Result alone = CliRunner.run("estimate", TREE, "--target", "ice40", "--json");
        assertEquals(new ObjectMapper().readTree(alone.out()).get("flows"), estimate);
        assertEquals("runTimeSeconds", last(json), "the run time stays the JSON's last member");
    }

    @Test
    void errorPercentIsSignedWithOneDecimal() {
        assertEquals("+25.0", EstimateTable.errorPercent(125, 100L));
        assertEquals("-12.5", EstimateTable.errorPercent(7, 8L));
        assertEquals("exact", EstimateTable.errorPercent(0, 0L));
        assertEquals("n/a", EstimateTable.errorPercent(3, 0L));
    }

    private static String last(JsonNode json) {
        String[] name = {null};
        json.fieldNames().forEachRemaining(n -> name[0] = n);
        return name[0];
    }
}
