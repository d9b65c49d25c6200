package bitweave.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.golden.GoldenModel;
import bitweave.golden.GoldenText;
import bitweave.golden.Problem;
import bitweave.golden.Stimulus;
import bitweave.golden.TestSupport;
import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.SourceId;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emitted Java golden model compiles on its own and prints what GoldenText prints. */
class GoldenJavaEmitterTest {
    private static final Path GOLDEN = Path.of("compiler/src/test/resources/golden/SystolicOsInt8Golden.java");

    @TempDir
    Path dir;

    private static Design design(String name, ArraySpec top) {
        Map<String, Long> params = new LinkedHashMap<>();
        params.put("ROWS", 4L);
        return new Design(name, "examples/" + name + ".bw", SourceId.ofText(name + ".bw", ""), params, new LinkedHashMap<>(), List.of(top.pe()),
                List.of(top), top);
    }

    private static List<ArraySpec> units() {
        PeSpec wrap = TestSupport.int8(TestSupport.type(32, true), OverflowPolicy.WRAP);
        PeSpec sat = TestSupport.pe(TestSupport.type(8, true), TestSupport.type(4, false), TestSupport.type(14, true),
                OverflowPolicy.SATURATE);
        PeSpec wide = TestSupport.pe(TestSupport.type(64, false), TestSupport.type(64, true),
                TestSupport.type(64, false), OverflowPolicy.WRAP);
        // int8 x int8 into int16 saturate: three rows already saturate a weight-stationary column, so the
        // order of the column sum is exercised.
        PeSpec sat16 = TestSupport.int8(TestSupport.type(16, true), OverflowPolicy.SATURATE);
        return List.of(TestSupport.tree(wrap, 4, false), TestSupport.tree(sat, 3, true),
                TestSupport.os(sat, 3, 2), TestSupport.os(wide, 2, 2),
                TestSupport.ws(sat, 3, 4), TestSupport.ws(sat16, 3, 2), TestSupport.ws(wrap, 2, 2),
                TestSupport.cube(sat16, 3, 4, 2), TestSupport.cube(wide, 2, 2, 1),
                TestSupport.matrix(sat16, 2, 3, 4), TestSupport.matrix(wide, 1, 2, 2));
    }

    /** Compiles the emitted file into its own directory and returns its evaluate(String[]) method. */
    private Method compile(GeneratedFile file, Path where) throws Exception {
        Files.createDirectories(where);
        Path source = Files.writeString(where.resolve(file.name()), file.content());
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = javac.run(null, null, err, "-Xlint:all", "-Werror", "-d", where.toString(), source.toString());
        assertEquals(0, rc, "emitted Java does not compile cleanly:\n" + err.toString(StandardCharsets.UTF_8));
        URLClassLoader loader = new URLClassLoader(new URL[] {where.toUri().toURL()}, null);
        Class<?> cls = loader.loadClass(file.name().replace(".java", ""));
        return cls.getMethod("evaluate", String[].class);
    }

    private static String invoke(Method evaluate, String... args) throws Throwable {
        try {
            return (String) evaluate.invoke(null, (Object) args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @Test
    void emittedModelAgreesWithGoldenTextOnRandomProblems() throws Throwable {
        long seed = TestSupport.seed();
        int n = 0;
        for (ArraySpec top : units()) {
            Design d = design("unit_" + n, top);
            GeneratedFile file = GoldenJavaEmitter.emit(d);
            assertEquals("Unit" + n + "Golden.java", file.name());
            Path where = dir.resolve("u" + n++);
            Method evaluate = compile(file, where);
            List<Problem> problems = Stimulus.problems(top, 40, seed);
            Map<String, String> texts = GoldenText.inputTexts(top, problems);
            List<String> args = new ArrayList<>();
            Map<String, Path> paths = new LinkedHashMap<>();
            for (Map.Entry<String, String> e : texts.entrySet()) {
                Path p = Files.writeString(where.resolve(e.getKey() + ".txt"), e.getValue());
                paths.put(e.getKey(), p);
                args.add("--in");
                args.add(e.getKey() + "=" + p);
            }
            String expected = GoldenText.format(top, GoldenModel.run(top, problems));
            assertEquals(expected, GoldenText.evaluate(top, paths), top + TestSupport.seedNote(seed));
            assertEquals(expected, invoke(evaluate, args.toArray(new String[0])), top + TestSupport.seedNote(seed));
        }
    }

    @Test
    void emittedModelReportsInputErrorsWithPositions() throws Throwable {
        ArraySpec top = units().get(0);
        Method evaluate = compile(GoldenJavaEmitter.emit(design("bad", top)), dir);
        Path a = Files.writeString(dir.resolve("a.txt"), "1 2 3 4\n1 2 3 zz\n");
        Path b = Files.writeString(dir.resolve("b.txt"), "1 2 3 4\n1 2 3 400\n");
        Throwable bad = assertThrows(Exception.class, () -> invoke(evaluate, "--in", "a=" + a, "--in", "b=" + b));
        assertEquals(a + ":2:7: error: 'zz' is not an integer (decimal or 0x hex, optionally signed)", bad.getMessage());
        Throwable range = assertThrows(Exception.class, () -> invoke(evaluate, "--in", "a=" + b, "--in", "b=" + b));
        assertTrue(range.getMessage().startsWith(b + ":2:7: error: 400 is out of range"), range.getMessage());
        Throwable missing = assertThrows(Exception.class, () -> invoke(evaluate, "--in", "a=" + a));
        assertTrue(missing.getMessage().contains("missing input 'b'"), missing.getMessage());
    }

    @Test
    void classNames() {
        assertEquals("SystolicOsInt8Golden", GoldenJavaEmitter.className("systolic_os_int8"));
        assertEquals("D8bitGolden", GoldenJavaEmitter.className("8bit"));
    }

    @Test
    void goldenFile() throws Exception {
        PeSpec pe = TestSupport.int8(TestSupport.type(32, true), OverflowPolicy.WRAP);
        Map<String, Long> overrides = new LinkedHashMap<>();
        overrides.put("ROWS", 4L);
        ArraySpec top = TestSupport.os(pe, 4, 8);
        Design d = new Design("systolic_os_int8", "examples/systolic_os_int8.bw",
                SourceId.ofText("systolic_os_int8.bw", ""), overrides, overrides, List.of(pe),
                List.of(top), top);
        GeneratedFile file = GoldenJavaEmitter.emit(d);
        assertEquals("SystolicOsInt8Golden.java", file.name());
        assertTrue(file.content().startsWith(Provenance.comment(d, "// ")));
        assertFalse(file.content().contains("\t"));
        assertFalse(file.content().lines().anyMatch(l -> l.endsWith(" ")), "no trailing spaces");
        if (Boolean.getBoolean("bitweave.regen")) {
            Files.createDirectories(GOLDEN.getParent());
            Files.writeString(GOLDEN, file.content());
        }
        assertTrue(Files.exists(GOLDEN), "missing " + GOLDEN + "; run with -Dbitweave.regen=true");
        assertEquals(Files.readString(GOLDEN), file.content(), "regenerate with -Dbitweave.regen=true and review");
        assertEquals(file, GoldenJavaEmitter.emit(d), "deterministic");
    }
}
