package bitweave.cli;

import bitweave.check.Frontend;
import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.Design;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * The options every design-taking command shares (-P, --top, --max-errors, --Werror, --verbose, --help)
 * and the one place that turns them into a checked {@link Design}.
 */
final class DesignOptions {
    private DesignOptions() {
    }

    static Options common() {
        Options o = new Options();
        o.addOption(Option.builder("P").longOpt("param").hasArg().argName("NAME=VALUE")
                .desc("override a design parameter (repeatable), e.g. -P ROWS=16").get());
        o.addOption(Option.builder().longOpt("top").hasArg().argName("ARRAY")
                .desc("the array to build (default: the array named 'top', else the last one)").get());
        o.addOption(Option.builder().longOpt("max-errors").hasArg().argName("N")
                .desc("print at most N errors (default " + DiagnosticOutput.DEFAULT_MAX_ERRORS + "; 0 = all)").get());
        o.addOption(Option.builder().longOpt("Werror").desc("treat warnings as errors (exit 1, nothing written)").get());
        o.addOption(Option.builder().longOpt("verbose").desc("show stack traces of internal errors").get());
        o.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        return o;
    }

    static CommandLine parse(Options options, String[] args) throws ParseException {
        return DefaultParser.builder().get().parse(options, args);
    }

    /** Prints the command's help and returns true when --help was given. */
    @SuppressWarnings("deprecation")
    static boolean helpRequested(CommandLine cl, Options options, Command cmd, String usage, Console console) {
        if (!cl.hasOption("help")) {
            return false;
        }
        PrintWriter pw = new PrintWriter(console.out());
        new HelpFormatter().printHelp(pw, 100, "bitweave " + cmd.name() + " " + usage,
                cmd.summary() + "\n\noptions:", options, 2, 2,
                "\nexit codes: 0 ok, 1 input error or co-sim mismatch, 2 usage error, 3 internal error");
        pw.flush();
        return true;
    }

    /** The single positional argument: the design file. */
    static Path designFile(CommandLine cl) throws UsageException {
        List<String> rest = cl.getArgList();
        if (rest.isEmpty()) {
            throw new UsageException("missing the design file (a .bw file)");
        }
        if (rest.size() > 1) {
            throw new UsageException("expected one design file, got: " + String.join(" ", rest));
        }
        return Path.of(rest.get(0));
    }

    /**
     * Checks the design file; prints its warnings (to stderr, with a count) when it loads. With --Werror
     * a warning fails the run like an error. Every UserError leaving here carries the --max-errors limit.
     */
    static Design load(CommandLine cl, Console console) throws UsageException {
        Path file = designFile(cl);
        int maxErrors = maxErrors(cl);
        boolean werror = cl.hasOption("Werror");
        Frontend.Loaded loaded;
        try {
            loaded = Frontend.loadWithWarnings(file, displayPath(file), overrides(cl), cl.getOptionValue("top"));
        } catch (UserError e) {
            throw new UserError(werror ? asErrors(e.diagnostics()) : e.diagnostics()).withMaxErrors(maxErrors);
        }
        if (werror && !loaded.warnings().isEmpty()) {
            throw new UserError(asErrors(loaded.warnings())).withMaxErrors(maxErrors);
        }
        if (!loaded.warnings().isEmpty()) {
            DiagnosticOutput.print(loaded.warnings(), console.err(), maxErrors);
        }
        return loaded.design();
    }

    private static List<Diagnostic> asErrors(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.severity() == Diagnostic.Severity.WARNING ? d.asError() : d).toList();
    }

    /** --max-errors N: a count of errors to print, 0 for all. */
    static int maxErrors(CommandLine cl) throws UsageException {
        String value = cl.getOptionValue("max-errors");
        if (value == null) {
            return DiagnosticOutput.DEFAULT_MAX_ERRORS;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--max-errors " + value + ": expected a count, 0 or more (0 shows all errors)");
    }

    /** -P NAME=VALUE pairs in the order given; a malformed one is a user error naming it. */
    static Map<String, Long> overrides(CommandLine cl) {
        Map<String, Long> result = new LinkedHashMap<>();
        String[] values = cl.getOptionValues("P");
        if (values == null) {
            return result;
        }
        for (String v : values) {
            int eq = v.indexOf('=');
            String name = eq < 0 ? "" : v.substring(0, eq).trim();
            String number = eq < 0 ? "" : v.substring(eq + 1).trim();
            if (!name.matches("[A-Za-z_][A-Za-z_0-9]*")) {
                throw new UserError(ErrorCode.BAD_OVERRIDE, "-P " + v + ": expected NAME=VALUE, e.g. -P ROWS=16");
            }
            try {
                boolean negative = number.startsWith("-");
                String magnitude = negative ? number.substring(1) : number;
                long parsed = magnitude.startsWith("0x") || magnitude.startsWith("0X")
                        ? Long.parseLong((negative ? "-" : "") + magnitude.substring(2), 16) : Long.parseLong(number);
                if (result.put(name, parsed) != null) {
                    throw new UserError(ErrorCode.BAD_OVERRIDE, "-P " + name + " given more than once");
                }
            } catch (NumberFormatException e) {
                throw new UserError(ErrorCode.BAD_OVERRIDE, "-P " + v + ": '" + number + "' is not an integer");
            }
        }
        return result;
    }

    /** The -P and --top arguments as given, for a command line that reproduces this run. */
    static String overrideArgs(CommandLine cl) {
        StringBuilder sb = new StringBuilder();
        String[] values = cl.getOptionValues("P");
        if (values != null) {
            for (String v : values) {
                sb.append(" -P ").append(v);
            }
        }
        if (cl.hasOption("top")) {
            sb.append(" --top ").append(cl.getOptionValue("top"));
        }
        return sb.toString();
    }

    /**
     * The path as shown in diagnostics and provenance headers: relative to the working directory
     * (with ../ when the file is outside it), so generated files never carry an absolute path.
     */
    static String displayPath(Path file) {
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path abs = file.toAbsolutePath().normalize();
        if (abs.getRoot() != null && abs.getRoot().equals(cwd.getRoot())) {
            return cwd.relativize(abs).toString().replace('\\', '/');
        }
        return abs.getFileName() == null ? file.toString() : abs.getFileName().toString();
    }
}
