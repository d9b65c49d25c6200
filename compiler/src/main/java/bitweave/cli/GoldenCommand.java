package bitweave.cli;

import bitweave.golden.GoldenText;
import bitweave.ir.Design;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** {@code bitweave golden design.bw --in a=A.txt --in b=B.txt}: the reference arithmetic on given inputs. */
final class GoldenCommand implements Command {
    @Override
    public String name() {
        return "golden";
    }

    @Override
    public String summary() {
        return "evaluate the golden model on inputs given as text files (format: dsl/GOLDEN.md)";
    }

    @Override
    public int run(String[] args, Console console) throws ParseException, UsageException {
        Options options = DesignOptions.common();
        options.addOption(Option.builder().longOpt("in").hasArg().argName("NAME=FILE")
                .desc("an input operand file (repeatable): a, b for adder_tree and output_stationary; "
                        + "w, x for weight_stationary").get());
        CommandLine cl = DesignOptions.parse(options, args);
        if (DesignOptions.helpRequested(cl, options, this, "design.bw --in NAME=FILE ... [options]", console)) {
            return Main.EXIT_OK;
        }
        Map<String, Path> inputs = new LinkedHashMap<>();
        String[] ins = cl.getOptionValues("in");
        if (ins != null) {
            for (String in : ins) {
                int eq = in.indexOf('=');
                if (eq <= 0 || eq == in.length() - 1) {
                    throw new UsageException("--in " + in + ": expected NAME=FILE, e.g. --in a=A.txt");
                }
                String name = in.substring(0, eq);
                if (inputs.put(name, PathArgument.of("--in " + name + "=", in.substring(eq + 1))) != null) {
                    throw new UsageException("--in " + in.substring(0, eq) + " given more than once");
                }
            }
        }
        Design design = DesignOptions.load(cl, console);
        console.out().print(GoldenText.evaluate(design.top(), inputs));
        return Main.EXIT_OK;
    }
}
