package bitweave.cli;

import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.UserError;
import bitweave.emit.GeneratedFile;
import bitweave.output.OutputWriter;
import bitweave.synth.Ice40Device;
import bitweave.synth.Ice40Pins;
import bitweave.synth.Ice40Tools;
import bitweave.synth.Pnr;
import bitweave.synth.PnrLog;
import bitweave.synth.SynthTarget;
import bitweave.synth.Yosys;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The place-and-route part of {@code bitweave synth --target ice40 --pnr}: its options, the run on the compiled
 * top, the printed block and the files it adds to {@code -o OUT}. Kept apart from SynthCommand, which only calls it.
 */
final class SynthPnr {
    /** The iCEBreaker's and UPduino's oscillator: a design that meets it runs on those boards as it is. */
    static final double DEFAULT_FREQ_MHZ = 12;
    private static final double MAX_FREQ_MHZ = 1000;

    /** What the options asked for; the tools are located before any Yosys run, so a missing one fails at once. */
    record Settings(Ice40Device device, String pkg, double freqMhz, Optional<Path> pcf, boolean bitstream,
                    Ice40Tools tools, boolean noDsp) {
    }

    private SynthPnr() {
    }

    static void addOptions(Options options) {
        options.addOption(Option.builder().longOpt("pnr").desc("--target ice40: also place and route with nextpnr-ice40"
                + " and print the utilisation and the maximum frequency; without --wrap or --pcf, a unit whose ports exceed"
                + " the package's pins is placed behind the AXI4-Stream wrapper (--wrap axis) and the first line says so").get());
        options.addOption(Option.builder().longOpt("device").hasArg().argName("D").desc("--pnr: the iCE40 part, one of "
                + String.join(", ", Ice40Device.spellings()) + " (default " + Ice40Device.DEFAULT.spelling() + ")").get());
        options.addOption(Option.builder().longOpt("package").hasArg().argName("P").desc("--pnr: the part's package"
                + " (default: up5k sg48, the iCEBreaker's; hx8k ct256, the HX8K breakout's; see README)").get());
        options.addOption(Option.builder().longOpt("freq").hasArg().argName("MHZ").desc("--pnr: the target clock"
                + " frequency in MHz (default 12); a miss is reported as FAIL, not an error").get());
        options.addOption(Option.builder().longOpt("pcf").hasArg().argName("FILE").desc("--pnr: your pin constraint"
                + " file (set_io lines) instead of the generated <top>_<device>.pcf").get());
        options.addOption(Option.builder().longOpt("bitstream").desc("--pnr: also pack the bitstream with icepack into"
                + " OUT/<top>.bin (needs -o)").get());
        options.addOption(Option.builder().longOpt("pnr-no-dsp").desc("--pnr: map the multipliers to logic cells even on"
                + " a part with DSP blocks (up5k/u4k have 8: a unit with more places only this way)").get());
    }

    /** The settings when --pnr is given; the other place-and-route options without it are usage errors. */
    static Optional<Settings> parse(CommandLine cl, SynthTarget target, Path out) throws UsageException {
        if (!cl.hasOption("pnr")) {
            for (String o : List.of("device", "package", "freq", "pcf", "bitstream", "pnr-no-dsp")) {
                if (cl.hasOption(o)) {
                    throw new UsageException("--" + o + " needs --pnr");
                }
            }
            return Optional.empty();
        }
        if (target != SynthTarget.ICE40) {
            throw new UsageException("--pnr places on iCE40 parts only (nextpnr-ice40); use --target ice40");
        }
        String deviceName = cl.getOptionValue("device", Ice40Device.DEFAULT.spelling());
        Ice40Device device = Ice40Device.parse(deviceName).orElseThrow(() -> new UsageException("--device "
                + PathArgument.shown(deviceName) + ": unknown iCE40 part; accepted: " + String.join(", ", Ice40Device.spellings())));
        String pkg = cl.getOptionValue("package", device.defaultPackage());
        if (!device.packages().contains(pkg)) {
            throw new UsageException("--package " + PathArgument.shown(pkg) + ": nextpnr-ice40 has no such package for "
                    + device.spelling() + "; accepted: " + String.join(", ", device.packages()));
        }
        double freq = freq(cl.getOptionValue("freq"));
        Optional<Path> pcf = Optional.empty();
        if (cl.hasOption("pcf")) {
            Path p = PathArgument.of("--pcf", cl.getOptionValue("pcf"));
            if (!Files.isRegularFile(p)) {
                throw new UserError(ErrorCode.SOURCE_NOT_FOUND, "--pcf " + cl.getOptionValue("pcf")
                        + (Files.exists(p) ? ": not a regular file" : ": no such file"));
            }
            pcf = Optional.of(p);
        }
        boolean bitstream = cl.hasOption("bitstream");
        if (bitstream && out == null) {
            throw new UsageException("--bitstream writes <top>.bin into the output folder; give -o OUT");
        }
        return Optional.of(new Settings(device, pkg, freq, pcf, bitstream, Ice40Tools.locate(System.getenv(), bitstream),
                cl.hasOption("pnr-no-dsp")));
    }

