package bitweave.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import bitweave.wrap.AxisWrap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Yosys' structural checks ({@code hierarchy -check; proc; check -assert}: no undriven or multiply driven wire, no
 * combinational loop, every module and port known) pass on every shipped example as compiled, and on an example
 * behind the AXI4-Stream wrapper (issue 9); a wire left undriven fails them, so the check is not vacuous.
 */
class YosysCheckExamplesTest {
    @TempDir
    Path tmp;

    private final Yosys yosys = Yosys.locate(System.getenv());

    @Test
    void everyShippedExampleIsClean() throws IOException {
        List<Path> examples;
        try (Stream<Path> s = Files.list(Path.of("dsl/examples"))) {
            examples = s.filter(p -> p.toString().endsWith(".bw")).sorted().toList();
        }
        assertTrue(examples.size() >= 20, "found the examples");
        List<String> problems = new ArrayList<>();
        for (Path p : examples) {
            Design d = Frontend.loadWithWarnings(p, p.toString(), Map.of(), null).design();
            Yosys.Run r = check(CompileOutputs.of(d), p.getFileName().toString(), s -> s);
            if (r.exit() != 0) {
                problems.add(p + ":\n" + r.log().lines().filter(l -> l.contains("Warning") || l.contains("ERROR"))
                        .limit(10).reduce("", (a, b) -> a + "  " + b + "\n"));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theWrapperIsCleanAndAnUndrivenWireIsFound() throws IOException {
        Path p = Path.of("dsl/examples/systolic_ws_int8.bw");
        Design d = Frontend.loadWithWarnings(p, p.toString(), Map.of(), null).design();
        CompileOutputs out = CompileOutputs.of(d, Optional.of(AxisWrap.of(TopInterface.of(d.top()), 8)));
        Yosys.Run clean = check(out, "wrapped", s -> s);
        assertEquals(0, clean.exit(), clean.log());
        String good = "assign in_word_valid = s_axis_in_tvalid && s_axis_in_final;";
        Yosys.Run broken = check(out, "broken", s -> {
            assertTrue(s.contains(good), "the mutation's target is in the wrapper");
            return s.replace(good, "");
        });
        assertNotEquals(0, broken.exit(), "an undriven in_word_valid must fail check -assert");
        assertTrue(broken.log().contains("in_word_valid is used but has no driver"), broken.log());
    }

    /** Writes the compile output (the top's file edited by {@code editTop}) and runs the checks on it. */
    private Yosys.Run check(CompileOutputs out, String name, java.util.function.UnaryOperator<String> editTop)
            throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        String top = out.rtl().topModule();
        for (GeneratedFile f : out.all()) {
            Files.writeString(dir.resolve(f.name()), f.name().equals(top + ".v") ? editTop.apply(f.content()) : f.content());
        }
        Files.writeString(dir.resolve("check.ys"), "tcl " + top + "_yosys.tcl\nhierarchy -check -top " + top
                + "\nproc\ncheck -assert\n");
        return yosys.script(dir, "check.ys", "check.log");
    }
}
