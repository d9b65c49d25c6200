package bitweave.synth;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The synthesis flows {@code bitweave synth --target} accepts; each target owns its Yosys scripts. The generic
 * target counts gates and depth; the FPGA targets count their family's resources ({@link FpgaResources}) in
 * two flows each, with and without the DSP blocks.
 */
public enum SynthTarget {
    /**
     * Technology-independent: Yosys' generic synthesis, every flip-flop made a plain D flip-flop, then
     * ABC maps the logic to two-input NAND/NOR gates and inverters, whose counts and longest path are the
     * figures of DOMAIN.md §2.4.
     */
    GENERIC("generic"),
    /** Lattice iCE40: {@code synth_ice40} with the UltraPlus DSPs (SB_MAC16) and without (HX/LP parts have none). */
    ICE40("ice40"),
    /** Xilinx 7-series: {@code synth_xilinx} out of context (no I/O buffers), with DSP48E1s and with -nodsp. */
    XILINX("xilinx");

    private final String spelling;

    SynthTarget(String spelling) {
        this.spelling = spelling;
    }

    public String spelling() {
        return spelling;
    }

    /** Whether the target is an FPGA family (a resource table), not the generic gate count. */
    public boolean fpga() {
        return this != GENERIC;
    }

    /** One Yosys run of an FPGA target: a name for its files, a label for the table, its commands. */
    public record FpgaFlow(String name, String label, List<String> commands) {
    }

    /** The FPGA target's two runs, with the DSP blocks first. */
    public List<FpgaFlow> fpgaFlows(String top) {
        return switch (this) {
            case GENERIC -> throw new IllegalStateException("generic is not an FPGA target");
            case ICE40 -> List.of(
                    new FpgaFlow("dsp", "with DSPs", List.of("synth_ice40 -top " + top + " -dsp", "stat")),
                    new FpgaFlow("nodsp", "LUTs only", List.of("synth_ice40 -top " + top, "stat")));
            case XILINX -> List.of(
                    new FpgaFlow("dsp", "with DSPs", List.of("synth_xilinx -top " + top + " -flatten -noiopad", "stat")),
                    new FpgaFlow("nodsp", "without DSPs",
                            List.of("synth_xilinx -top " + top + " -flatten -noiopad -nodsp", "stat")));
        };
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
            case ICE40, XILINX -> throw new IllegalStateException(spelling + " runs fpgaFlows");
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
