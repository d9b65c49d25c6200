package bitweave.cli;

import bitweave.ir.Design;
import bitweave.ir.TopInterface;
import bitweave.wrap.AxisWrap;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/** {@code --wrap axis [--axis-width BITS]}, shared by compile, sim and synth (dsl/INTERFACE.md, "AXI4-Stream wrapper"). */
final class WrapOptions {
    private WrapOptions() {
    }

    static void add(Options options) {
        options.addOption(Option.builder().longOpt("wrap").hasArg().argName("axis")
                .desc("put the top inside a wrapper: axis = AXI4-Stream slave/master channels (tdata/tvalid/tready/"
                        + "tlast), top module <top>_axis").get());
        options.addOption(Option.builder().longOpt("axis-width").hasArg().argName("BITS")
                .desc("tdata width of the AXI4-Stream channels, a multiple of 8 in " + AxisWrap.MIN_WIDTH + ".."
                        + AxisWrap.MAX_WIDTH + " (default " + AxisWrap.DEFAULT_WIDTH + ")").get());
    }

    /** Checks the options' spelling before the design is loaded; returns the tdata width, or empty without --wrap. */
    static Optional<Integer> width(CommandLine cl) throws UsageException {
        if (!cl.hasOption("wrap")) {
            if (cl.hasOption("axis-width")) {
                throw new UsageException("--axis-width needs --wrap axis");
            }
            return Optional.empty();
        }
        String kind = cl.getOptionValue("wrap");
        if (!kind.equals("axis")) {
            throw new UsageException("--wrap " + PathArgument.shown(kind) + ": unknown wrapper; accepted: axis");
        }
        if (!cl.hasOption("axis-width")) {
            return Optional.of(AxisWrap.DEFAULT_WIDTH);
        }
        String v = cl.getOptionValue("axis-width");
        BigInteger n = IntegerArgument.parse(v).orElseThrow(() -> new UsageException("--axis-width "
                + PathArgument.shown(v) + ": not an integer (" + IntegerArgument.syntaxHint() + ")"));
        if (n.compareTo(BigInteger.valueOf(AxisWrap.MIN_WIDTH)) < 0 || n.compareTo(BigInteger.valueOf(AxisWrap.MAX_WIDTH)) > 0
                || n.intValue() % 8 != 0) {
            throw new UsageException("--axis-width " + v + ": must be a multiple of 8 in " + AxisWrap.MIN_WIDTH + ".."
                    + AxisWrap.MAX_WIDTH + " (AXI4-Stream tdata is whole bytes)");
        }
        return Optional.of(n.intValueExact());
    }

    /** The wrapper of the loaded design's top (E0704 when its contract cannot be wrapped). */
    static Optional<AxisWrap> of(Design design, Optional<Integer> width) {
        return width.map(w -> AxisWrap.of(TopInterface.of(design.top()), w));
    }
}
