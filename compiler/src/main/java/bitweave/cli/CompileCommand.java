package bitweave.cli;

import bitweave.diag.Plural;
import bitweave.emit.CompileOutputs;
import bitweave.emit.GeneratedFile;
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
        CommandLine cl = DesignOptions.parse(options, args);
        if (DesignOptions.helpRequested(cl, options, this, "design.bw -o OUT [options]", console)) {
            return Main.EXIT_OK;
        }
        if (!cl.hasOption("out")) {
            throw new UsageException("missing -o OUT (the output directory)");
        }
        Path out = outputDirectory(cl.getOptionValue("out"));
        Design design = DesignOptions.load(cl, console);
        CompileOutputs outputs = CompileOutputs.of(design);
        List<GeneratedFile> files = outputs.all();
        OutputWriter.write(out, files);
        console.out().println("compiled " + design.name() + ": " + bitweave.emit.UnitNames.describe(design.top()) + " -> "
                + Plural.count(files.size(), "file") + " in " + out);
        String top = outputs.rtl().topModule();
        if (!top.equals(design.name())) {
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

    /** -o names a directory; "-" (standard output elsewhere) cannot hold several files. */
    private static Path outputDirectory(String value) throws UsageException {
        if (value.equals("-")) {
            throw new UsageException("-o -: compile writes several files, so it cannot write to standard output;"
                    + " give an output directory, e.g. -o out");
        }
        return PathArgument.of("-o", value);
    }
}
