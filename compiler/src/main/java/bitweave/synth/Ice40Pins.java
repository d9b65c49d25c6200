package bitweave.synth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The I/O pins of each iCE40 package (ice40-pins.txt, taken from icestorm's pin table, icebox.py pinloc_db) and
 * the two boards whose clock pin Bitweave knows. A pin constraint file ({@link #pcf}) puts every port bit of a top
 * module on a pin in a fixed order, so the same top gives the same file on every machine.
 */
public final class Ice40Pins {
    private static final String RESOURCE = "bitweave/synth/ice40-pins.txt";
    private static final Map<String, List<String>> TABLE = load();
    private static final Pattern PIN = Pattern.compile("([A-Z]*)(\\d+)");
    /** Pins in the order the constraint file uses them: by row letter (none for QFN/TQFP numbers), then by number. */
    static final Comparator<String> PIN_ORDER = Comparator.comparing((String p) -> split(p).group(1))
            .thenComparingInt(p -> Integer.parseInt(split(p).group(2)));

    private Ice40Pins() {
    }

    /**
     * A board built around a part in a package: its oscillator's pin (where a port {@code clk} goes) and the pins
     * it wires to the configuration flash (SPI SO, SI, SCK, SS: the last two I/O tiles of the bottom bank), which a
     * design should leave alone.
     */
    public record Board(String name, Ice40Device device, String pkg, String clockPin, Set<String> reserved) {
    }

    public static final List<Board> BOARDS = List.of(
            new Board("iCEBreaker", Ice40Device.UP5K, "sg48", "35", Set.of("14", "15", "16", "17")),
            new Board("iCE40-HX8K breakout", Ice40Device.HX8K, "ct256", "J3", Set.of("P11", "P12", "R11", "R12")));

    public static Optional<Board> board(Ice40Device device, String pkg) {
        return BOARDS.stream().filter(b -> b.device() == device && b.pkg().equals(pkg)).findFirst();
    }

    /** The package's I/O pins in {@link #PIN_ORDER}; empty when Bitweave has no table for it. */
    public static Optional<List<String>> pins(Ice40Device device, String pkg) {
        return Optional.ofNullable(TABLE.get(device.pinTableKey(pkg))).map(p -> p.stream().sorted(PIN_ORDER).toList());
    }

    /** The pins a design's ports may take: the package's pins without a known board's clock and flash pins. */
    public static Optional<List<String>> freePins(Ice40Device device, String pkg) {
        Optional<Board> board = board(device, pkg);
        return pins(device, pkg).map(all -> all.stream().filter(p -> board.map(b -> !b.reserved().contains(p)
                && !b.clockPin().equals(p)).orElse(true)).toList());
    }

    /** A top-level port as nextpnr names its bits: {@code name} for one bit, {@code name[i]} for a bus. */
    public record PortBits(String name, String direction, int width) {
        List<String> bits() {
            if (width == 1) {
                return List.of(name);
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < width; i++) {
                out.add(name + "[" + i + "]");
            }
            return out;
        }
    }

    /** Thrown when the ports need more pins than the package offers; the caller says which design. */
    public static final class TooManyBits extends RuntimeException {
        final int bits;
        final int pins;

        TooManyBits(int bits, int pins) {
            super(bits + " port bits, " + pins + " pins");
            this.bits = bits;
            this.pins = pins;
        }

        public int bits() {
            return bits;
        }

        public int pins() {
            return pins;
        }
    }

    /**
     * The {@code set_io} lines of a pin constraint file: on a known board a 1-bit port {@code clk} on the board's
     * clock pin, then every other port bit (ports in the top's order, bits from 0 up) on the next free pin.
     *
     * @throws TooManyBits when there are more port bits than pins
     */
    public static List<String> setIoLines(Ice40Device device, String pkg, List<PortBits> ports) {
        List<String> free = freePins(device, pkg).orElseThrow(() -> new IllegalArgumentException(
                "no pin table for " + device.spelling() + " " + pkg));
        Optional<Board> board = board(device, pkg);
        List<String> lines = new ArrayList<>();
        List<String> bits = new ArrayList<>();
        boolean clockOnBoardPin = false;
        for (PortBits p : ports) {
            if (board.isPresent() && p.name().equals("clk") && p.width() == 1 && !clockOnBoardPin) {
                lines.add("set_io clk " + board.get().clockPin());
                clockOnBoardPin = true;
            } else {
                bits.addAll(p.bits());
            }
        }
        int available = free.size() + (clockOnBoardPin ? 1 : 0);
        if (bits.size() > free.size()) {
            throw new TooManyBits(bits.size() + (clockOnBoardPin ? 1 : 0), available);
        }
        for (int i = 0; i < bits.size(); i++) {
            lines.add("set_io " + bits.get(i) + " " + free.get(i));
        }
        return lines;
    }

    private static Matcher split(String pin) {
        Matcher m = PIN.matcher(pin);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an iCE40 pin name: " + pin);
        }
        return m;
    }

    private static Map<String, List<String>> load() {
        try (InputStream in = Ice40Pins.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the jar");
            }
            Map<String, List<String>> table = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                List<String> words = List.of(line.strip().split("\\s+"));
                table.put(words.get(0), words.subList(1, words.size()));
            }
            return Map.copyOf(table);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
