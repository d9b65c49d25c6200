package bitweave.synth;

import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.UserError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * iCE40 place-and-route of a top module whose RTL is on disk ({@code <top>_yosys.tcl} in {@code rtlDir}): Yosys'
 * {@code synth_ice40 -json}, a pin constraint file, nextpnr-ice40 with a fixed seed, and optionally icepack. The
 * caller chooses the top and the folder (a generated unit, or a wrapper around it), so nothing here knows a design.
 * Every file lands in {@code rtlDir}: {@code pnr-<device>-yosys.ys/.log}, {@code <top>.json}, {@code <top>_<device>.pcf},
 * {@code <top>.asc}, {@code pnr-<device>.log} and {@code <top>.bin}.
 */
public final class Pnr {
    /** nextpnr's placer is randomised; one fixed seed makes a run's placement, Fmax and bitstream repeatable. */
    public static final int SEED = 1;

    /** The I/O pins of the largest iCE40 package, hx8k ct256. */
    private static final int BIGGEST_PINS = Ice40Pins.pins(Ice40Device.HX8K, "ct256").map(List::size).orElse(0);

    private Pnr() {
    }

    /**
     * What to place and how.
     *
     * @param userPcf    a pin constraint file of the user's, used instead of the generated one
     * @param provenance the header lines of the generated constraint file
     * @param noDsp      map multipliers to LUTs even on a part with SB_MAC16 blocks (a unit needing more than the
     *                   part's 8 then places in logic cells)
     */
    public record Request(Path rtlDir, String top, Ice40Device device, String pkg, double freqMhz,
                          Optional<Path> userPcf, boolean bitstream, List<String> provenance, boolean noDsp) {
        /** A request that uses the part's DSP blocks when it has them. */
        public Request(Path rtlDir, String top, Ice40Device device, String pkg, double freqMhz,
                       Optional<Path> userPcf, boolean bitstream, List<String> provenance) {
            this(rtlDir, top, device, pkg, freqMhz, userPcf, bitstream, provenance, false);
        }

        /** Whether Yosys maps multipliers to the part's DSP blocks. */
        public boolean dsp() {
            return device.hasDsp() && !noDsp;
        }
    }

    /**
     * A placed and routed design.
     *
     * @param pcfFile   the generated constraint file's name in rtlDir, empty with a user's file
     * @param bitstream the bitstream's name in rtlDir, when asked for
     */
    public record Result(Request request, String nextpnrVersion, List<String> yosysCommands, List<String> nextpnrArgs,
                         int portBits, List<PnrLog.Utilisation> utilisation, List<PnrLog.ClockFmax> fmax,
                         List<PnrLog.MaxDelay> pinPaths,
                         Optional<String> pcfFile, String logFile, Optional<String> bitstream, Duration runTime) {
        /**
         * The bitstream's SHA-256 in hex (recorded in the JSON, so a later run knows an OUT/{@code <top>.bin} as the
         * one Bitweave wrote: a bitstream has no room for a provenance header).
         */
        public Optional<String> bitstreamSha256() {
            return bitstream.map(name -> sha256(request.rtlDir().resolve(name)));
        }
    }

