package bitweave.cli;

import bitweave.diag.Plural;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
import bitweave.emit.VerilogBackend;
import bitweave.ir.Design;
import bitweave.output.OutputWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** {@code bitweave compile design.bw -o OUT}: Verilog, file list, harness glue, Java golden model, report. */
final class CompileCommand implements Command {
    @Override
    public String name() {
        return "compile";
    }

    @Override
    public String summary() {
        return "generate Verilog (one module per file), <top>.f, C++ harness glue, a Java golden model and a report";
    }

    @Override
    public int run(String[] args, Console console) throws ParseException, UsageException {
        Options options = DesignOptions.common();
        options.addOption(Option.builder("o").longOpt("out").hasArg().argName("DIR")
                .desc("output directory (created if missing; only files Bitweave generated are overwritten)").get());
        options.addOption(Option.builder().longOpt("print-pipeline")
                .desc("list the passes run for the design, in order, and stop (nothing is written)").get());
        WrapOptions.add(options);
        options.addOption(Option.builder().longOpt("dump-ir").hasArg().argName("PASS")
                .desc("print the IR as text after pass PASS (a name from --print-pipeline) and stop").get());
        CommandLine cl = DesignOptions.parse(options, args);
        if (DesignOptions.helpRequested(cl, options, this, "design.bw -o OUT [--wrap axis [--axis-width T]] [options]", console)) {
            return Main.EXIT_OK;
        }
        if (cl.hasOption("print-pipeline") || cl.hasOption("dump-ir")) {
            return inspect(cl, console);
        }
        if (!cl.hasOption("out")) {
            throw new UsageException("missing -o OUT (the output directory)");
        }
        Path out = outputDirectory(cl.getOptionValue("out"));
        java.util.Optional<Integer> axisWidth = WrapOptions.width(cl);
        Design design = DesignOptions.load(cl, console);
        CompileOutputs outputs = CompileOutputs.of(design, WrapOptions.of(design, axisWidth));
        List<GeneratedFile> files = outputs.all();
        OutputWriter.write(out, files);
        console.out().println("compiled " + design.name() + ": " + bitweave.emit.UnitNames.describe(design.top()) + " -> "
                + Plural.count(files.size(), "file") + " in " + out);
        String top = outputs.rtl().topModule();
        if (outputs.contract().output().axis()) {
            console.out().println("  top module " + top + ": the AXI4-Stream wrapper of "
                    + bitweave.wrap.WrapAxis.unitOf(top) + " (dsl/INTERFACE.md, \"AXI4-Stream wrapper\")");
        } else if (!top.equals(design.name())) {
            // Several arrays (<design>_<array>) or a top renamed by legalize-names: name the module to instantiate.
            String renamedFrom = outputs.report().renamedFrom();
            console.out().println("  top module " + top + (renamedFrom == null ? "" : " (renamed from " + renamedFrom
                    + ", a name the generated Verilog uses inside or a tool reserves)"));
        }
        console.out().println("  latency " + Plural.count(outputs.rtl().latencyCycles(), "cycle") + ", "
                + Plural.count(outputs.rtl().macsPerCycle(), "MAC") + "/cycle peak; report: "
                + out.resolve(outputs.reportName()));
        return Main.EXIT_OK;
    }

    /** --print-pipeline and --dump-ir: show the compiler's work on this design without writing files. */
    private static int inspect(CommandLine cl, Console console) throws UsageException {
        if (cl.hasOption("print-pipeline") && cl.hasOption("dump-ir")) {
            throw new UsageException("--print-pipeline and --dump-ir: give one of them");
        }
        java.util.Optional<Integer> axisWidth = WrapOptions.width(cl);
        Design design = DesignOptions.load(cl, console);
        java.util.Optional<bitweave.wrap.AxisWrap> wrap = WrapOptions.of(design, axisWidth);
        List<String> passes = VerilogBackend.pipeline(design, wrap);
        if (cl.hasOption("print-pipeline")) {
            passes.forEach(console.out()::println);
            return Main.EXIT_OK;
        }
        String pass = cl.getOptionValue("dump-ir");
        if (!passes.contains(pass)) {
            throw new UsageException("--dump-ir " + pass + ": no such pass runs for this design; its passes are "
                    + String.join(", ", passes));
        }
        console.out().print(VerilogBackend.dumpAfter(design, pass, wrap));
        return Main.EXIT_OK;
    }

    /** -o names a directory; "-" (standard output elsewhere) cannot hold several files. */
    private static Path outputDirectory(String value) throws UsageException {
        if (value.equals("-")) {
            throw new UsageException("-o -: compile writes several files, so it cannot write to standard output;"
                    + " give an output directory, e.g. -o out");
        }
        return PathArgument.of("-o", value);
    }
}
