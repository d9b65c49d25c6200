package bitweave.cosim;

import bitweave.golden.Beat;
import bitweave.golden.VectorSet;
import bitweave.ir.Field;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text file that carries a {@link VectorSet} to the C++ harness. Deterministic: the same vector
 * set always gives the same bytes (no timestamps, no paths).
 *
 * <pre>
 * bitweave-vectors 1
 * stream in input            one "stream" line per stream, inputs in TopInterface order, then the output
 * field in_a 16              one "field" line per field: port name and width in bits
 * field in_b 16
 * field in_last 1
 * stream out output
 * field out_sum 32
 * end-header
 * counts 2 3 2               vectors, input beats, expected output beats
 * in 0 ff01 0203 0           input beats in the order the harness offers them:
 * in 0 0000 0000 1             stream, vector index, one hex value per field
 * in 1 7f7f 7f7f 1
 * out 0 00000005             then the expected output beats in order
 * out 1 00007f02
 * </pre>
 *
 * A carry-save output field (raw pairs, dsl/INTERFACE.md) has the line {@code field out_c 512 pairs 32}:
 * the file holds its value, the harness compares (sum + carry) mod 2^32 per element with it.
 *
 * Hex values are lower case, without prefix, exactly ceil(width/4) digits. The header (everything up
 * to {@code end-header}) is also compiled into the harness glue, and the harness refuses a file whose
 * header differs, so a vector file cannot be run against a model of another design.
 */
public final class VectorFile {
    public static final String MAGIC = "bitweave-vectors 1";
    public static final String END_HEADER = "end-header";

    private VectorFile() {
    }

    /** The header lines for an interface, from the magic line to {@code end-header} inclusive. */
    public static List<String> headerLines(TopInterface iface) {
        List<String> lines = new ArrayList<>();
        lines.add(MAGIC);
        for (Stream s : iface.inputs()) {
            addStream(lines, s);
        }
        addStream(lines, iface.output());
        lines.add(END_HEADER);
        return lines;
    }

    private static void addStream(List<String> lines, Stream s) {
        lines.add("stream " + s.name() + (s.input() ? " input" : " output"));
        for (Field f : s.fields()) {
            // a carry-save field holds its value (the fused pair); the marker keeps such a file apart
            lines.add("field " + s.portOf(f) + " " + f.width() + (f.carrySave() ? " pairs " + f.type().width() : ""));
        }
    }

