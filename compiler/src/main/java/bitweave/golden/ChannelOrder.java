package bitweave.golden;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.SourceLoc;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.FloatText;
import bitweave.numeric.FpValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Outlier channel reordering ("Accurate Block Quantization in LLMs with Outliers", Trukhanov and
 * Soloveychik): channels sorted by their norm, largest first, so that the outlier channels share blocks and
 * the others are no longer scaled by them. A channel of the K-cache k = W_k x is a row of W_k, so by default
 * the rows of the matrix are the channels (the paper's rule); a matrix of samples (one per row, a channel per
 * column) is sorted by its columns instead. Applying the same order to
 * both operands of a dot product leaves it unchanged (sum_j q[o_j] k[o_j] = sum_i q_i k_i), so the order is
 * a compile-time parameter of a quantizer ({@code reorder}) and of whatever feeds the other operand.
 *
 * <p>The norms are exact: every value is read as an exact decimal (or an fp32 bit pattern), squares and sums
 * are exact, and ties keep the lower channel first, so the order is a function of the file alone.
 */
public final class ChannelOrder {
    /** How a channel's size is measured. */
    public enum Norm {
        /** sqrt(sum w^2): compared as the exact sum of squares. */
        L2,
        /** max |w|. */
        MAX
    }

    private ChannelOrder() {
    }

    /** Which lines of the matrix are the channels. */
    public enum Axis {
        ROWS, COLUMNS
    }

    /** The channel order of the matrix in {@code text} (one row per line, as dsl/GOLDEN.md's files). */
    public static List<Integer> of(String displayName, String text, Norm norm, Axis axis) {
        List<Diagnostic> errors = new ArrayList<>();
        NumberFile file = NumberFile.parse(displayName, text, errors, true);
        List<BigDecimal[]> rows = new ArrayList<>();
        int columns = -1;
        for (NumberFile.Row row : file.rows()) {
            List<NumberFile.Token> tokens = row.values();
            if (columns < 0) {
                columns = tokens.size();
            } else if (tokens.size() != columns) {
                errors.add(Diagnostic.error(ErrorCode.GOLDEN_WRONG_COUNT, tokens.size() > columns
                        ? tokens.get(columns).loc() : row.end(), "row has " + tokens.size() + " values, but the first"
                        + " row has " + columns + ": every row of the matrix has one value per channel"));
                continue;
            }
            BigDecimal[] values = new BigDecimal[tokens.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = exact(tokens.get(i), errors);
            }
            rows.add(values);
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(Diagnostic.error(ErrorCode.GOLDEN_NO_DATA, new SourceLoc(displayName, 1, 1),
                    "the matrix holds no values"));
        }
        if (!errors.isEmpty()) {
            throw new UserError(errors);
        }
        int channels = axis == Axis.ROWS ? rows.size() : columns;
        BigDecimal[] size = new BigDecimal[channels];
        java.util.Arrays.fill(size, BigDecimal.ZERO);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                int channel = axis == Axis.ROWS ? r : c;
                BigDecimal v = rows.get(r)[c].abs();
                size[channel] = norm == Norm.L2 ? size[channel].add(v.multiply(v)) : size[channel].max(v);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int c = 0; c < channels; c++) {
            order.add(c);
        }
        order.sort(Comparator.<Integer, BigDecimal>comparing(c -> size[c]).reversed().thenComparing(c -> c));
        return order;
    }

    /** A decimal as written, or an fp32 bit pattern (0x...) as its exact value; NaN/Inf are refused. */
    private static BigDecimal exact(NumberFile.Token t, List<Diagnostic> errors) {
        String w = t.text();
        try {
            if (w.startsWith("0x") || w.startsWith("0X")) {
                FpValue v = FloatFormat.FP32.decode(FloatText.parse(w, FloatFormat.FP32));
                if (!v.isFinite()) {
                    throw new NumberFormatException("not finite");
                }
                BigDecimal m = new BigDecimal(v.significand());
                BigDecimal p = v.exponent() >= 0 ? new BigDecimal(java.math.BigInteger.TWO.pow(v.exponent()))
                        : BigDecimal.ONE.divide(new BigDecimal(java.math.BigInteger.TWO.pow(-v.exponent())));
                return (v.negative() ? m.negate() : m).multiply(p);
            }
            BigDecimal d = new BigDecimal(w);
            if (Math.abs((long) d.precision() - d.scale()) > 400) {
                throw new NumberFormatException("beyond +-1e400");
            }
            return d;
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(Diagnostic.error(ErrorCode.GOLDEN_BAD_NUMBER, t.loc(), "'" + w + "' is not a finite number"
                    + " (a decimal such as -0.75 or 1e-3, or an fp32 bit pattern such as 0x3F400000)"));
            return BigDecimal.ZERO;
        }
    }

    /** The DSL member that applies {@code order} to a quantizer. */
    public static String member(List<Integer> order) {
        StringBuilder sb = new StringBuilder("reorder");
        for (int c : order) {
            sb.append(' ').append(c);
        }
        return sb.toString();
    }
}
