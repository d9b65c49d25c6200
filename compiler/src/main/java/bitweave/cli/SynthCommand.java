package bitweave.cli;

import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.UserError;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
import bitweave.emit.Provenance;
import bitweave.estimate.Estimate;
import bitweave.estimate.EstimateJson;
import bitweave.ir.Design;
import bitweave.output.FileTrees;
import bitweave.output.OutputWriter;
import bitweave.synth.Pnr;
import bitweave.synth.SynthFigures;
import bitweave.synth.SynthJson;
import bitweave.synth.SynthTarget;
import bitweave.synth.Synthesis;
import bitweave.synth.Yosys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code bitweave synth design.bw --target generic [-o OUT]}: compiles, runs the target's Yosys flow and
 * prints NAND, NOR, NOT, DFF, gate equivalents and logic depth. With -o the compile output, the Yosys
 * script and {@code synth-<target>.json} are written to OUT; without it everything lives in a scratch
 * folder that is removed afterwards (kept, and named, when Yosys fails). {@code --target ice40 --pnr} also places
 * and routes the top with nextpnr-ice40 ({@link SynthPnr}).
 */
final class SynthCommand implements Command {
    @Override
    public String name() {
        return "synth";
    }

    @Override
    public String summary() {
        return "synthesize the RTL with Yosys; print NAND/NOR/NOT/DFF counts, gate equivalents and logic depth"
                + " (or FPGA resources; --pnr: iCE40 place-and-route, Fmax and a bitstream)";
    }

    @Override
    public int run(String[] args, Console console) throws ParseException, UsageException {
        Options options = DesignOptions.common();
        options.addOption(Option.builder().longOpt("target").hasArg().argName("T")
                .desc("synthesis flow: " + String.join(", ", SynthTarget.spellings()) + " (default generic: gates and"
                        + " depth; ice40, xilinx: the family's resources with and without DSPs)").get());
        options.addOption(Option.builder("o").longOpt("out").hasArg().argName("DIR")
                .desc("also write the compile output, the Yosys script and synth-<target>.json to DIR").get());
        options.addOption(Option.builder().longOpt("fast").desc("map with a short ABC script (strash; ifraig; map) for"
                + " large designs the full script takes too long on; somewhat more gates, so compare figures of one"
                + " script only (the table's first line and the JSON's flow say which)").get());
        SynthPnr.addOptions(options);
        WrapOptions.add(options);
        CommandLine cl = DesignOptions.parse(options, args);
        if (DesignOptions.helpRequested(cl, options, this, "design.bw [--target generic|ice40|xilinx] [--fast] [-o OUT]"
                + " [--pnr [--device D] [--package P] [--freq MHZ] [--pcf FILE] [--bitstream]] [--wrap axis] [options]", console)) {
            return Main.EXIT_OK;
        }
        SynthTarget target = target(cl);
        Path out = null;
        if (cl.hasOption("out")) {
            if (cl.getOptionValue("out").equals("-")) {
                throw new UsageException("-o -: synth writes several files; give an output directory, e.g. -o out");
            }
            out = PathArgument.of("-o", cl.getOptionValue("out"));
        }
        if (target.fpga() && cl.hasOption("fast")) {
            throw new UsageException("--fast chooses the ABC script of --target generic; the " + target.spelling()
                    + " flows use Yosys' own FPGA scripts");
        }
        Optional<SynthPnr.Settings> pnr = SynthPnr.parse(cl, target, out);
        Optional<Integer> axisWidth = WrapOptions.width(cl);
        Design design = DesignOptions.load(cl, console);
        Optional<bitweave.wrap.AxisWrap> wrap = WrapOptions.of(design, axisWidth);
        if (pnr.isPresent() && wrap.isEmpty()) {
            wrap = SynthPnr.wrapToFit(pnr.get(), bitweave.ir.TopInterface.of(design.top()), console.out());
        }
        Yosys yosys = Yosys.locate(System.getenv());
        Progress progress = new Progress(console);
        CompileOutputs outputs = CompileOutputs.of(design, wrap);
        Path scratch = null;
        boolean keepScratch = false;
        try {
            scratch = Files.createTempDirectory("bitweave-synth-");
            for (GeneratedFile f : outputs.all()) {
                Files.writeString(scratch.resolve(f.name()), f.content());
            }
            String version = yosys.version();
            List<GeneratedFile> reports = new ArrayList<>();
            Optional<Pnr.Result> bitstream = Optional.empty();   // with --bitstream
            try {
                if (target.fpga()) {
                    if (pnr.isPresent()) {
                        SynthPnr.checkPins(pnr.get(), yosys, scratch, outputs.rtl().topModule());
                    }
                    Synthesis.FpgaResult result = Synthesis.runFpga(yosys, target, outputs.rtl(), scratch, progress);
                    progress.done();
                    printFpga(console.out(), design, result, version);
                    Estimate estimate = SynthEstimate.besideFpga(console.out(), design, wrap, result);
                    Optional<Pnr.Result> placed = Optional.empty();
                    if (pnr.isPresent()) {
                        placed = Optional.of(SynthPnr.run(pnr.get(), yosys, scratch, outputs.rtl().topModule(),
                                Provenance.lines(design), progress));
                        progress.done();
                        SynthPnr.print(console.out(), placed.get());
                        reports.addAll(SynthPnr.outputs(placed.get(), scratch, Provenance.lines(design)));
                        if (placed.get().bitstream().isPresent()) {
                            bitstream = placed;
                        }
                    }
                    for (SynthTarget.FpgaFlow f : target.fpgaFlows(result.top())) {
                        String ys = "synth-" + target.spelling() + "-" + f.name() + ".ys";
                        reports.add(new GeneratedFile(ys, Files.readString(scratch.resolve(ys))));
                    }
                    reports.add(EstimateJson.addTo(SynthJson.ofFpga(Provenance.lines(design), design.name(),
                            design.overrides(), outputs.rtl().parameters(), version, result, placed), estimate));
                } else {
                    Synthesis.Result result = Synthesis.run(yosys, target, outputs.rtl(), scratch, cl.hasOption("fast"));
                    print(console.out(), design, result, version);
                    Estimate estimate = SynthEstimate.besideGeneric(console.out(), design, wrap, result);
                    String ys = "synth-" + target.spelling() + ".ys";
                    reports.add(new GeneratedFile(ys, Files.readString(scratch.resolve(ys))));
                    reports.add(EstimateJson.addTo(SynthJson.of(Provenance.lines(design), design.name(),
                            design.overrides(), outputs.rtl().parameters(), version, result), estimate));
                }
            } catch (UserError e) {
                keepScratch = e.getMessage().contains(scratch.toString());   // when the message names a log inside it
                throw e;
            } finally {
                progress.done();
            }
            if (out != null) {
                List<GeneratedFile> files = new ArrayList<>(outputs.all());
                files.addAll(reports);
                if (bitstream.isPresent()) {
                    SynthPnr.checkBitstreamTarget(out, outputs.rtl().topModule());
                }
                if (bitstream.isPresent()) {
                    console.out().println("  written: " + SynthPnr.writeWithBitstream(bitstream.get(), scratch, out, files));
                } else {
                    OutputWriter.write(out, files);
                }
                console.out().println("  written: " + out.resolve("synth-" + target.spelling() + ".json"));
            }
            return Main.EXIT_OK;
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot prepare the synthesis work folder: " + IoReason.of(e));
        } finally {
            if (!keepScratch) {
                FileTrees.deleteQuietly(scratch);
            }
        }
    }

