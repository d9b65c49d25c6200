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

    /**
     * Parses a command's options. Options must be spelled out: Commons CLI would otherwise take any
     * unambiguous prefix (--vector for --vectors), so a typo or an option added later could silently
     * change what an old command line means. Values are taken exactly as typed (no quote stripping).
     */
    static CommandLine parse(Options options, String[] args) throws ParseException {
        return DefaultParser.builder().setAllowPartialMatching(false).setStripLeadingAndTrailingQuotes(false).get()
                .parse(options, args);
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

    /** The single positional argument, the design file, exactly as typed (diagnostics show it so). */
    static String designFileArgument(CommandLine cl) throws UsageException {
        List<String> rest = cl.getArgList();
        if (rest.isEmpty()) {
            throw new UsageException("missing the design file (a .bw file)");
        }
        if (rest.size() > 1) {
            throw new UsageException("expected one design file, got: " + String.join(" ", rest));
        }
        return rest.get(0);
    }

    /**
     * Checks the design file; prints its warnings (to stderr, with a count) when it loads. With --Werror
     * a warning fails the run like an error. Every UserError leaving here carries the --max-errors limit.
     */
    static Design load(CommandLine cl, Console console) throws UsageException {
        return load(cl, console, designFileArgument(cl));
    }

    /** {@link #load(CommandLine, Console)} for a design file named elsewhere (e.g. equiv --against G.bw). */
    static Design load(CommandLine cl, Console console, String typed) throws UsageException {
        Path file = PathArgument.of("the design file", typed);
        int maxErrors = maxErrors(cl);
        boolean werror = cl.hasOption("Werror");
        Frontend.Loaded loaded;
        try {
            loaded = Frontend.loadWithWarnings(file, typed, overrides(cl), cl.getOptionValue("top"));
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
        // The same strict integer grammar as every other numeric option (no spaces, ASCII digits).
        java.util.Optional<java.math.BigInteger> n = IntegerArgument.parse(value);
        if (n.isPresent() && n.get().signum() >= 0 && n.get().bitLength() < 31) {
            return n.get().intValue();
        }
        // Say the bound: "a count, 0 or more" would be wrong for 2147483648, which is one.
        throw new UsageException("--max-errors " + value + ": expected a count in 0.." + Integer.MAX_VALUE
                + " (0 shows all errors)");
    }

    /**
     * -P NAME=VALUE pairs in the order given. The text must be exactly NAME=VALUE (no spaces) with VALUE
     * in the {@link IntegerArgument} grammar and within 64 bits; anything else is malformed, a usage
     * error with code E0701. Whether NAME is a parameter of the design and VALUE in its range is checked
     * later, against the design (E0702, E0402: input errors).
     */
    static Map<String, Long> overrides(CommandLine cl) throws UsageException {
        Map<String, Long> result = new LinkedHashMap<>();
        String[] values = cl.getOptionValues("P");
        if (values == null) {
            return result;
        }
        for (String v : values) {
            int eq = v.indexOf('=');
            String name = eq < 0 ? "" : v.substring(0, eq);
            String number = eq < 0 ? "" : v.substring(eq + 1);
            if (!name.matches("[A-Za-z_][A-Za-z_0-9]*")) {
                throw new UsageException(ErrorCode.BAD_OVERRIDE, "-P " + PathArgument.shown(v)
                        + ": expected NAME=VALUE without spaces, e.g. -P ROWS=16");
            }
            java.math.BigInteger parsed = IntegerArgument.parse(number).orElseThrow(() -> new UsageException(
                    ErrorCode.BAD_OVERRIDE, "-P " + PathArgument.shown(v) + ": '" + PathArgument.shown(number)
                            + "' is not an integer (" + IntegerArgument.syntaxHint() + ")"));
            if (parsed.bitLength() > 63) {
                throw new UsageException(ErrorCode.BAD_OVERRIDE, "-P " + v + ": " + number
                        + " is outside the 64-bit integer range " + Long.MIN_VALUE + ".." + Long.MAX_VALUE);
            }
            if (result.put(name, parsed.longValueExact()) != null) {
                throw new UsageException(ErrorCode.BAD_OVERRIDE, "-P " + name + " given more than once");
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
}
