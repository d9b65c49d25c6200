package bitweave.cli;

import bitweave.testsupport.ExternalTool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.check.Frontend;
import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
import bitweave.ir.Design;
import bitweave.ir.GeneratedNames;
import bitweave.ir.VerilogKeywords;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Property test over design names: every name must either be rejected by {@code check} at the name's
 * position with a code (a word of the DSL: E0101; a SystemVerilog keyword: E0212; too long: E0213), or
 * compile to Verilog that
 * {@code verilator --lint-only -Wall} accepts without a word, with every generated name within the
 * tools' limits. The names are the ones most likely to collide with something the output already
 * contains: every identifier of every shipped example's generated Verilog, glue and golden Java and of
 * the C++ harness, keywords of SystemVerilog, C++ and Java, Verilator-looking names, double and leading
 * underscores, case variants and lengths around the limit.
 *
 * <p>CI runs a seeded sample of about a minute ({@value #DEFAULT_SAMPLE} names; the seed is printed and
 * can be set with {@code -Dbitweave.names.seed=N}); {@code -Dbitweave.names.all=true} runs every name.
 * Glue and golden-model collisions only show in a C++ or Java build, so a small sample also runs
 * {@code bitweave sim --vectors 20} (a real Verilator build of the harness) and compiles the golden Java.
 */
class NameSweepTest {
    private static final int DEFAULT_SAMPLE = 150;
    private static final int SIM_SAMPLE = 2;
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** The example each name is tried with, shrunk so lint stays fast (same kinds as dsl/examples). */
    private record Example(String file, Map<String, Long> overrides) {
    }

    private static final List<Example> EXAMPLES = List.of(
            new Example("dsl/examples/systolic_os_int8.bw", Map.of("ROWS", 2L, "COLS", 3L)),
            new Example("dsl/examples/systolic_ws_int8.bw", Map.of("N", 2L)),
            new Example("dsl/examples/dot16_int8.bw", Map.of("K", 4L)),
            new Example("dsl/examples/dot8_mixed.bw", Map.of()));

    private static final List<String> CPP_KEYWORDS = List.of("alignas", "alignof", "and", "and_eq", "asm", "auto",
            "bitand", "bitor", "bool", "break", "case", "catch", "char", "char8_t", "char16_t", "char32_t", "class",
            "compl", "concept", "const", "consteval", "constexpr", "constinit", "const_cast", "continue", "co_await",
            "co_return", "co_yield", "decltype", "default", "delete", "do", "double", "dynamic_cast", "else", "enum",
            "explicit", "export", "extern", "false", "float", "for", "friend", "goto", "if", "inline", "int", "long",
            "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq",
            "private", "protected", "public", "register", "reinterpret_cast", "requires", "return", "short",
            "signed", "sizeof", "static", "static_assert", "static_cast", "struct", "switch", "template", "this",
            "thread_local", "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
            "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq", "main", "std", "NULL", "uint32_t",
            "uint64_t", "size_t");
    private static final List<String> JAVA_KEYWORDS = List.of("abstract", "assert", "boolean", "break", "byte",
            "case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum",
            "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "var", "record", "yield", "sealed", "permits", "String", "Object", "System",
            "Math", "Integer", "Golden", "BigInteger", "List", "Map", "Path", "Files", "InputError", "java", "lang");
    private static final List<String> VERILATOR_LOOKING = List.of("TOP", "Top", "top", "tOP", "__Vtop", "__Vx",
            "__024root", "_024root", "___024root", "Syms", "__Syms", "vlSelf", "vlSymsp", "vlTOPp", "Verilated",
            "erilated", "erilatedContext", "erilatedVcdC", "erilatedModel", "lWide", "lUnpacked", "L_EXPORT",
            "L_INLINE_OPT", "VL_EXPORT", "VlWide", "V3Ast", "verilated", "Vtop", "Vsystolic_os_int8", "root",
            "ConstPool", "__ConstPool", "DepSet", "x__y", "a__", "__", "_", "___", "_1", "__1", "_clk", "clk_",
            "std__", "main__", "u", "g", "m_0", "bw", "bw_glue", "BW_GLUE_X_H", "kTopModule", "Model");

    /** Every candidate name, sorted (deterministic), before sampling. */
    static List<String> candidates() throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("rtl-out"))) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String n = f.getFileName().toString();
                if (n.endsWith(".v") || n.endsWith(".h") || n.endsWith(".java")) {
                    identifiers(Files.readString(f), names);
                }
            }
        }
        try (Stream<Path> files = Files.list(Path.of("testbenches"))) {
            for (Path f : files.sorted().toList()) {
                identifiers(Files.readString(f), names);
            }
        }
        names.addAll(CPP_KEYWORDS);
        names.addAll(JAVA_KEYWORDS);
        names.addAll(VERILATOR_LOOKING);
        for (String keyword : List.of("module", "wire", "logic", "always_ff", "endmodule", "input", "genvar", "int")) {
            names.add(keyword); // a few SystemVerilog keywords; the checker must reject them (E0212)
        }
        Set<String> variants = new TreeSet<>();
        for (String n : names) {
            variants.add(n.toUpperCase(Locale.ROOT));
            variants.add(n.toLowerCase(Locale.ROOT));
            variants.add("_" + n);
            variants.add(n + "__");
        }
        names.addAll(variants);
        int limit = GeneratedNames.MAX_UNIT_NAME;
        for (int length : new int[] {limit - 8, limit - 1, limit, limit + 1, 121, 122, 124, 127, 128, 200, 244, 300}) {
            names.add(longName(length, "d"));
            names.add(longName(length, "g_chain_"));
        }
        names.removeIf(n -> !IDENTIFIER.matcher(n).matches());
        return new ArrayList<>(names);
    }

    private static String longName(int length, String start) {
        StringBuilder sb = new StringBuilder(start);
        while (sb.length() < length) {
            sb.append((char) ('a' + sb.length() % 26));
        }
        return sb.substring(0, length);
    }

    /** Identifiers of generated text, comments removed (their words are prose, not names). */
    private static void identifiers(String text, Set<String> out) {
        String code = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
        Matcher m = IDENTIFIER.matcher(code);
        while (m.find()) {
            boolean literalTail = m.start() > 0 && Character.isLetterOrDigit(code.charAt(m.start() - 1))
                    || m.start() > 0 && code.charAt(m.start() - 1) == '\'';
            if (!literalTail) {
                out.add(m.group());
            }
        }
    }

    private static long seed() {
        String given = System.getProperty("bitweave.names.seed");
        return given != null ? Long.parseLong(given) : 20240605L;
    }

    private static List<String> sample(List<String> all, int n, long seed) {
        List<String> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled.subList(0, Math.min(n, shuffled.size()));
    }

    private static Example exampleFor(String name) {
        return EXAMPLES.get(Math.floorMod(name.hashCode(), EXAMPLES.size()));
    }

    private static String source(Example ex, String name) throws IOException {
        String text = Files.readString(Path.of(ex.file()));
        return text.replaceFirst("(?m)^design \\w+", "design " + name);
    }

    /**
     * For half of the names with an inner '_': the same unit name made of a design and an array name, in
     * a design with a second array, so module names are {@code <design>_<array>} (e.g. design
     * {@code out}, array {@code valid}: top module {@code out_valid}). Null when the name is not split.
     */
    private static String[] split(String name) {
        int cut = name.indexOf('_', 1);
        if (cut < 0 || cut == name.length() - 1 || (name.hashCode() & 1) == 0) {
            return null;
        }
        String design = name.substring(0, cut);
        String array = name.substring(cut + 1);
        boolean plain = IDENTIFIER.matcher(array).matches() && !DSL_KEYWORDS.contains(design)
                && !DSL_KEYWORDS.contains(array) && !VerilogKeywords.contains(design) && !array.equals("spare");
        return plain ? new String[] {design, array} : null;
    }

    private static String twoArraySource(Example ex, String design, String array) throws IOException {
        String text = source(ex, design).replaceFirst("(?m)^array top =", "array " + array + " =");
        Matcher pe = Pattern.compile("(?m)^array \\w+ = .* of (\\w+)").matcher(text);
        assertTrue(pe.find(), ex.file());
        return text + "\narray spare = adder_tree(2) of " + pe.group(1) + "\n";
    }

    @Test
    void everyNameIsRejectedAtItsPositionOrLintsClean(@TempDir Path tmp) throws Exception {
        long seed = seed();
        List<String> all = candidates();
        List<String> names = Boolean.getBoolean("bitweave.names.all") ? all : sample(all, DEFAULT_SAMPLE, seed);
        List<String> failures = new ArrayList<>();
        int rejected = 0;
        for (String name : names) {
            String problem;
            try {
                problem = tryName(name, tmp.resolve("n" + failures.size() + "_" + Math.abs(name.hashCode())));
            } catch (Rejected r) {
                rejected++;
                problem = r.problem;
            }
            if (problem != null) {
                failures.add(name + ": " + problem);
            }
        }
        System.out.println("name sweep: seed " + seed + ", " + names.size() + " of " + all.size() + " names, "
                + rejected + " rejected by check, " + failures.size() + " failed");
        assertTrue(failures.isEmpty(), failures.size() + " of " + names.size() + " names failed (seed " + seed
                + ", rerun with -Dbitweave.names.seed=" + seed + "):\n  " + String.join("\n  ", failures));
    }

    /** A name the checker rejected; {@code problem} is null when it was rejected the right way. */
    private static final class Rejected extends Exception {
        final String problem;

        Rejected(String problem) {
            super(problem, null, false, false);
            this.problem = problem;
        }
    }

    /** Null when the name is fine, else what went wrong. */
    private static String tryName(String name, Path dir) throws Exception {
        Example ex = exampleFor(name);
        String display = "names/" + (name.length() > 40 ? "long" : name) + ".bw";
        String[] parts = split(name);
        Design design;
        try {
            design = parts == null ? Frontend.loadText(source(ex, name), display, ex.overrides(), null)
                    : Frontend.loadText(twoArraySource(ex, parts[0], parts[1]), display, ex.overrides(), parts[1]);
        } catch (UserError e) {
            if (parts != null && name.length() <= GeneratedNames.MAX_UNIT_NAME) {
                return "check rejected design '" + parts[0] + "' with array '" + parts[1] + "': " + e.diagnostics();
            }
            throw new Rejected(parts == null ? rejectionProblem(name, e) : twoArrayRejectionProblem(name, e));
        }
        if (!design.unitName().equals(name)) {
            return "unit name is " + design.unitName();
        }
        if (DSL_KEYWORDS.contains(name) || VerilogKeywords.contains(name) || name.length() > GeneratedNames.MAX_UNIT_NAME) {
            return "check accepted it, but it is a keyword or longer than " + GeneratedNames.MAX_UNIT_NAME;
        }
        CompileOutputs out;
        try {
            out = CompileOutputs.of(design);
        } catch (RuntimeException e) {
            return "compile threw " + e;
        }
        Files.createDirectories(dir);
        List<String> verilog = new ArrayList<>();
        for (GeneratedFile f : out.all()) {
            if (f.name().getBytes(StandardCharsets.UTF_8).length > 255) {
                return "file name longer than 255 bytes: " + f.name().length() + " characters";
            }
            Files.writeString(dir.resolve(f.name()), f.content(), StandardCharsets.UTF_8);
            if (f.name().endsWith(".v")) {
                verilog.add(f.name());
            }
        }
        List<String> lint = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module",
                out.rtl().topModule()));
        lint.addAll(verilog);
        ExternalTool.Result t = ExternalTool.run(dir, Map.of(), lint);
        if (t.exit() != 0 || !t.output().isBlank()) {
            return "verilator --lint-only -Wall (exit " + t.exit() + "): " + firstLines(t.output(), 3);
        }
        return null;
    }

    /** Words of the DSL grammar ('design', 'in', 'of', ...): the parser rejects them as names (E0101). */
    private static final Set<String> DSL_KEYWORDS = dslKeywords();

    private static Set<String> dslKeywords() {
        try {
            Set<String> words = new TreeSet<>();
            Matcher m = Pattern.compile("'([A-Za-z_][A-Za-z0-9_]*)'").matcher(Files.readString(Path.of("dsl/Bitweave.g4")));
            while (m.find()) {
                words.add(m.group(1));
            }
            return words;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * A rejection is right only for words of the DSL (a syntax error), SystemVerilog keywords and
     * over-long names, at the design name, with their code.
     */
    private static String rejectionProblem(String name, UserError e) {
        List<Diagnostic> d = e.diagnostics();
        ErrorCode want = DSL_KEYWORDS.contains(name) ? ErrorCode.SYNTAX
                : VerilogKeywords.contains(name) ? ErrorCode.RESERVED_NAME
                : name.length() > GeneratedNames.MAX_UNIT_NAME ? ErrorCode.NAME_TOO_LONG : null;
        if (want == null) {
            return "check rejected a usable name: " + d;
        }
        if (d.size() != 1 || d.get(0).code() != want || d.get(0).loc() == null
                || d.get(0).loc().line() != lineOfDesign(name) || d.get(0).loc().col() != "design ".length() + 1) {
            return "expected one " + want.code() + " at the design name, got " + d;
        }
        return null;
    }

    /** An over-long unit name of two arrays must be reported at the array's name (E0213). */
    private static String twoArrayRejectionProblem(String name, UserError e) {
        List<Diagnostic> d = e.diagnostics();
        if (d.size() != 1 || d.get(0).code() != ErrorCode.NAME_TOO_LONG || d.get(0).loc() == null
                || d.get(0).loc().col() != "array ".length() + 1) {
            return "expected one E0213 at the array name, got " + d;
        }
        return null;
    }

    private static int lineOfDesign(String name) {
        try {
            List<String> lines = source(exampleFor(name), name).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).startsWith("design ")) {
                    return i + 1;
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return -1;
    }

    /**
     * The glue header and the golden model only meet C++ and Java compilers in a real build: a few names
     * that could clash there go through {@code bitweave sim --vectors 20} (Verilator + harness + glue) and
     * javac (golden model). Always the longest name allowed, a name that once made the model class one
     * of Verilator's own and a renamed one, plus a seeded draw from the others.
     */
    @Test
    void sampleSimulatesAndGoldenCompiles(@TempDir Path tmp) throws Exception {
        long seed = seed();
        List<String> pool = new ArrayList<>();
        pool.addAll(CPP_KEYWORDS);
        pool.addAll(JAVA_KEYWORDS);
        pool.addAll(VERILATOR_LOOKING);
        pool.removeIf(n -> DSL_KEYWORDS.contains(n) || VerilogKeywords.contains(n) || !IDENTIFIER.matcher(n).matches());
        List<String> names = new ArrayList<>(sample(new ArrayList<>(new TreeSet<>(pool)), SIM_SAMPLE, seed));
        names.add(longName(GeneratedNames.MAX_UNIT_NAME, "g_chain_"));
        names.add("erilated"); // Verilator's default class V<top> would be its own class Verilated
        names.add("clk");      // renamed by legalize-names (top module clk_mod): glue and sim follow
        System.out.println("name sweep, co-simulated: " + names);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        for (String name : names) {
            Example ex = exampleFor(name);
            Path dir = tmp.resolve("s" + names.indexOf(name));
            Files.createDirectories(dir);
            Path src = dir.resolve("design.bw");
            Files.writeString(src, source(ex, name), StandardCharsets.UTF_8);
            List<String> args = new ArrayList<>(List.of("sim", src.toString(), "--vectors", "20", "--seed", "1",
                    "--cache-dir", ExamplesCosimTest.CACHE));
            ex.overrides().forEach((k, v) -> {
                args.add("-P");
                args.add(k + "=" + v);
            });
            CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, r.exit(), "sim of design '" + name + "' (seed " + seed + "): " + r);
            assertTrue(r.out().startsWith("PASS "), r.toString());

            Design design = Frontend.loadText(source(ex, name), "names/x.bw", ex.overrides(), null);
            for (GeneratedFile f : CompileOutputs.of(design).all()) {
                if (f.name().endsWith(".java")) {
                    Path java = dir.resolve(f.name());
                    Files.writeString(java, f.content(), StandardCharsets.UTF_8);
                    java.io.ByteArrayOutputStream errors = new java.io.ByteArrayOutputStream();
                    int status = javac.run(null, null, errors, "-d", dir.resolve("classes").toString(), java.toString());
                    assertEquals(0, status, "golden model of '" + name + "' does not compile: " + errors);
                }
            }
        }
    }

    private static String firstLines(String text, int n) {
        List<String> lines = text.lines().filter(l -> l.startsWith("%")).limit(n).toList();
        return String.join(" | ", lines.isEmpty() ? text.lines().limit(n).toList() : lines);
    }
}