    /** {@code --target T} (default generic), shared with {@code bitweave estimate}. */
    static SynthTarget target(CommandLine cl) throws UsageException {
        String name = cl.getOptionValue("target", SynthTarget.GENERIC.spelling());
        return SynthTarget.parse(name).orElseThrow(() -> new UsageException("--target " + PathArgument.shown(name)
                + ": unknown target; accepted: " + String.join(", ", SynthTarget.spellings())));
    }

    /** One resource per line, a column per flow (with DSPs first), so a person reads it and a script can grep it. */
    static void printFpga(PrintStream o, Design design, Synthesis.FpgaResult r, String yosysVersion) {
        o.println("synth " + design.name() + overridesText(design) + ": top " + r.top() + ", target "
                + r.target().spelling() + ", " + yosysVersion);
        StringBuilder head = new StringBuilder(String.format("  %-10s", "resource"));
        r.columns().forEach(c -> head.append(String.format(" %14s", c.flow().label())));
        o.println(head);
        for (String name : bitweave.synth.FpgaResources.names(r.target())) {
            StringBuilder line = new StringBuilder(String.format("  %-10s", name));
            r.columns().forEach(c -> line.append(String.format(" %14d", c.resources().resources().get(name))));
            o.println(line);
        }
        java.util.Set<String> others = new java.util.TreeSet<>();
        r.columns().forEach(c -> others.addAll(c.resources().others().keySet()));
        for (String type : others) {
            StringBuilder line = new StringBuilder(String.format("  %-10s", type));
            r.columns().forEach(c -> line.append(String.format(" %14d", c.resources().others().getOrDefault(type, 0L))));
            o.println(line.append("   (other cell type)"));
        }
        o.printf(java.util.Locale.ROOT, "  yosys time %.1f s%n", r.runTime().toMillis() / 1000.0);
    }

    private static String overridesText(Design design) {
        StringBuilder params = new StringBuilder();
        for (Map.Entry<String, Long> e : new java.util.TreeMap<>(design.overrides()).entrySet()) {
            params.append(" -P ").append(e.getKey()).append('=').append(e.getValue());
        }
        return params.toString();
    }

    /** One figure per line, so a person reads it and a script can grep it. */
    static void print(PrintStream o, Design design, Synthesis.Result r, String yosysVersion) {
        SynthFigures f = r.figures();
        o.println("synth " + design.name() + overridesText(design) + ": top " + r.top() + ", target " + r.target().spelling()
                + (r.fastAbc() ? " (short abc script)" : "") + ", " + yosysVersion);
        o.printf("  %-10s %12d%n", "NAND", f.nand());
        o.printf("  %-10s %12d%n", "NOR", f.nor());
        o.printf("  %-10s %12d%n", "NOT", f.not());
        o.printf("  %-10s %12d   (plain D flip-flops; enable and reset are gates above)%n", "DFF", f.dff());
        for (Map.Entry<String, Long> e : f.others().entrySet()) {
            o.printf("  %-10s %12d   (other cell type, not in GE)%n", e.getKey(), e.getValue());
        }
        o.printf("  %-10s %12s   (NAND + NOR + 0.67 NOT + 5 DFF)%n", "GE", f.ge().toPlainString());
        o.printf("  %-10s %12d   (ltp -noff: gates on the longest path, flip-flops excluded)%n", "depth", f.depth());
        o.printf("  %-10s %12s%n", "GE*depth", f.geTimesDepth().toPlainString());
        o.printf(java.util.Locale.ROOT, "  yosys time %.1f s%n", r.runTime().toMillis() / 1000.0);
    }
}
