package bitweave.golden;

import bitweave.diag.Diagnostic;
import bitweave.diag.ErrorCode;
import bitweave.diag.QuotedText;
import bitweave.diag.LineBreaks;
import bitweave.ir.SourceLoc;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The lexical layer of the golden text format (dsl/GOLDEN.md): integers separated by whitespace, one row
 * per line, {@code #} starts a comment, blank lines separate groups. A line holding only a comment is
 * neither a row nor a separator. Bad numbers become diagnostics, not exceptions, so one run reports all.
 */
public final class NumberFile {
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final Pattern INTEGER = Pattern.compile("[+-]?(0[xX][0-9a-fA-F]+|[0-9]+)");

    /**
     * One word and where it starts; {@code value} is its integer, or null when the file was read for a unit
     * that takes other words ({@link UnitGolden#readsWords}: a quantizer reads {@code 1.5}, {@code nan}).
     */
    public record Token(BigInteger value, SourceLoc loc, String text) {
    }

    /** One line of numbers; {@code end} is the column just after its last character of content. */
    public record Row(List<Token> values, SourceLoc loc, SourceLoc end) {
    }

    /** Rows with no blank line between them. */
    public record Group(List<Row> rows) {
        SourceLoc loc() {
            return rows.get(0).loc();
        }
    }

    final String displayName;
    final List<Group> groups;

    private NumberFile(String displayName, List<Group> groups) {
        this.displayName = displayName;
        this.groups = groups;
    }

    public List<Row> rows() {
        List<Row> all = new ArrayList<>();
        for (Group g : groups) {
            all.addAll(g.rows());
        }
        return all;
    }

    /**
     * Splits {@code text} into groups of rows; number syntax errors are added to {@code errors}. Lines
     * and columns are counted as for a design file, so the diagnostic printer shows the line a message
     * names: a leading byte-order mark is not text, lines end as {@link LineBreaks} says (also a lone
     * CR), columns count code points.
     */
    static NumberFile parse(String displayName, String text, List<Diagnostic> errors) {
        return parse(displayName, text, errors, false);
    }

    /** As above; with {@code anyWords} every word becomes a token (the unit checks them itself). */
    static NumberFile parse(String displayName, String text, List<Diagnostic> errors, boolean anyWords) {
        List<Group> groups = new ArrayList<>();
        List<Row> current = new ArrayList<>();
        String body = text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text;
        List<String> lines = LineBreaks.split(body);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = hash >= 0 ? line.substring(0, hash) : line;
            if (content.isBlank()) {
                if (hash < 0 && !current.isEmpty()) {
                    groups.add(new Group(List.copyOf(current)));
                    current.clear();
                }
                continue;
            }
            List<Token> tokens = new ArrayList<>();
            int col = 0;
            while (col < content.length()) {
                if (Character.isWhitespace(content.charAt(col))) {
                    col++;
                    continue;
                }
                int start = col;
                while (col < content.length() && !Character.isWhitespace(content.charAt(col))) {
                    col++;
                }
                String word = content.substring(start, col);
                SourceLoc loc = new SourceLoc(displayName, i + 1, column(content, start));
                if (INTEGER.matcher(word).matches()) {
                    tokens.add(new Token(toInteger(word), loc, word));
                } else if (anyWords) {
                    tokens.add(new Token(null, loc, word));
                } else {
                    errors.add(Diagnostic.error(ErrorCode.GOLDEN_BAD_NUMBER, loc,
                            QuotedText.of(word) + " is not an integer (decimal or 0x hex, optionally signed)"));
                }
            }
            int end = column(content, content.stripTrailing().length());
            current.add(new Row(List.copyOf(tokens), new SourceLoc(displayName, i + 1, 1),
                    new SourceLoc(displayName, i + 1, end)));
        }
        if (!current.isEmpty()) {
            groups.add(new Group(List.copyOf(current)));
        }
        return new NumberFile(displayName, List.copyOf(groups));
    }

    /** The 1-based column of the character at {@code index}, counted in code points. */
    private static int column(String line, int index) {
        return line.codePointCount(0, index) + 1;
    }

    private static BigInteger toInteger(String word) {
        boolean negative = word.startsWith("-");
        String digits = word.startsWith("-") || word.startsWith("+") ? word.substring(1) : word;
        BigInteger magnitude = digits.startsWith("0x") || digits.startsWith("0X")
                ? new BigInteger(digits.substring(2), 16) : new BigInteger(digits, 10);
        return negative ? magnitude.negate() : magnitude;
    }
}
