package bitweave.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.passes.LoweringPass;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry is the only place kinds are listed, so it must be unambiguous and complete. */
class UnitKindsTest {
    @Test
    void dslNamesAndPassNamesAreUnique() {
        Set<String> names = new HashSet<>();
        Set<String> passes = new HashSet<>();
        for (UnitKind kind : UnitKinds.ALL) {
            assertTrue(names.add(kind.dslName()), "two kinds are written " + kind.dslName());
            // a MAC array is sized by its arguments; a format unit (quantizer) by its block member
            assertFalse(kind.argNames().isEmpty() && kind.ofNamesPe(), kind.dslName() + " takes no arguments");
            assertFalse(kind.loweringPasses().isEmpty(), kind.dslName() + " has no lowering pass");
            for (LoweringPass p : kind.loweringPasses()) {
                assertTrue(passes.add(p.name()), "two lowering passes are named " + p.name());
            }
        }
        assertEquals(kindsOfExamples(), names, "every kind ships an example in dsl/examples, and only kinds do");
    }

    /** Each shipped example's top is owned by exactly one kind and accepted by exactly one of its passes. */
    @Test
    void everyExampleTopHasOneKindAndOneLowering() throws Exception {
        for (Design d : examples()) {
            ArraySpec top = d.top();
            List<UnitKind> owners = UnitKinds.ALL.stream().filter(k -> k.owns(top)).toList();
            assertEquals(1, owners.size(), d.sourcePath() + ": kinds owning the top " + owners);
            UnitKind kind = owners.get(0);
            assertEquals(kind, UnitKinds.of(top));
            assertEquals(kind, UnitKinds.named(kind.dslName()).orElseThrow());
            long accepting = UnitKinds.ALL.stream().flatMap(k -> k.loweringPasses().stream())
                    .filter(p -> p.accepts(top)).count();
            assertEquals(1, accepting, d.sourcePath() + ": lowering passes accepting the top");
            assertTrue(kind.loweringPasses().stream().anyMatch(p -> p.accepts(top)),
                    d.sourcePath() + ": the accepting pass belongs to another kind");
        }
    }

    private static Set<String> kindsOfExamples() {
        Set<String> out = new HashSet<>();
        for (Design d : examples()) {
            out.add(UnitKinds.of(d.top()).dslName());
        }
        return out;
    }

    private static List<Design> examples() {
        try (Stream<Path> files = Files.list(Path.of("dsl/examples"))) {
            return files.filter(f -> f.toString().endsWith(".bw")).sorted()
                    .map(f -> Frontend.load(f, f.toString(), Map.of(), null)).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