    private static double freq(String text) throws UsageException {
        if (text == null) {
            return DEFAULT_FREQ_MHZ;
        }
        // decimal only: Double.parseDouble would also take "12f", "12d" and hex floats
        if (!text.matches("[0-9]+(\\.[0-9]+)?")) {
            throw new UsageException("--freq " + PathArgument.shown(text) + ": not a number of MHz (e.g. 12 or 48.5)");
        }
        double f = Double.parseDouble(text);
        if (!(f > 0 && f <= MAX_FREQ_MHZ)) {
            throw new UsageException("--freq " + PathArgument.shown(text) + ": outside 0 < MHZ <= " + (int) MAX_FREQ_MHZ);
        }
        return f;
    }

    static Pnr.Request request(Settings s, Path rtlDir, String top, List<String> provenance) {
        return new Pnr.Request(rtlDir, top, s.device(), s.pkg(), s.freqMhz(), s.pcf(), s.bitstream(), provenance,
                s.noDsp());
    }

    /**
     * The pins the generated pin file can give the top's ports on the settings' package (the board's clock pin
     * included); empty with the user's pin file or a package without a pin table, where nextpnr decides.
     */
    static Optional<Integer> pinsForPorts(Settings s) {
        if (s.pcf().isPresent()) {
            return Optional.empty();
        }
        return Ice40Pins.freePins(s.device(), s.pkg())
                .map(free -> free.size() + (Ice40Pins.board(s.device(), s.pkg()).isPresent() ? 1 : 0));
    }

    /**
     * "The flow wraps it so that it places" (issue 9): with --pnr and no --wrap, a unit whose ports need more pins than
     * the package has goes behind the AXI4-Stream wrapper of the default width; a unit the wrapper cannot carry stays
     * as it is (the pin check then names both numbers).
     */
    static Optional<bitweave.wrap.AxisWrap> wrapToFit(Settings s, bitweave.ir.TopInterface unit, PrintStream o) {
        Optional<Integer> pins = pinsForPorts(s);
        if (pins.isEmpty() || unit.portBits() <= pins.get()) {
            return Optional.empty();
        }
        bitweave.wrap.AxisWrap wrap;
        try {
            wrap = bitweave.wrap.AxisWrap.of(unit, bitweave.wrap.AxisWrap.DEFAULT_WIDTH);
        } catch (UserError notWrappable) {
            return Optional.empty();
        }
        o.println("pnr: the top's " + unit.portBits() + " port bits exceed the " + pins.get() + " pins of "
                + s.device().spelling() + " " + s.pkg() + ": placing it behind the AXI4-Stream wrapper (--wrap axis,"
                + " " + wrap.tdataWidth() + "-bit tdata, " + wrap.wrapped().portBits() + " port bits)");
        return Optional.of(wrap);
    }

    /** Too many port bits for the package is known before any synthesis: say so before the resource flows run. */
    static void checkPins(Settings s, Yosys yosys, Path rtlDir, String top) {
        Pnr.checkPins(yosys, request(s, rtlDir, top, List.of()));
    }

    static Pnr.Result run(Settings s, Yosys yosys, Path rtlDir, String top, List<String> provenance, Progress progress) {
        return Pnr.run(yosys, s.tools(), request(s, rtlDir, top, provenance), progress);
    }

