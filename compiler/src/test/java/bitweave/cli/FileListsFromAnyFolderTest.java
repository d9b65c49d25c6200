package bitweave.cli;

import bitweave.testsupport.ExternalTool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file lists of a compile work from a folder other than the output folder, with the commands that
 * dsl/INTERFACE.md documents: {@code verilator -F <top>.f}; {@code verilator -f} and {@code iverilog -c}/
 * {@code -f} with {@code <top>_env.f} and BITWEAVE_RTL; {@code yosys -p 'tcl <top>_yosys.tcl; ...'}. No
 * generated list holds an absolute path.
 */
class FileListsFromAnyFolderTest {
    private static final String TOP = "systolic_os_int8";

    @Test
    void everyListWorksFromAnotherFolderWithItsTool(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out").resolve("os2");
        CliRunner.Result r = CliRunner.run("compile", "dsl/examples/" + TOP + ".bw", "-o", out.toString(),
                "-P", "ROWS=2", "-P", "COLS=2");
        assertEquals(0, r.exit(), r.toString());
        for (String list : List.of(TOP + ".f", TOP + "_env.f", TOP + "_yosys.tcl")) {
            String text = Files.readString(out.resolve(list));
            assertFalse(text.contains(tmp.toString()), list + " holds an absolute path:\n" + text);
            assertTrue(r.out().contains("files in") && Files.readString(out.resolve(TOP + "_report.txt")).contains(list));
        }
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        String dir = "../out/os2";
        Map<String, String> none = Map.of();
        Map<String, String> env = Map.of("BITWEAVE_RTL", dir);

        assertEquals("", ExternalTool.ok(elsewhere, none,
                List.of("verilator", "--lint-only", "-Wall", "-F", dir + "/" + TOP + ".f")).strip());
        assertEquals("", ExternalTool.ok(elsewhere, env,
                List.of("verilator", "--lint-only", "-Wall", "-f", dir + "/" + TOP + "_env.f")).strip());
        for (String flag : List.of("-c", "-f")) {
            ExternalTool.ok(elsewhere, env, List.of("iverilog", "-g2012", "-s", TOP, "-o", "icarus" + flag + ".vvp",
                    flag, dir + "/" + TOP + "_env.f"));
            assertTrue(Files.isRegularFile(elsewhere.resolve("icarus" + flag + ".vvp")));
        }
        String yosys = ExternalTool.ok(elsewhere, none, List.of("yosys", "-q", "-p",
                "tcl " + dir + "/" + TOP + "_yosys.tcl; hierarchy -check -top " + TOP + "; proc; check -assert"));
        assertFalse(yosys.contains("ERROR"), yosys);
    }
}
