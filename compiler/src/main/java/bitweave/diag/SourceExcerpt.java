package bitweave.diag;

/**
 * The source line under a diagnostic and the caret line that points into it.
 * <ul>
 *   <li>Columns count code points, as the lexer does (an emoji is one column, not two UTF-16 chars).</li>
 *   <li>The caret line copies tabs and leaves out zero-width characters (combining marks, format
 *       characters); wide characters (CJK, emoji) get two spaces, so the caret lines up on a terminal.</li>
 *   <li>Control characters other than tab are echoed as U+FFFD, so the echo never drives the terminal.</li>
 *   <li>A line longer than {@link #MAX_SHOWN} code points is cut to a window around the column, with
 *       "..." where text was left out: a 40,000-character line is not printed once per error.</li>
 * </ul>
 *
 * @param text  the line as shown (possibly cut)
 * @param caret spaces (and tabs) up to the column, then '^'
 */
public record SourceExcerpt(String text, String caret) {
    /** At most this many code points of a line are shown. */
    public static final int MAX_SHOWN = 100;
    private static final String CUT = "...";

    /** @param col the 1-based column (in code points); may point just past the end of the line */
    public static SourceExcerpt of(String line, int col) {
        int[] cps = line.codePoints().toArray();
        int at = Math.max(0, Math.min(col - 1, cps.length));
        int from = 0;
        int to = cps.length;
        if (cps.length > MAX_SHOWN) {
            from = Math.max(0, at - MAX_SHOWN / 2);
            to = Math.min(cps.length, from + MAX_SHOWN);
            from = Math.max(0, to - MAX_SHOWN);
        }
        StringBuilder text = new StringBuilder();
        StringBuilder caret = new StringBuilder();
        if (from > 0) {
            text.append(CUT);
            caret.append(" ".repeat(CUT.length()));
        }
        for (int i = from; i < to; i++) {
            int shown = shown(cps[i]);
            text.appendCodePoint(shown);
            if (i < at) {
                caret.append(padding(shown));
            }
        }
        if (to < cps.length) {
            text.append(CUT);
        }
        return new SourceExcerpt(text.toString(), caret.append('^').toString());
    }

    /**
     * The character as echoed: a control character other than tab (a stray escape, bell or C1 code in
     * the file) would act on the terminal instead of showing, so it is echoed as U+FFFD, one column
     * wide; the message itself names it as an escape (QuotedText).
     */
    private static int shown(int cp) {
        return cp != '\t' && Character.isISOControl(cp) ? 0xFFFD : cp;
    }

    /** What goes under one character in the caret line so the next one lines up. */
    private static String padding(int cp) {
        if (cp == '\t') {
            return "\t";
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
            return "";
        }
        return isWide(cp) ? "  " : " ";
    }

    /**
     * Characters a terminal draws two columns wide: the East Asian wide and fullwidth blocks and the
     * emoji blocks. An approximation of Unicode's East Asian Width property (Java has no table of it).
     */
    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F)       // Hangul Jamo leading consonants
                || (cp >= 0x2E80 && cp <= 0x303E)   // CJK radicals, punctuation
                || (cp >= 0x3041 && cp <= 0x33FF)   // kana, CJK compatibility
                || (cp >= 0x3400 && cp <= 0x4DBF)   // CJK extension A
                || (cp >= 0x4E00 && cp <= 0x9FFF)   // CJK unified ideographs
                || (cp >= 0xA000 && cp <= 0xA4CF)   // Yi
                || (cp >= 0xAC00 && cp <= 0xD7A3)   // Hangul syllables
                || (cp >= 0xF900 && cp <= 0xFAFF)   // CJK compatibility ideographs
                || (cp >= 0xFE30 && cp <= 0xFE4F)   // CJK compatibility forms
                || (cp >= 0xFF01 && cp <= 0xFF60)   // fullwidth forms
                || (cp >= 0xFFE0 && cp <= 0xFFE6)
                || (cp >= 0x1F300 && cp <= 0x1F64F) // pictographs, emoticons
                || (cp >= 0x1F680 && cp <= 0x1F6FF) // transport and map symbols
                || (cp >= 0x1F900 && cp <= 0x1F9FF) // supplemental pictographs
                || (cp >= 0x20000 && cp <= 0x3FFFD); // CJK extensions B and later
    }
}
