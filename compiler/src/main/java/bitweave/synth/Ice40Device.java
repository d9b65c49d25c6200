package bitweave.synth;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The iCE40 parts nextpnr-ice40 0.4 places on ({@code --<spelling>}), each with the package Bitweave picks when
 * none is given (the part's common board or its smallest common package) and the packages nextpnr accepts for it
 * (measured: any other is "Unsupported package"). {@code die} names the part's pin table in {@link Ice40Pins}:
 * the HX/LP 4K parts are the 8K die in other packages (nextpnr's {@code tq144:4k} packages of the 8K parts
 * are the same bond-out).
 */
public enum Ice40Device {
    LP384("lp384", "qn32", false, "384", List.of("qn32", "cm36", "cm49")),
    LP1K("lp1k", "cm49", false, "1k", List.of("swg16tr", "cm36", "cm49", "cm81", "cm121", "cb81", "cb121", "cb132", "qn84", "tq144", "vq100")),
    HX1K("hx1k", "tq144", false, "1k", List.of("swg16tr", "cm36", "cm49", "cm81", "cm121", "cb81", "cb121", "cb132", "qn84", "tq144", "vq100")),
    LP4K("lp4k", "cm81", false, "4k", List.of("cm81", "cm121", "cb132", "tq144", "bg121", "cm225")),
    HX4K("hx4k", "tq144", false, "4k", List.of("cm81", "cm121", "cb132", "tq144", "bg121", "cm225")),
    LP8K("lp8k", "cm81", false, "8k", List.of("cm81", "cm121", "cb132", "bg121", "cm225", "ct256", "tq144:4k", "cb132:4k")),
    HX8K("hx8k", "ct256", false, "8k", List.of("cm81", "cm121", "cb132", "bg121", "cm225", "ct256", "tq144:4k", "cb132:4k")),
    UP3K("up3k", "sg48", false, "5k", List.of("sg48", "uwg30")),
    UP5K("up5k", "sg48", true, "5k", List.of("sg48", "uwg30")),
    U4K("u4k", "sg48", true, "u4k", List.of("sg48"));

    /** The default part: the UltraPlus of the iCEBreaker and UPduino boards. */
    public static final Ice40Device DEFAULT = UP5K;

    private final String spelling;
    private final String defaultPackage;
    private final boolean dsp;
    private final String die;
    private final List<String> packages;

    Ice40Device(String spelling, String defaultPackage, boolean dsp, String die, List<String> packages) {
        this.spelling = spelling;
        this.defaultPackage = defaultPackage;
        this.dsp = dsp;
        this.die = die;
        this.packages = packages;
    }

    public String spelling() {
        return spelling;
    }

    public String defaultPackage() {
        return defaultPackage;
    }

    /** Whether the part has SB_MAC16 DSP blocks, so Yosys may map multipliers to them ({@code synth_ice40 -dsp}). */
    public boolean hasDsp() {
        return dsp;
    }

    /** The packages nextpnr-ice40 accepts for this part. */
    public List<String> packages() {
        return packages;
    }

    /** The key of the part's pin table for {@code pkg} in ice40-pins.txt. */
    String pinTableKey(String pkg) {
        // "8k-tq144:4k" is icebox's name of the 4K bond-out; the 4K parts spell it "tq144".
        return switch (die) {
            case "4k" -> "8k-" + pkg + ":4k";
            default -> die + "-" + pkg;
        };
    }

    public static Optional<Ice40Device> parse(String text) {
        return Arrays.stream(values()).filter(d -> d.spelling.equals(text)).findFirst();
    }

    public static List<String> spellings() {
        return Arrays.stream(values()).map(Ice40Device::spelling).toList();
    }
}
