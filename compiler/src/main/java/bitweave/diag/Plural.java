package bitweave.diag;

/**
 * A count with its unit, in the right number: "1 cycle", "2 cycles", "1 weight matrix", "3 weight
 * matrices". Every message, CLI line and report that prints a count with a unit goes through here, so
 * none says "1 cycles".
 */
public final class Plural {
    private Plural() {
    }

    /** {@code n} and the unit; the plural is the singular plus "s". */
    public static String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** {@code n} and the unit, for units whose plural is not the singular plus "s". */
    public static String count(long n, String singular, String plural) {
        return n + " " + unit(n, singular, plural);
    }

    /** Just the unit in the number {@code n} calls for (1 and -1 take the singular). */
    public static String unit(long n, String singular, String plural) {
        return n == 1 || n == -1 ? singular : plural;
    }
}