    /** The SHA-256 of a file's bytes, in lower-case hex. */
    public static String sha256(Path file) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this JVM", e);
        } catch (java.io.IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot read " + file + ": " + bitweave.diag.IoReason.of(e));
        }
    }

    public static String logName(Ice40Device device) {
        return "pnr-" + device.spelling() + ".log";
    }

    public static String pcfName(String top, Ice40Device device) {
        return top + "_" + device.spelling() + ".pcf";
    }

    /**
     * Fails at once (E0908) when the top has more port bits than the package has pins for them, from the elaborated
     * ports only ({@code hierarchy; proc; write_json}: well under a second), so a raw array does not wait for the
     * minutes of LUT mapping before being told. Nothing to check with a user's pin file or without a pin table.
     */
    public static void checkPins(Yosys yosys, Request req) {
        if (req.userPcf().isPresent() || Ice40Pins.pins(req.device(), req.pkg()).isEmpty()) {
            return;
        }
        String json = req.top() + "_ports.json";
        Synthesis.runScript(yosys, SynthTarget.ICE40, req.top(), req.rtlDir(),
                List.of("hierarchy -top " + req.top(), "proc", "write_json " + json), "pnr-" + req.device().spelling() + "-ports");
        pinLines(req, ports(req.rtlDir().resolve(json), req.top()));
    }

    public static Result run(Yosys yosys, Ice40Tools tools, Request req, Consumer<String> progress) {
        long start = System.nanoTime();
        Path dir = req.rtlDir();
        String top = req.top();
        Ice40Device device = req.device();
        String json = top + ".json";
        List<String> yosysCommands = List.of("synth_ice40 -top " + top + (req.dsp() ? " -dsp" : "") + " -json " + json);
        progress.accept("yosys: ice40 for place-and-route on " + device.spelling()
                + (req.dsp() ? " (with DSPs)" : " (LUTs only)"));
        Synthesis.runScript(yosys, SynthTarget.ICE40, top, dir, yosysCommands, "pnr-" + device.spelling() + "-yosys");
        List<Ice40Pins.PortBits> ports = ports(dir.resolve(json), top);
        int portBits = ports.stream().mapToInt(Ice40Pins.PortBits::width).sum();

        Optional<String> pcfFile = Optional.empty();
        String pcfArg = null;
        if (req.userPcf().isPresent()) {
            pcfArg = req.userPcf().get().toAbsolutePath().toString();
        } else if (Ice40Pins.pins(device, req.pkg()).isPresent()) {
            String name = pcfName(top, device);
            write(dir.resolve(name), pcf(req, ports));
            pcfFile = Optional.of(name);
            pcfArg = name;
        }

        List<String> args = nextpnrArgs(req, pcfArg);
        String version = tools.nextpnrVersion(dir);
        progress.accept("nextpnr: placing " + top + " on " + device.spelling() + " " + req.pkg());
        Ice40Tools.Run run = tools.nextpnr(dir, args, logName(device));
        List<PnrLog.Utilisation> utilisation = PnrLog.utilisation(run.log());
        if (run.exit() != 0) {
            throw failure(req, run, utilisation, portBits);
        }
        if (utilisation.isEmpty()) {
            throw new UserError(ErrorCode.PNR_OUTPUT_UNEXPECTED, "nextpnr-ice40 placed " + top + " but its log "
                    + run.logFile() + " has no 'Device utilisation:' block; another nextpnr version?");
        }
        List<PnrLog.ClockFmax> fmax = PnrLog.fmax(run.log());

        Optional<String> bin = Optional.empty();
        if (req.bitstream()) {
            progress.accept("icepack: " + top + ".bin");
            Ice40Tools.Run pack = tools.icepack(dir, top + ".asc", top + ".bin", "icepack-" + device.spelling() + ".log");
            if (pack.exit() != 0 || !Files.isRegularFile(dir.resolve(top + ".bin"))) {
                throw new UserError(ErrorCode.PNR_FAILED, "icepack failed to pack " + top + ".asc (exit " + pack.exit()
                        + "); last lines of " + pack.logFile() + ":\n" + pack.tail().indent(2).stripTrailing());
            }
            bin = Optional.of(top + ".bin");
        }
        // As recorded, a user's constraint file is named without its directory (generated files hold no paths).
        List<String> shownArgs = nextpnrArgs(req, req.userPcf().map(p -> p.getFileName().toString()).orElse(pcfArg));
        return new Result(req, version, yosysCommands, shownArgs, portBits, utilisation, fmax, PnrLog.maxDelays(run.log()), pcfFile,
                logName(device), bin, Duration.ofNanos(System.nanoTime() - start));
    }

    private static List<String> nextpnrArgs(Request req, String pcf) {
        String top = req.top();
        List<String> args = new ArrayList<>(List.of("--" + req.device().spelling(), "--package", req.pkg(),
                "--json", top + ".json"));
        if (pcf != null) {
            args.addAll(List.of("--pcf", pcf));
        }
        args.addAll(List.of("--asc", top + ".asc", "--freq", mhz(req.freqMhz()), "--seed", Integer.toString(SEED),
                "--timing-allow-fail"));
        return args;
    }

    /** nextpnr's --freq argument: MHz without a trailing ".0" for whole numbers. */
    static String mhz(double freq) {
        return freq == Math.rint(freq) ? Long.toString((long) freq) : String.format(Locale.ROOT, "%s", freq);
    }

    /** The generated constraint file: header, how the pins were chosen, then the set_io lines. */
    private static String pcf(Request req, List<Ice40Pins.PortBits> ports) {
        List<String> lines = pinLines(req, ports);
        StringBuilder sb = new StringBuilder();
        req.provenance().forEach(l -> sb.append("# ").append(l).append('\n'));
        Optional<Ice40Pins.Board> board = Ice40Pins.board(req.device(), req.pkg());
        sb.append("# Pins of ").append(req.top()).append(" on ").append(req.device().spelling()).append(' ')
                .append(req.pkg()).append(board.map(b -> " (" + b.name() + ": clk on its clock pin " + b.clockPin()
                        + ", flash pins " + String.join(" ", b.reserved().stream().sorted(Ice40Pins.PIN_ORDER).toList())
                        + " left free)").orElse("")).append(".\n");
        sb.append("# Port bits in the top's port order, bit 0 first, on the package's pins in order; edit the pins\n")
                .append("# for your board and pass the file back with --pcf.\n");
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    private static List<String> pinLines(Request req, List<Ice40Pins.PortBits> ports) {
        try {
            return Ice40Pins.setIoLines(req.device(), req.pkg(), ports);
        } catch (Ice40Pins.TooManyBits e) {
            throw tooManyPins(req, e.bits(), e.pins());
        }
    }

    private static UserError tooManyPins(Request req, int bits, int pins) {
        return new UserError(ErrorCode.PNR_TOO_MANY_PINS, req.top() + " has " + bits + " port bits but the "
                + req.device().spelling() + " " + req.pkg() + " package has " + pins + " I/O pins for them"
                + Ice40Pins.board(req.device(), req.pkg()).map(b -> " (" + b.name() + ": clk on " + b.clockPin() + ", "
                + b.reserved().size() + " flash pins kept free)").orElse("")
                + "; behind the AXI4-Stream wrapper (--wrap axis, 8-bit tdata) a unit needs 24 port bits with one input"
                + " stream, 35 with two"
                + (bits <= BIGGEST_PINS ? ", or a bigger package (the biggest, hx8k ct256, has " + BIGGEST_PINS + " pins)" : ""));
    }

    /** Why nextpnr stopped: resources the design needs more of than the part has, or its first error. */
    static UserError failure(Request req, Ice40Tools.Run run, List<PnrLog.Utilisation> utilisation, int portBits) {
        String where = req.device().spelling() + " " + req.pkg();
        List<String> over = new ArrayList<>();
        utilisation.stream().filter(PnrLog.Utilisation::overused).forEach(u -> over.add(u.resource() + " " + u.used()
                + " used, " + u.available() + " available"));
        Optional<String> exhausted = PnrLog.exhaustedType(run.log());
        if (exhausted.isPresent() && utilisation.stream().noneMatch(u -> u.resource().equals(exhausted.get()))) {
            over.add(exhausted.get() + " needed, the " + req.device().spelling() + " has none");
        }
        if (over.isEmpty() && PnrLog.firstError(run.log()).filter(e -> e.contains("$sb_io'")).isPresent()) {
            int pins = Ice40Pins.pins(req.device(), req.pkg()).map(List::size).orElse(-1);
            over.add("SB_IO " + portBits + " port bits, the package has " + (pins < 0 ? "fewer" : pins) + " I/O pins");
        }
        if (!over.isEmpty()) {
            return new UserError(ErrorCode.PNR_DOES_NOT_FIT, req.top() + " does not fit the " + where + ": "
                    + String.join("; ", over) + " (nextpnr-ice40: " + PnrLog.firstError(run.log()).orElse("exit " + run.exit())
                    + "; log " + run.logFile() + ")"
                    + (over.stream().anyMatch(o -> o.startsWith("ICESTORM_DSP ")) && req.dsp()
                            ? "; --pnr-no-dsp maps the multipliers to logic cells instead" : ""));
        }
        return new UserError(ErrorCode.PNR_FAILED, "nextpnr-ice40 failed to place " + req.top() + " on " + where
                + " (exit " + run.exit() + "); last lines of " + run.logFile() + ":\n" + run.tail().indent(2).stripTrailing());
    }

    /** The top's ports from Yosys' JSON netlist, in port order (Yosys writes them so). */
    static List<Ice40Pins.PortBits> ports(Path json, String top) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json.toFile());
        } catch (IOException e) {
            throw new UserError(ErrorCode.PNR_OUTPUT_UNEXPECTED, "cannot read Yosys' netlist " + json + ": " + IoReason.of(e));
        }
        JsonNode ports = root.path("modules").path(top).path("ports");
        if (!ports.isObject()) {
            throw new UserError(ErrorCode.PNR_OUTPUT_UNEXPECTED, "Yosys' netlist " + json + " has no module " + top
                    + " with ports");
        }
        List<Ice40Pins.PortBits> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = ports.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            out.add(new Ice40Pins.PortBits(p.getKey(), p.getValue().path("direction").asText(),
                    p.getValue().path("bits").size()));
        }
        return out;
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot write " + file + ": " + IoReason.of(e));
        }
    }
}
