package bitweave.ir;

import java.util.List;

/**
 * The port-level contract of a top module, shared by the RTL emitter, the C++ harness glue and the
 * golden model's beat encoder. It is derived from the checked design alone, so the three back ends
 * cannot disagree about names, widths or packing. The meaning of each stream is in dsl/INTERFACE.md.
 *
 * @param inputs input streams in the order the harness serializes them (file order of beats)
 * @param output the single output stream
 * @param skews  fields whose elements are offset in time from their beat (host skew, host de-skew)
 */
public record TopInterface(List<Stream> inputs, Stream output, List<LaneSkew> skews) {
    public TopInterface {
        skews = List.copyOf(skews);
    }

    /** A contract whose every field moves with its beat (no {@link LaneSkew}). */
    public TopInterface(List<Stream> inputs, Stream output) {
        this(inputs, output, List.of());
    }

    /** The lane skew of {@code stream}'s {@code field}, or null when its elements move with the beat. */
    public LaneSkew skewOf(String stream, String field) {
        return skews.stream().filter(k -> k.stream().equals(stream) && k.field().equals(field)).findFirst()
                .orElse(null);
    }

    /** The contract of {@code array}; each kind builds its own (see {@link ArraySpec#topInterface}). */
    public static TopInterface of(ArraySpec array) {
        return array.topInterface();
    }

    /** The top module's port bits: clk, rst, every stream's valid and ready and its fields' ports. */
    public int portBits() {
        int bits = 2;
        List<Stream> streams = new java.util.ArrayList<>(inputs);
        streams.add(output);
        for (Stream s : streams) {
            bits += 2;
            for (Field f : s.fields()) {
                bits += f.width() * s.rtlPortsOf(f).size();
            }
        }
        return bits;
    }

    public Stream input(String name) {
        return inputs.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input stream " + name));
    }
}
