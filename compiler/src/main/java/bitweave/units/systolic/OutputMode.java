package bitweave.units.systolic;

/**
 * {@code output held | direct} of a systolic array (dsl/LANGUAGE.md, dsl/INTERFACE.md): how the results
 * reach the out stream.
 */
public enum OutputMode {
    /**
     * The default. OS: every PE's result is copied into an ACC-wide held register at the tile's end, so
     * the next tile streams in while the out beat waits. WS: de-skew lines align y into one beat.
     */
    HELD,
    /**
     * No copy. OS: out_c reads the accumulators themselves, so the next tile's first beat waits until
     * the out beat has transferred. WS: no de-skew lines; lane c of out_y follows the beat by c
     * advancing cycles and the host de-skews.
     */
    DIRECT;

    public String dslName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
