package bitweave.cli;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one grammar for integers on the command line (-P values, --vectors, --seed): an optional '-',
 * then ASCII decimal digits or 0x/0X and ASCII hex digits; nothing else, not even a space. Java's
 * own parsers are not used directly because they accept other scripts' digits (Long.parseLong("١٦")
 * is 16), which would make a typo in a command line silently mean something.
 */
final class IntegerArgument {
    // [0-9] and [0-9a-fA-F] are ASCII-only in java.util.regex (no UNICODE_CHARACTER_CLASS flag).
    private static final Pattern SYNTAX = Pattern.compile("(-?)(?:0[xX]([0-9a-fA-F]+)|([0-9]+))");

    private IntegerArgument() {
    }

    /** The value of {@code text}, or empty when it is not an integer in the grammar above. */
    static Optional<BigInteger> parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        BigInteger magnitude = m.group(2) != null ? new BigInteger(m.group(2), 16) : new BigInteger(m.group(3), 10);
        return Optional.of(m.group(1).isEmpty() ? magnitude : magnitude.negate());
    }

    /** Why {@code text} is not an integer, for a usage message. */
    static String syntaxHint() {
        return "expected an integer: ASCII digits, or 0x and hex digits, with an optional leading '-' and no spaces";
    }
}