    /** Writes the vector set to {@code path} (UTF-8, '\n' line ends). */
    public static void write(VectorSet set, Path path) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            write(set, w);
        }
    }

    /** Writes the vector set as text; checks every beat against the interface first. */
    public static void write(VectorSet set, Writer out) throws IOException {
        TopInterface iface = set.iface();
        for (String line : headerLines(iface)) {
            out.write(line);
            out.write('\n');
        }
        out.write("counts " + set.vectors() + " " + set.inputs().size() + " " + set.expected().size() + "\n");
        for (Beat b : set.inputs()) {
            writeBeat(out, b, inputStream(iface, b));
        }
        for (Beat b : set.expected()) {
            if (!b.stream().equals(iface.output().name())) {
                throw new IllegalArgumentException("expected beat on stream '" + b.stream()
                        + "', but the output stream is '" + iface.output().name() + "'");
            }
            writeBeat(out, b, iface.output());
        }
    }

    /** The whole file as a string (tests, small sets). */
    public static String format(VectorSet set) {
        java.io.StringWriter sw = new java.io.StringWriter();
        try {
            write(set, sw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sw.toString();
    }

    private static Stream inputStream(TopInterface iface, Beat b) {
        for (Stream s : iface.inputs()) {
            if (s.name().equals(b.stream())) {
                return s;
            }
        }
        throw new IllegalArgumentException("input beat on unknown input stream '" + b.stream() + "'");
    }

    private static void writeBeat(Writer out, Beat b, Stream s) throws IOException {
        if (b.fields().size() != s.fields().size()) {
            throw new IllegalArgumentException("beat of stream '" + s.name() + "' (vector " + b.vector() + ") has "
                    + b.fields().size() + " fields, the stream has " + s.fields().size());
        }
        if (b.vector() < 0) {
            throw new IllegalArgumentException("negative vector index " + b.vector());
        }
        StringBuilder sb = new StringBuilder(s.name()).append(' ').append(b.vector());
        for (int i = 0; i < s.fields().size(); i++) {
            Field f = s.fields().get(i);
            sb.append(' ').append(hex(b.fields().get(i), f.width(), s.portOf(f)));
        }
        out.write(sb.append('\n').toString());
    }

    /** A field value as exactly ceil(width/4) lower-case hex digits; rejects values that do not fit. */
    static String hex(BigInteger value, int width, String port) {
        if (value.signum() < 0 || value.bitLength() > width) {
            throw new IllegalArgumentException("value " + value + " of port " + port
                    + " is not a packed unsigned " + width + "-bit value");
        }
        // Nibbles straight from the two's-complement bytes: BigInteger.toString(16) divides, which is
        // quadratic and dominated writing the vectors of wide (32x32 array) ports.
        byte[] bytes = value.toByteArray();
        int n = (width + 3) / 4;
        char[] out = new char[n];
        for (int i = 0; i < n; i++) {
            int byteIndex = bytes.length - 1 - i / 2;
            int nibble = byteIndex < 0 ? 0 : (bytes[byteIndex] >> (4 * (i % 2))) & 0xF;
            out[n - 1 - i] = Character.forDigit(nibble, 16);
        }
        return new String(out);
    }

    /**
     * Reads a vector file written for {@code iface} (the header must match it exactly). The inverse of
     * {@link #write(VectorSet, Path)}; used by tests and tools that inspect vector files.
     */
    public static VectorSet read(Path path, TopInterface iface) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(r, iface, path.toString());
        }
    }

    static VectorSet read(BufferedReader r, TopInterface iface, String name) throws IOException {
        int lineNo = 0;
        for (String want : headerLines(iface)) {
            String line = r.readLine();
            lineNo++;
            if (!want.equals(line)) {
                throw new IOException(name + ":" + lineNo + ": header line '" + line + "' does not match the design's '"
                        + want + "'");
            }
        }
        String countsLine = r.readLine();
        lineNo++;
        String[] counts = countsLine == null ? new String[0] : countsLine.split(" ");
        if (counts.length != 4 || !counts[0].equals("counts")) {
            throw new IOException(name + ":" + lineNo + ": malformed counts line '" + countsLine + "'");
        }
        int vectors = Integer.parseInt(counts[1]);
        int inputs = Integer.parseInt(counts[2]);
        int expected = Integer.parseInt(counts[3]);
        List<Beat> in = new ArrayList<>();
        List<Beat> out = new ArrayList<>();
        for (int i = 0; i < inputs + expected; i++) {
            String line = r.readLine();
            lineNo++;
            if (line == null) {
                throw new IOException(name + ":" + lineNo + ": file ends before the announced beats");
            }
            Beat b = parseBeat(line, iface, i < inputs, name + ":" + lineNo);
            (i < inputs ? in : out).add(b);
        }
        if (r.readLine() != null) {
            throw new IOException(name + ":" + (lineNo + 1) + ": text after the announced beats");
        }
        return new VectorSet(iface, in, out, vectors);
    }

    private static Beat parseBeat(String line, TopInterface iface, boolean input, String where) throws IOException {
        String[] tok = line.split(" ");
        Stream s = null;
        if (input) {
            for (Stream cand : iface.inputs()) {
                if (cand.name().equals(tok[0])) {
                    s = cand;
                }
            }
        } else if (iface.output().name().equals(tok[0])) {
            s = iface.output();
        }
        if (s == null) {
            throw new IOException(where + ": unexpected stream '" + tok[0] + "'");
        }
        if (tok.length != 2 + s.fields().size()) {
            throw new IOException(where + ": expected " + s.fields().size() + " fields for stream " + s.name());
        }
        List<BigInteger> values = new ArrayList<>();
        for (int i = 0; i < s.fields().size(); i++) {
            Field f = s.fields().get(i);
            String h = tok[2 + i];
            if (h.length() != (f.width() + 3) / 4 || !h.matches("[0-9a-f]+")) {
                throw new IOException(where + ": bad hex value '" + h + "' for " + f.width() + "-bit port " + s.portOf(f));
            }
            BigInteger v = new BigInteger(h, 16);
            if (v.bitLength() > f.width()) {
                throw new IOException(where + ": value 0x" + h + " does not fit port " + s.portOf(f));
            }
            values.add(v);
        }
        return new Beat(s.name(), List.copyOf(values), Integer.parseInt(tok[1]));
    }
}
