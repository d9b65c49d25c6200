package bitweave.cli;

import bitweave.diag.UserError;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.cli.ParseException;

/**
 * Entry point of the {@code bitweave} command. Exit codes: 0 ok, 1 input errors or a co-simulation
 * mismatch, 2 usage errors, 3 internal errors (a compiler bug; stack trace only with --verbose).
 */
public final class Main {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INPUT = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INTERNAL = 3;

    private final Map<String, Command> commands = new LinkedHashMap<>();

    public Main() {
        for (Command c : new Command[] {new CompileCommand(), new SimCommand(), new GoldenCommand(), new CheckCommand(),
                new SynthCommand(), new EstimateCommand(), new EquivCommand(), new ReorderCommand()}) {
            commands.put(c.name(), c);
        }
    }

    public static void main(String[] args) {
        System.exit(new Main().run(args, new Console(System.out, System.err, System.console() != null)));
    }

    /** Runs one command line; never throws and never calls System.exit (tests call this directly). */
    public int run(String[] args, Console console) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            console.out().print(overview());
            return args.length == 0 ? EXIT_USAGE : EXIT_OK;
        }
        if (args[0].equals("--version")) {
            console.out().println("bitweave " + bitweave.emit.Provenance.version());
            return EXIT_OK;
        }
        Command command = commands.get(args[0]);
        if (command == null) {
            console.err().println("bitweave: error: unknown command '" + args[0] + "' (commands: "
                    + String.join(", ", commands.keySet()) + "; see bitweave --help)");
            return EXIT_USAGE;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return command.run(rest, console);
        } catch (ParseException e) {
            return usage(command, e.getMessage(), console);
        } catch (UsageException e) {
            return usage(command, e.getMessage() + e.code().map(c -> " [" + c.code() + "]").orElse(""), console);
        } catch (UserError e) {
            DiagnosticOutput.print(e.diagnostics(), console.err(),
                    e.maxErrors() < 0 ? DiagnosticOutput.DEFAULT_MAX_ERRORS : e.maxErrors());
            return EXIT_INPUT;
        } catch (RuntimeException | Error e) {
            PrintStream err = console.err();
            err.println("bitweave: internal error: " + e + " (this is a Bitweave bug; please report it with the input"
                    + (verbose ? ")" : ", and rerun with --verbose for the stack trace)"));
            if (verbose) {
                e.printStackTrace(err);
            }
            return EXIT_INTERNAL;
        }
    }

    private static int usage(Command command, String message, Console console) {
        console.err().println("bitweave " + command.name() + ": error: " + message);
        console.err().println("see: bitweave " + command.name() + " --help");
        return EXIT_USAGE;
    }

    private String overview() {
        StringBuilder sb = new StringBuilder();
        sb.append("bitweave ").append(bitweave.emit.Provenance.version())
          .append(": compile low-precision MAC arrays to Verilog, a golden model and a Verilator co-simulation\n\n")
          .append("usage: bitweave <command> [options] <design.bw>\n\ncommands:\n");
        for (Command c : commands.values()) {
            sb.append(String.format("  %-9s %s%n", c.name(), c.summary()));
        }
        sb.append("\n'bitweave <command> --help' lists a command's options. Global: --version, --verbose.\n")
          .append("exit codes: 0 ok, 1 input error, co-sim mismatch or failed proof, 2 usage error, 3 internal error\n");
        return sb.toString();
    }
}
