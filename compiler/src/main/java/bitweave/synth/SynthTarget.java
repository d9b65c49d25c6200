package bitweave.synth;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The synthesis flows {@code bitweave synth --target} accepts. Only {@code generic} exists today (FPGA
 * targets come later); each target owns its Yosys script.
 */
public enum SynthTarget {
    /**
     * Technology-independent: Yosys' generic synthesis, every flip-flop made a plain D flip-flop, then
     * ABC maps the logic to two-input NAND/NOR gates and inverters, whose counts and longest path are the
     * figures of DOMAIN.md §2.4.
     */
    GENERIC("generic");

    private final String spelling;

    SynthTarget(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    public static Optional<SynthTarget> parse(String text) {
        return Arrays.stream(values()).filter(t -> t.spelling.equals(text)).findFirst();
    }

    public static List<String> spellings() {
        return Arrays.stream(values()).map(SynthTarget::spelling).toList();
    }

    /**
     * The Yosys commands after the RTL is read. Flip-flops: {@code synth} keeps enable and reset inside
     * the flip-flop cells ($_SDFFE_PP0P_, $_SDFF_PP0_, ...); {@code dfflegalize -cell $_DFF_P_ 01} turns
     * every one into a plain rising-edge $_DFF_P_ with the enable multiplexer and the reset gating in
     * front of it, before ABC, so that logic is counted in NAND/NOR/NOT (and in the depth) and DFF
     * counts plain flip-flops only. An enable/reset flop is thus charged 5 GE plus its gates, not a
     * bigger cell (the issue-6 convention; it makes reset-free and enable-free registers visibly cheaper).
     *
     * @param fastAbc a short ABC script for the gate mapping ({@link #FAST_ABC}): it finishes on designs where the
     *                full script runs for an hour (measured: a block_dot of mxint8, 38k cells before ABC, 37 s with
     *                it, unfinished after 50 min without)
     */
    /**
     * The short script: hash, one fraiging pass (merges functionally equivalent nodes, which is most of what the
     * full script gains on wide datapaths), mapping; it leaves out the full script's scorr, dc2 and dch/&amp;nf
     * rounds. Measured on a block_dot of mxfp4: about 15% more gates than the full script; ABC's own
     * {@code -fast} (no fraiging) gave three times as many.
     */
    public static final String FAST_ABC = "abc -g cmos2 -script +strash;ifraig;dretime;strash;map";

    List<String> commands(String top, boolean fastAbc) {
        return switch (this) {
            case GENERIC -> List.of(
                    "synth -top " + top + " -flatten",
                    "dfflegalize -cell $_DFF_P_ 01",
                    fastAbc ? FAST_ABC : "abc -g cmos2",
                    "opt_clean",
                    "stat -tech cmos",
                    "ltp -noff");
        };
    }
}
