package bitweave.diag;

import java.util.ArrayList;
import java.util.List;

/**
 * The one definition of a line break, shared by the lexer's line counting (bitweave.parse) and the
 * diagnostic printer's line splitting, so "line 7" names the same line in both: {@code \n},
 * {@code \r\n} (one break) or a lone {@code \r} (old Mac files).
 */
public final class LineBreaks {
    private LineBreaks() {
    }

    /**
     * True when the character {@code c}, followed by {@code next}, ends a line. In {@code \r\n} only the
     * {@code \n} ends the line, so the pair counts once. {@code next} may be -1 (end of input).
     */
    public static boolean endsLine(int c, int next) {
        return c == '\n' || (c == '\r' && next != '\n');
    }

    /** True when the text contains at least one line break. */
    public static boolean containsBreak(String text) {
        return text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0;
    }

    /** The lines of a text, without their line breaks; a text ending in a break ends with an empty line. */
    public static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            int next = i + 1 < text.length() ? text.charAt(i + 1) : -1;
            if (endsLine(text.charAt(i), next)) {
                int end = text.charAt(i) == '\n' && i > start && text.charAt(i - 1) == '\r' ? i - 1 : i;
                lines.add(text.substring(start, end));
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }
}
