package bitweave.cli;

import bitweave.cosim.Cosim;
import bitweave.cosim.CosimRequest;
import bitweave.cosim.CosimResult;
import bitweave.cosim.MismatchDetail;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
import bitweave.golden.GoldenModel;
import bitweave.golden.Stimulus;
import bitweave.golden.VectorSet;
import bitweave.ir.Design;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code bitweave sim design.bw}: golden vectors, Verilator build of the RTL (generated, or the user's with
 * --rtl DIR), bit-exact comparison, one verdict line. Exit 0 on PASS, 1 on a mismatch.
 */
final class SimCommand implements Command {
    private static final int DEFAULT_VECTORS = 1000;

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public String summary() {
        return "co-simulate the RTL against the golden model with Verilator and print a verdict";
    }

    @Override
    public int run(String[] args, Console console) throws ParseException, UsageException {
        Options options = DesignOptions.common();
        options.addOption(Option.builder().longOpt("vectors").hasArg().argName("N")
                .desc("number of vectors (dot products, tiles or activation vectors; default " + DEFAULT_VECTORS + ")").get());
        options.addOption(Option.builder().longOpt("seed").hasArg().argName("S")
                .desc("seed for stimulus, handshake timing and reset randomization (default 1)").get());
        options.addOption(Option.builder().longOpt("rtl").hasArg().argName("DIR")
                .desc("co-simulate existing RTL in DIR (DIR/<top>.f if present, else every .v/.sv file)").get());
        options.addOption(Option.builder().longOpt("trace").hasArg().argName("FILE.vcd")
                .desc("write a VCD of the run (debug build); replaces only a trace Bitweave wrote").get());
        options.addOption(Option.builder().longOpt("stats")
                .desc("also print one 'stats:' line (build and run time, cache hit, vectors/s, cycles/s)").get());
        options.addOption(Option.builder().longOpt("allow-latency-change")
                .desc("accept RTL whose latency differs from the compile report (retimed on purpose); the PASS"
                        + " line then states the measured latency. Without it a difference is a FAIL").get());
        options.addOption(Option.builder().longOpt("cache-dir").hasArg().argName("DIR")
                .desc("Verilator build cache (default $BITWEAVE_CACHE, $XDG_CACHE_HOME/bitweave or ~/.cache/bitweave)").get());
        WrapOptions.add(options);
        CommandLine cl = DesignOptions.parse(options, args);
        if (DesignOptions.helpRequested(cl, options, this, "design.bw [--vectors N] [--seed S] [--rtl DIR] [--wrap axis] [options]", console)) {
            return Main.EXIT_OK;
        }
        int vectors = intOption(cl, "vectors", DEFAULT_VECTORS, 1, 10_000_000);
        long seed = intOption(cl, "seed", 1, 0, Integer.MAX_VALUE);
        Path rtlDir = cl.hasOption("rtl") ? PathArgument.of("--rtl", cl.getOptionValue("rtl")) : null;
        Path trace = cl.hasOption("trace") ? traceFile(cl.getOptionValue("trace")) : null;
        Path cacheDir = cl.hasOption("cache-dir") ? PathArgument.of("--cache-dir", cl.getOptionValue("cache-dir")) : null;
        java.util.Optional<Integer> axisWidth = WrapOptions.width(cl);
        Design design = DesignOptions.load(cl, console);
        Progress progress = new Progress(console);

        java.util.Optional<bitweave.wrap.AxisWrap> wrap = WrapOptions.of(design, axisWidth);
        CompileOutputs outputs = CompileOutputs.of(design, wrap);
        String top = outputs.rtl().topModule();
        Path scratch = null;
        try {
            List<Path> rtlFiles;
            if (cl.hasOption("rtl")) {
                rtlFiles = userRtl(rtlDir, top);
            } else {
                scratch = Files.createTempDirectory("bitweave-sim-");
                rtlFiles = new ArrayList<>();
                for (GeneratedFile f : outputs.rtl().verilogFiles()) {
                    rtlFiles.add(Files.writeString(scratch.resolve(f.name()), f.content()));
                }
            }
            progress.phase("golden model: " + bitweave.diag.Plural.count(vectors, "vector"));
            VectorSet unitSet = Stimulus.generate(design.top(), vectors, seed);
            // behind the wrapper the same beats travel as the channels' transfers
            VectorSet set = wrap.map(w -> bitweave.wrap.AxisVectors.serialize(unitSet, w)).orElse(unitSet);
            CosimRequest req = CosimRequest.of(design, top, rtlFiles, set, seed).withProgress(progress);
            if (trace != null) {
                req = req.withTrace(trace);
            }
            if (cacheDir != null) {
                req = req.withCacheDir(cacheDir);
            }
            progress.phase("verilator: building (cached per design and parameters)");
            boolean allowLatencyChange = cl.hasOption("allow-latency-change");
            CosimResult result = Cosim.run(req).withLatencyCheck(outputs.rtl().latencyCycles(), !allowLatencyChange);
            progress.done();
            console.out().println(result.verdictLine(verdictName(design, cl.hasOption("top"))
                    + wrap.map(w -> " (AXI4-Stream wrapper, " + w.tdataWidth() + "-bit tdata)").orElse("")));
            if (cl.hasOption("stats")) {
                console.out().println(stats(result) + " latency_measured=" + result.minLatency()
                        + " latency_reported=" + outputs.rtl().latencyCycles());
            }
            if (result.latencyMismatch()) {
                // The report's latency is a claim about the RTL that co-sim measures (dsl/INTERFACE.md).
                console.out().println(cl.hasOption("rtl")
                        ? "the RTL in " + cl.getOptionValue("rtl") + " does not have the reported latency; if it is"
                                + " retimed on purpose, add --allow-latency-change"
                        : "the generated RTL does not have the latency its report claims: a Bitweave bug; please report it");
            }
            if (!result.passed()) {
                result.mismatch().ifPresent(m -> {
                    console.out().println("first mismatch: vector " + m.vector() + ", output beat " + m.beat()
                            + ", cycle " + m.cycle() + ", port " + m.port()
                            + (m.extraBeat() ? " (an output beat nobody expected)" : ""));
                    int cols = GoldenModel.unit(design.top()).outputMatrixCols();
                    MismatchDetail.describe(m, set.iface(), cols).ifPresent(d -> console.out().println("  " + d));
                });
                result.trace().ifPresent(t -> console.out().println("waveform: " + t));
                console.out().println("reproduce: bitweave sim " + DesignOptions.designFileArgument(cl)
                        + DesignOptions.overrideArgs(cl)
                        + " --vectors " + vectors + " --seed " + seed
                        + (cl.hasOption("rtl") ? " --rtl " + cl.getOptionValue("rtl") : "")
                        + (wrap.isPresent() ? " --wrap axis --axis-width " + wrap.get().tdataWidth() : "")
                        + (allowLatencyChange ? " --allow-latency-change" : "")
                        + (cl.hasOption("trace") ? "" : " --trace fail.vcd"));
                return Main.EXIT_INPUT;
            }
            return Main.EXIT_OK;
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot prepare the co-simulation work folder: "
                    + bitweave.diag.IoReason.of(e));
        } finally {
            progress.done();
            bitweave.output.FileTrees.deleteQuietly(scratch);
        }
    }

    /**
     * The name in the verdict line: the design, plus {@code /array} when the file declares more than one
     * array or --top picked one, so a PASS says which array was checked.
     */
    static String verdictName(Design design, boolean topGiven) {
        return design.arrays().size() > 1 || topGiven ? design.name() + "/" + design.top().name() : design.name();
    }

    /** One key=value line for scripts (bench/ parses it). */
    private static String stats(CosimResult r) {
        double build = r.buildTime().toNanos() / 1e9;
        double run = Math.max(r.runTime().toNanos() / 1e9, 1e-9);
        return String.format(java.util.Locale.ROOT,
                "stats: build_s=%.2f cache=%s run_s=%.3f vectors=%d cycles=%d vectors_per_s=%.0f cycles_per_s=%.0f",
                build, r.cacheHit() ? "hit" : "miss", run, r.vectors(), r.cycles(), r.vectors() / run, r.cycles() / run);
    }

    private static int intOption(CommandLine cl, String name, int dflt, int min, int max) throws UsageException {
        if (!cl.hasOption(name)) {
            return dflt;
        }
        String v = cl.getOptionValue(name);
        java.math.BigInteger n = IntegerArgument.parse(v).orElseThrow(() -> new UsageException(
                "--" + name + " " + PathArgument.shown(v) + ": not an integer (" + IntegerArgument.syntaxHint() + ")"));
        if (n.compareTo(java.math.BigInteger.valueOf(min)) < 0 || n.compareTo(java.math.BigInteger.valueOf(max)) > 0) {
            throw new UsageException("--" + name + " " + v + ": must be in " + min + ".." + max);
        }
        return n.intValueExact();
    }

    /** --trace names a file: a spelling that can only be a directory ("dir/", ".") is a usage error. */
    private static Path traceFile(String value) throws UsageException {
        if (PathArgument.spelledAsDirectory(value)) {
            throw new UsageException("--trace " + value + ": names a directory; give a file, e.g. --trace "
                    + (value.endsWith("/") ? value : value + "/") + "run.vcd");
        }
        return PathArgument.of("--trace", value);
    }

    /** The RTL a user supplies: the file list DIR/<top>.f when present, else every Verilog file in DIR. */
    private static List<Path> userRtl(Path dir, String top) {
        if (!Files.isDirectory(dir)) {
            throw new UserError(ErrorCode.SOURCE_NOT_FOUND, "--rtl " + dir
                    + (Files.exists(dir) ? ": not a directory" : ": no such directory"));
        }
        Path fileList = dir.resolve(top + ".f");
        List<Path> files = new ArrayList<>();
        if (Files.isRegularFile(fileList)) {
            List<String> lines;
            try {
                lines = Files.readAllLines(fileList);
            } catch (IOException e) {
                throw new UserError(ErrorCode.SOURCE_UNREADABLE, "--rtl: cannot read the file list " + fileList
                        + ": " + bitweave.diag.IoReason.of(e, fileList));
            }
            for (String line : lines) {
                String entry = line.strip();
                if (entry.isEmpty() || entry.startsWith("//") || entry.startsWith("#")) {
                    continue;
                }
                if (entry.startsWith("-") || entry.startsWith("+")) {
                    throw new UserError(ErrorCode.SOURCE_UNREADABLE, fileList + ": '" + entry + "': options are not"
                            + " supported in a --rtl file list; list the Verilog files, one per line");
                }
                Path p = dir.resolve(entry);
                if (!Files.isRegularFile(p)) {
                    throw new UserError(ErrorCode.SOURCE_NOT_FOUND, fileList + ": lists " + entry + ", which does not exist");
                }
                files.add(p);
            }
        } else {
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(p -> p.toString().endsWith(".v") || p.toString().endsWith(".sv")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UserError(ErrorCode.SOURCE_UNREADABLE, "--rtl " + dir + ": cannot list the directory: "
                        + bitweave.diag.IoReason.of(e, dir));
            }
        }
        if (files.isEmpty()) {
            throw new UserError(ErrorCode.SOURCE_NOT_FOUND, "--rtl " + dir + ": no Verilog files (.v/.sv) found");
        }
        return files;
    }
}
