package bitweave.cosim;

/**
 * The first output beat that differed from the expected one.
 *
 * @param vector      Beat.vector of the expected beat (for an extra beat: of the last expected beat)
 * @param cycle       clock cycle of the transfer, counted from the start of reset
 * @param port        the first differing port, e.g. {@code out_sum}; {@code out_valid} for an extra beat
 * @param expectedHex expected value, {@code 0x} and ceil(width/4) hex digits
 * @param actualHex   value the RTL produced, same form
 * @param beat        index of the output beat (0-based)
 * @param extraBeat   true when the RTL produced a beat after the last expected one
 */
public record Mismatch(int vector, long cycle, String port, String expectedHex, String actualHex, long beat,
                       boolean extraBeat) {
}
