package bitweave.cli;

import bitweave.ir.Design;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/** {@code bitweave check design.bw}: parse and check only. */
final class CheckCommand implements Command {
    @Override
    public String name() {
        return "check";
    }

    @Override
    public String summary() {
        return "parse and check a design; print its resolved top array";
    }

    @Override
    public int run(String[] args, Console console) throws ParseException, UsageException {
        Options options = DesignOptions.common();
        CommandLine cl = DesignOptions.parse(options, args);
        if (DesignOptions.helpRequested(cl, options, this, "[options] design.bw", console)) {
            return Main.EXIT_OK;
        }
        Design d = DesignOptions.load(cl, console);
        String params = Describe.params(d);
        console.out().println("OK " + d.name() + ": " + bitweave.emit.UnitNames.describe(d.top())
                + (params.isEmpty() ? "" : " " + params));
        return Main.EXIT_OK;
    }
}
