package bitweave.ir;

/** What an accumulator does when an exact result does not fit its type (DOMAIN.md section 1). */
public enum OverflowPolicy {
    /** Keep the low bits (arithmetic modulo 2^width, reinterpreted in the type's signedness). */
    WRAP,
    /** Clamp to the type's minimum or maximum. */
    SATURATE;

    public String dslName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
