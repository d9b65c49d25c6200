package bitweave.emit;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathSimulator;
import bitweave.datapath.DatapathText;
import bitweave.datapath.Value;
import bitweave.testsupport.ExternalTool;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Co-simulates many datapath graphs at once: each is printed as its own module, a wrapper
 * {@code dp_cosim_top} instantiates them all (ports renamed {@code g<i>_<port>}), one Verilator build
 * runs a generated C++ testbench over a vector file, and every output of every cycle is compared with
 * {@link DatapathSimulator}. The testbench only drives and prints; the comparison is here.
 */
final class DatapathCosim {
    /** One graph to check; {@code inputs.apply(cycle, port)} is the value driven on that cycle. */
    record Case(String module, Datapath graph, BiFunction<Integer, Value, BigInteger> inputs) {
    }

    static final String TOP = "dp_cosim_top";

    private DatapathCosim() {
    }

    /** Writes all files into {@code dir} and runs {@code verilator --lint-only -Wall}; returns its output. */
    static String writeAndLint(Path dir, List<Case> cases) throws IOException, InterruptedException {
        List<String> files = new ArrayList<>();
        for (Case c : cases) {
            Files.writeString(dir.resolve(c.module() + ".v"), DatapathVerilog.module(c.module(), c.graph()),
                    StandardCharsets.UTF_8);
            files.add(c.module() + ".v");
        }
        Files.writeString(dir.resolve(TOP + ".v"), wrapper(cases, List.of()), StandardCharsets.UTF_8);
        files.add(TOP + ".v");
        Files.writeString(dir.resolve("main.cpp"), testbench(cases), StandardCharsets.UTF_8);
        List<String> lint = new ArrayList<>(List.of("verilator", "--lint-only", "-Wall", "--top-module", TOP));
        lint.addAll(files);
        return ExternalTool.run(dir, Map.of(), lint).output();
    }

