package bitweave.parse;

import bitweave.parse.antlr.BitweaveLexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayList;
import java.util.List;

/** How tokens are named in syntax error messages: words a user reads, not ANTLR's token names. */
final class TokenNames {
    private static final int MAX_QUOTED = 40;

    private TokenNames() {
    }

    /** The token that was found, e.g. {@code name 'foo'}, {@code number 3}, {@code '{'}, {@code end of line}. */
    static String found(Token token) {
        switch (token.getType()) {
            case Token.EOF:
                return "end of file";
            case BitweaveLexer.NL:
                return "end of line";
            case BitweaveLexer.ID:
                return "name " + quoteText(token.getText());
            case BitweaveLexer.INT:
                return "number " + shorten(token.getText());
            default:
                return quoteText(token.getText());
        }
    }

    /** A set of expected tokens, e.g. {@code '=' or end of line}. */
    static String expected(IntervalSet set, Vocabulary vocabulary) {
        List<String> names = new ArrayList<>();
        for (int type : set.toList()) {
            String name = expectedName(type, vocabulary);
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            return "something else";
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static String expectedName(int type, Vocabulary vocabulary) {
        switch (type) {
            case Token.EOF:
                return "end of file";
            case BitweaveLexer.NL:
                return "end of line";
            case BitweaveLexer.ID:
                return "a name";
            case BitweaveLexer.INT:
                return "a number";
            default:
                String literal = vocabulary.getLiteralName(type);
                return literal != null ? literal : vocabulary.getDisplayName(type);
        }
    }

    /** Quotes source text for a message, making invisible characters visible as escapes; a long text is cut. */
    static String quoteText(String text) {
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
    private static String shorten(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_QUOTED) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_QUOTED)) + "...";
    }
}
