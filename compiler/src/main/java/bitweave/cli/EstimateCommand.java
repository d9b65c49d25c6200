package bitweave.cli;

import bitweave.emit.GeneratedFile;
import bitweave.emit.Provenance;
import bitweave.emit.VerilogBackend;
import bitweave.estimate.Estimate;
import bitweave.estimate.EstimateJson;
import bitweave.estimate.Estimator;
import bitweave.ir.Design;
import bitweave.output.OutputWriter;
import bitweave.synth.SynthTarget;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code bitweave estimate design.bw --target generic|ice40|xilinx [-o OUT] [--json]}: the resources synth would
 * measure, estimated from the RTL IR after the passes without running Yosys (bitweave.estimate). Prints synth's
 * table shape: a resource per line, a column per flow.
 */
final class EstimateCommand implements Command {
    @Override
    public String name() {
        return "estimate";
    }

    @Override
    public String summary() {
        return "estimate synth's resource figures from the IR, without Yosys (generic: DFF, GE; ice40, xilinx: LUTs,"
                + " carries, flip-flops, DSPs, BRAM)";
    }

    @Override
    public int run(String[] args, Console console) throws ParseException, UsageException {
        Options options = DesignOptions.common();
        options.addOption(Option.builder().longOpt("target").hasArg().argName("T")
                .desc("resources of: " + String.join(", ", SynthTarget.spellings()) + " (default generic)").get());
        options.addOption(Option.builder("o").longOpt("out").hasArg().argName("DIR")
                .desc("also write estimate-<target>.json to DIR").get());
        options.addOption(Option.builder().longOpt("json").desc("print the JSON instead of the table").get());
        WrapOptions.add(options);
        CommandLine cl = DesignOptions.parse(options, args);
        if (DesignOptions.helpRequested(cl, options, this, "design.bw [--target generic|ice40|xilinx] [-o OUT] [--json] [--wrap axis] [options]", console)) {
            return Main.EXIT_OK;
        }
        SynthTarget target = SynthCommand.target(cl);
        Path out = null;
        if (cl.hasOption("out")) {
            if (cl.getOptionValue("out").equals("-")) {
                throw new UsageException("-o -: -o takes an output directory; --json prints the JSON to standard output");
            }
            out = PathArgument.of("-o", cl.getOptionValue("out"));
        }
        java.util.Optional<Integer> axisWidth = WrapOptions.width(cl);
        Design design = DesignOptions.load(cl, console);
        Estimate estimate = Estimator.estimate(VerilogBackend.lower(design, WrapOptions.of(design, axisWidth)), target);
        GeneratedFile json = EstimateJson.file(Provenance.lines(design), design.name(), design.overrides(), estimate);
        if (cl.hasOption("json")) {
            console.out().print(json.content());
        } else {
            console.out().println("estimate " + design.name() + overridesText(design.overrides()) + ": top " + estimate.top()
                    + ", target " + target.spelling() + " (from the IR after the passes; no Yosys run)");
            EstimateTable.print(console.out(), estimate);
        }
        if (out != null) {
            OutputWriter.write(out, List.of(json));
            if (!cl.hasOption("json")) {
                console.out().println("  written: " + out.resolve(json.name()));
            }
        }
        return Main.EXIT_OK;
    }

    static String overridesText(Map<String, Long> overrides) {
        StringBuilder params = new StringBuilder();
        new java.util.TreeMap<>(overrides).forEach((k, v) -> params.append(" -P ").append(k).append('=').append(v));
        return params.toString();
    }
}
