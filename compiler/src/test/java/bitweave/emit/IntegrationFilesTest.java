package bitweave.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.ir.Design;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, item 4: every shipped example's compile output holds a FuseSoC core and a Vivado project script that
 * name exactly its Verilog files (in the file list's order, relative to their own folder), its top and its
 * Verilog parameters. No vendor tool is installed here, so the Vivado script's structure is what is checked:
 * balanced Tcl brackets and braces, the project, the sources, the top, out-of-context synthesis, the reports.
 */
class IntegrationFilesTest {
    @Test
    void everyExampleHasACoreAndAVivadoScript() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("dsl/examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".bw")).sorted().toList();
        }
        assertTrue(examples.size() > 10);
        for (Path example : examples) {
            Design d = Frontend.load(example, example.getFileName().toString(), Map.of(), null);
            RtlOutput rtl = CompileOutputs.of(d).rtl();
            String top = rtl.topModule();
            List<String> sources = rtl.verilogFiles().stream().map(GeneratedFile::name).toList();
            String core = file(rtl, top + ".core");
            String vivado = file(rtl, top + "_vivado.tcl");
            assertTrue(core.startsWith("CAPI=2:\n"), example + ": CAPI2 needs its tag on the first line");
            assertTrue(core.contains("\nname: bitweave:generated:" + top + ":" + BuildInfo.VERSION + "\n"), core);
            assertEquals(sources, listed(core, "      - "), example + ": the core's files");
            assertEquals(3, count(core, "    toplevel: " + top + "\n"), core);
            for (String p : rtl.parameters()) {
                String[] kv = p.split("=");
                assertTrue(core.contains("  " + kv[0] + ":\n    datatype: int\n    default: " + kv[1]
                        + "\n    paramtype: vlogparam\n"), example + ": parameter " + p);
            }
            assertEquals(sources, listed(vivado, "  [file join $bitweave_dir "), example + ": Vivado's sources");
            assertTrue(vivado.contains("\nset_property top " + top + " [current_fileset]\n"), vivado);
            assertTrue(vivado.contains("\nset_property generic {" + String.join(" ", rtl.parameters()) + "} "), vivado);
            assertTrue(vivado.contains("create_project -force " + top + " $proj_dir -part $part")
                    && vivado.contains("-value {-mode out_of_context} -objects [get_runs synth_1]")
                    && vivado.contains("launch_runs synth_1") && vivado.contains("report_utilization"), vivado);
            assertBalanced(vivado, example);
            for (String text : List.of(core, vivado)) {
                assertTrue(!text.contains("/work/") && !text.contains("/tmp/"), example + ": an absolute path");
            }
        }
    }

    private static String file(RtlOutput rtl, String name) {
        return rtl.portableLists().stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name)).content();
    }

    /** The names on the lines that start with {@code prefix}, up to the next space, bracket or end of line. */
    private static List<String> listed(String text, String prefix) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(prefix)) {
                out.add(line.substring(prefix.length()).split("[\\] ]")[0]);
            }
        }
        return out;
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    /** Tcl's brackets and braces pair up outside comments (a missing one would swallow the rest of the script). */
    private static void assertBalanced(String tcl, Path example) {
        int brackets = 0;
        int braces = 0;
        for (String line : tcl.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            for (char c : line.toCharArray()) {
                brackets += c == '[' ? 1 : c == ']' ? -1 : 0;
                braces += c == '{' ? 1 : c == '}' ? -1 : 0;
                assertTrue(brackets >= 0 && braces >= 0, example + ": closes before it opens: " + line);
            }
        }
        assertEquals(0, brackets, example + ": brackets");
        assertEquals(0, braces, example + ": braces");
    }
}
