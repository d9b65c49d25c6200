package bitweave.cli;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.UserError;
import bitweave.golden.ChannelOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;

/**
 * {@code bitweave reorder W.txt [--norm l2|max] [--columns]}: the outlier channel order of a matrix, printed as
 * the quantizer member {@code reorder ...}: its rows sorted by norm (W_k: row c makes channel c of k = W_k x),
 * or with {@code --columns} its columns (a matrix of samples, one channel per column).
 */
final class ReorderCommand implements Command {
    @Override
    public String name() {
        return "reorder";
    }

    @Override
    public String summary() {
        return "sort the channels of a weight matrix (its rows, or columns) by norm: the 'reorder' line of a quantizer";
    }

    @Override
    public int run(String[] args, Console console) throws ParseException, UsageException {
        Options options = new Options();
        options.addOption(Option.builder().longOpt("norm").hasArg().argName("l2|max")
                .desc("how a channel is measured: l2 (default, the square root of its sum of squares) or max"
                        + " (its largest magnitude)").get());
        options.addOption(Option.builder().longOpt("columns").desc("the columns are the channels (a matrix of samples);"
                + " default: the rows (W_k, whose row c makes channel c of k = W_k x)").get());
        options.addOption(Option.builder("h").longOpt("help").desc("show this help").get());
        CommandLine cl = DesignOptions.parse(options, args);
        if (DesignOptions.helpRequested(cl, options, this, "W.txt [--norm l2|max] [--columns]  (W: one row per line, decimals"
                + " or fp32 bit patterns; apply the printed order to both operands of the dot products)", console)) {
            return Main.EXIT_OK;
        }
        List<String> files = cl.getArgList();
        if (files.size() != 1) {
            throw new UsageException("reorder takes one matrix file, got " + files.size());
        }
        String normText = cl.getOptionValue("norm", "l2").toLowerCase(Locale.ROOT);
        ChannelOrder.Norm norm;
        switch (normText) {
            case "l2" -> norm = ChannelOrder.Norm.L2;
            case "max" -> norm = ChannelOrder.Norm.MAX;
            default -> throw new UsageException("--norm " + normText + ": expected l2 or max");
        }
        Path path = PathArgument.of("matrix ", files.get(0));
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new UserError(List.of(Diagnostic.error(ErrorCode.GOLDEN_INPUT_UNREADABLE, null,
                    "cannot read the matrix " + path + ": " + IoReason.of(e, path))));
        }
        List<Integer> order = ChannelOrder.of(path.toString(), text, norm,
                cl.hasOption("columns") ? ChannelOrder.Axis.COLUMNS : ChannelOrder.Axis.ROWS);
        console.out().println(ChannelOrder.member(order));
        return Main.EXIT_OK;
    }
}