    /** The utilisation rows the design uses (a part has a dozen kinds of hard block) and one line per clock. */
    static void print(PrintStream o, Pnr.Result r) {
        Pnr.Request req = r.request();
        o.println("pnr " + req.top() + " on " + req.device().spelling() + " " + req.pkg()
                + Ice40Pins.board(req.device(), req.pkg()).map(b -> " (" + b.name() + ")").orElse("") + ", "
                + r.nextpnrVersion().replaceFirst(" -- Next Generation Place and Route", "") + ", seed " + Pnr.SEED
                + ", pins " + r.pcfFile().orElse(req.userPcf().map(p -> p.getFileName().toString()).orElse("placed by nextpnr")));
        for (PnrLog.Utilisation u : r.utilisation()) {
            if (u.used() > 0 || u.resource().equals("ICESTORM_LC")) {
                o.printf("  %-14s %6d / %6d  %3d%%%n", u.resource(), u.used(), u.available(), u.percent());
            }
        }
        if (r.fmax().isEmpty()) {
            o.println("  no clock: nothing to time");
        }
        for (PnrLog.ClockFmax f : r.fmax()) {
            o.printf(Locale.ROOT, "  Fmax %-8s %8.2f MHz  (%s at %.2f MHz)%n", f.port(), f.mhz(), f.pass() ? "PASS" : "FAIL",
                    f.targetMhz());
        }
        if (!r.pinPaths().isEmpty()) {
            // nextpnr times pin paths without external delays; the Fmax above leaves them out
            o.println("  pin paths " + String.join(", ", r.pinPaths().stream()
                    .map(d -> String.format(Locale.ROOT, "%s %.2f ns", d.label(), d.ns())).toList())
                    + "  (not in Fmax)");
        }
        r.bitstream().ifPresent(b -> o.println("  bitstream " + b));
        o.printf(Locale.ROOT, "  pnr time %.1f s%n", r.runTime().toMillis() / 1000.0);
    }

    /**
     * The text files the run adds to OUT: the Yosys script, the generated pin file and nextpnr's log (behind a
     * provenance line, so a later run may replace it).
     */
    static List<GeneratedFile> outputs(Pnr.Result r, Path rtlDir, List<String> provenance) throws IOException {
        List<GeneratedFile> files = new ArrayList<>();
        String ys = "pnr-" + r.request().device().spelling() + "-yosys.ys";
        files.add(new GeneratedFile(ys, Files.readString(rtlDir.resolve(ys))));
        if (r.pcfFile().isPresent()) {
            files.add(new GeneratedFile(r.pcfFile().get(), Files.readString(rtlDir.resolve(r.pcfFile().get()))));
        }
        StringBuilder log = new StringBuilder();
        provenance.forEach(l -> log.append("# ").append(l).append('\n'));
        log.append("# nextpnr-ice40 ").append(String.join(" ", r.nextpnrArgs())).append('\n');
        log.append(Files.readString(rtlDir.resolve(r.logFile())));
        files.add(new GeneratedFile(r.logFile(), log.toString()));
        return files;
    }

    /**
     * Refuses a bitstream over an OUT/{@code <top>.bin} that is not Bitweave's. A bitstream has no room for a
     * provenance header, so it counts as Bitweave's only when the folder's Bitweave synth-ice40.json records its
     * SHA-256 ({@code pnr.bitstreamSha256}): a file a user put there later is refused.
     */
    static void checkBitstreamTarget(Path out, String top) {
        Path bin = out.resolve(top + ".bin");
        if (Files.exists(bin) && !recordedSha256(out.resolve("synth-ice40.json")).equals(Optional.of(Pnr.sha256(bin)))) {
            throw new UserError(ErrorCode.OUTPUT_FOREIGN_FILE, "refusing to overwrite " + bin + ": it is not the"
                    + " bitstream the synth-ice40.json beside it records, so not one Bitweave wrote; move it away or choose"
                    + " another -o");
        }
    }

    private static Optional<String> recordedSha256(Path json) {
        if (!OutputWriter.isGenerated(json)) {
            return Optional.empty();
        }
        try {
            com.fasterxml.jackson.databind.JsonNode hash = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(json.toFile()).path("pnr").path("bitstreamSha256");
            return hash.isTextual() ? Optional.of(hash.asText()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();   // unreadable or not JSON: nothing vouches for the .bin
        }
    }

    /**
     * Writes the text outputs and the bitstream as one step as far as a folder allows: the bitstream is staged in
     * OUT first (a failed copy leaves OUT as it was), the text files are committed, then the staged bitstream is
     * renamed over its target; a staged file is never left behind.
     */
    static Path writeWithBitstream(Pnr.Result r, Path rtlDir, Path out, List<GeneratedFile> files) {
        String name = r.bitstream().orElseThrow();
        Path target = out.resolve(name);
        Path staged = null;
        try {
            Files.createDirectories(out);
            staged = Files.createTempFile(out, ".bitweave-", ".bin");
            Files.copy(rtlDir.resolve(name), staged, StandardCopyOption.REPLACE_EXISTING);
            OutputWriter.write(out, files);
            Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            staged = null;
            return target;
        } catch (IOException e) {
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot write " + target + ": " + IoReason.of(e, out));
        } finally {
            if (staged != null) {
                try {
                    Files.deleteIfExists(staged);
                } catch (IOException ignored) {
                    // the message above (or the one OutputWriter threw) says what went wrong
                }
            }
        }
    }
}
