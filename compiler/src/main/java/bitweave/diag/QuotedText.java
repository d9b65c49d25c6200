package bitweave.diag;

/**
 * How a message quotes text taken from the user's files (a stray character, a token, a word of a
 * golden input file): invisible characters become escapes, so the quote never looks empty, and a long
 * text is cut, so a 1 MB token costs a line, not a megabyte, of output.
 */
public final class QuotedText {
    /** Code points quoted at most before the text is cut with "...". */
    public static final int MAX_QUOTED = 40;

    private QuotedText() {
    }

    /** Quotes source text for a message, making invisible characters visible as escapes; a long text is cut. */
    public static String of(String text) {
        StringBuilder out = new StringBuilder("'");
        shorten(text).codePoints().forEach(c -> {
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\r') {
                out.append("\\r");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (isInvisible(c)) {
                out.append(c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.append('\'').toString();
    }

    /**
     * Characters a terminal shows as nothing or as a plain space: controls (C0, DEL, C1), format
     * characters such as a byte-order mark or a zero-width space, spaces other than ' ' (a no-break
     * space looks like one but is not one to the lexer) and the Unicode line and paragraph separators.
     */
    private static boolean isInvisible(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (type == Character.SPACE_SEPARATOR && c != ' ');
    }

    /** At most MAX_QUOTED code points and "...": a message names a 40,000-character token, it does not copy it. */
    public static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_QUOTED) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_QUOTED)) + "...";
    }
}