    /**
     * Builds and runs the model for {@code cycles} cycles ({@code rst[t]} drives rst) and returns the
     * first mismatches (at most one per case, each with the graph's text), empty when all agree.
     */
    static List<String> run(Path dir, List<Case> cases, boolean[] rst, long seed) throws IOException, InterruptedException {
        // The simulator starts each register at its reset value (zero without one); the built model starts
        // there too: --x-initial 0, plus an initial block in the wrapper setting the registers with a reset.
        Files.writeString(dir.resolve(TOP + ".v"), wrapper(cases, initialState(dir, cases)), StandardCharsets.UTF_8);
        List<String> build = new ArrayList<>(List.of("verilator", "--cc", "--exe", "--build", "-j", "2", "--no-timing",
                "--x-assign", "0", "--x-initial", "0",
                // Verilator 5.006's DFG optimizer miscompiles some XOR/multiply cones (seed 4, 70 graphs: an
                // output of 1 where Icarus and the IR give 0; -fno-dfg, -fno-gate or -O0 each fix it)
                "-fno-dfg", "-Wno-lint", "-Wno-style", "--top-module", TOP,
                "-MAKEFLAGS", "OPT_FAST=-O1 OPT_GLOBAL=-O1", "--Mdir", "obj_dir", "-o", "dp_cosim"));
        if (onPath("ccache")) {
            build.add("-MAKEFLAGS");
            build.add("OBJCACHE=ccache");
        }
        for (Case c : cases) {
            build.add(c.module() + ".v");
        }
        build.add(TOP + ".v");
        build.add("main.cpp");
        ExternalTool.ok(dir, Map.of(), build);

        int cycles = rst.length;
        StringBuilder vectors = new StringBuilder().append(cycles).append('\n');
        for (int t = 0; t < cycles; t++) {
            vectors.append(rst[t] ? '1' : '0');
            for (Case c : cases) {
                for (Value in : c.graph().inputs()) {
                    vectors.append(' ').append(c.inputs().apply(t, in).toString(16));
                }
            }
            vectors.append('\n');
        }
        Files.writeString(dir.resolve("vectors.txt"), vectors.toString(), StandardCharsets.UTF_8);
        String out = ExternalTool.ok(dir, Map.of(), List.of(dir.resolve("obj_dir/dp_cosim").toString(), "vectors.txt"));
        String[] lines = out.split("\n");
        if (lines.length < cycles) {
            throw new AssertionError("testbench printed " + lines.length + " lines for " + cycles + " cycles:\n" + out);
        }

        List<String> mismatches = new ArrayList<>();
        List<DatapathSimulator> sims = cases.stream().map(c -> new DatapathSimulator(c.graph())).toList();
        boolean[] failed = new boolean[cases.size()];
        for (int t = 0; t < cycles; t++) {
            String[] got = lines[t].trim().split(" ");
            int k = 0;
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                Map<String, BigInteger> in = new java.util.HashMap<>();
                for (Value v : c.graph().inputs()) {
                    in.put(v.name(), c.inputs().apply(t, v));
                }
                Map<String, BigInteger> expected = sims.get(i).step(in, rst[t]);
                for (Value o : c.graph().outputs()) {
                    BigInteger actual = new BigInteger(got[k++], 16);
                    if (!failed[i] && !actual.equals(expected.get(o.name()))) {
                        failed[i] = true;
                        mismatches.add("[seed " + seed + "; rerun with -Dbitweave.seed=" + seed + "] " + c.module()
                                + " cycle " + t + " (rst=" + rst[t] + ", inputs " + hex(in) + ") port " + o.name()
                                + ": expected 0x" + expected.get(o.name()).toString(16) + ", Verilog gave 0x"
                                + actual.toString(16) + "\n" + DatapathText.print(c.graph()));
                    }
                }
            }
        }
        return mismatches;
    }

    private static String hex(Map<String, BigInteger> values) {
        StringBuilder sb = new StringBuilder();
        new java.util.TreeMap<>(values).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k)
                .append("=0x").append(v.toString(16)));
        return sb.toString();
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }

    private static String port(int i, Value v) {
        return "g" + i + "_" + v.name();
    }

    /**
     * {@code u_gI.REG = RESET;} for every register with a reset, read back from the printed modules: a
     * reset branch is the only place where a literal is assigned with {@code <=}.
     */
    private static List<String> initialState(Path dir, List<Case> cases) throws IOException {
        java.util.regex.Pattern reset = java.util.regex.Pattern.compile("^\\s+(\\w+) <= (\\d+'h[0-9a-f]+);$",
                java.util.regex.Pattern.MULTILINE);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            java.util.regex.Matcher m = reset.matcher(Files.readString(dir.resolve(cases.get(i).module() + ".v")));
            while (m.find()) {
                lines.add("u_g" + i + "." + m.group(1) + " = " + m.group(2) + ";");
            }
        }
        return lines;
    }

    private static String wrapper(List<Case> cases, List<String> initial) {
        boolean clocked = cases.stream().anyMatch(c -> c.graph().clocked());
        List<String> ports = new ArrayList<>();
        if (clocked) {
            ports.add("input  wire clk");
            ports.add("input  wire rst");
        }
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            List<String> pins = new ArrayList<>();
            if (c.graph().clocked()) {
                pins.add(".clk(clk)");
                pins.add(".rst(rst)");
            }
            for (Value v : c.graph().inputs()) {
                ports.add("input  wire " + VerilogBits.declRange(v.width()) + port(i, v));
                pins.add("." + v.name() + "(" + port(i, v) + ")");
            }
            for (Value v : c.graph().outputs()) {
                ports.add("output wire " + VerilogBits.declRange(v.width()) + port(i, v));
                pins.add("." + v.name() + "(" + port(i, v) + ")");
            }
            body.append("  ").append(c.module()).append(" u_g").append(i).append(" (")
                    .append(String.join(", ", pins)).append(");\n");
        }
        if (!initial.isEmpty()) {
            body.append("  initial begin\n    ").append(String.join("\n    ", initial)).append("\n  end\n");
        }
        return "`default_nettype none\n\nmodule " + TOP + " (\n  " + String.join(",\n  ", ports) + "\n);\n"
                + body + "endmodule\n\n`default_nettype wire\n";
    }

    private static int words(int width) {
        return (width + 31) / 32;
    }

    private static String testbench(List<Case> cases) {
        boolean clocked = cases.stream().anyMatch(c -> c.graph().clocked());
        StringBuilder set = new StringBuilder();
        StringBuilder print = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            for (Value v : cases.get(i).graph().inputs()) {
                String p = "top->" + port(i, v);
                set.append("        in >> tok; ").append(v.width() <= 64 ? p + " = std::stoull(tok, nullptr, 16);"
                        : "set_wide(" + p + ".data(), " + words(v.width()) + ", tok);").append('\n');
            }
            for (Value v : cases.get(i).graph().outputs()) {
                String p = "top->" + port(i, v);
                print.append("        ").append(v.width() <= 64 ? "std::printf(\"%llx \", (unsigned long long) " + p + ");"
                        : "print_wide(" + p + ".data(), " + words(v.width()) + ");").append('\n');
            }
        }
        return """
            // Generated by DatapathCosim: drives the vectors of argv[1], prints every output of every cycle.
            #include "V%1$s.h"
            #include "verilated.h"
            #include <cstdio>
            #include <fstream>
            #include <memory>
            #include <string>

            static void set_wide(WData* w, int words, const std::string& hex) {
                for (int i = 0; i < words; ++i) w[i] = 0;
                int bit = 0;
                for (int i = static_cast<int>(hex.size()) - 1; i >= 0; --i, bit += 4) {
                    char c = hex[i];
                    WData v = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
                    w[bit / 32] |= v << (bit %% 32);
                }
            }

            static void print_wide(const WData* w, int words) {
                for (int i = words - 1; i >= 0; --i) std::printf("%%08x", w[i]);
                std::printf(" ");
            }

            int main(int argc, char** argv) {
                auto ctx = std::make_unique<VerilatedContext>();
                ctx->commandArgs(argc, argv);
                auto top = std::make_unique<V%1$s>(ctx.get());
                std::ifstream in(argv[1]);
                int cycles = 0;
                in >> cycles;
                std::string tok;
                for (int t = 0; t < cycles; ++t) {
                    in >> tok;
                    %2$s
            %3$s        %4$s
                    top->eval();
            %5$s        std::printf("\\n");
                    %6$s
                }
                top->final();
                return 0;
            }
            """.formatted(TOP, clocked ? "top->rst = tok == \"1\";" : "(void) tok;", set,
                clocked ? "top->clk = 0;" : "", print, clocked ? "top->clk = 1; top->eval();" : "");
    }
}
