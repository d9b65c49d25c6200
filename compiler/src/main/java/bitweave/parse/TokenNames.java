package bitweave.parse;

import bitweave.diag.QuotedText;

import bitweave.parse.antlr.BitweaveLexer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.misc.IntervalSet;

import java.util.ArrayList;
import java.util.List;

/** How tokens are named in syntax error messages: words a user reads, not ANTLR's token names. */
final class TokenNames {

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
                return "number " + QuotedText.shorten(token.getText());
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

    /** Quotes source text for a message (see {@link QuotedText#of}). */
    static String quoteText(String text) {
        return QuotedText.of(text);
    }
}
