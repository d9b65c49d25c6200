package bitweave.ir;

import java.util.List;

/**
 * The port-level contract of a top module, shared by the RTL emitter, the C++ harness glue and the
 * golden model's beat encoder. It is derived from the checked design alone, so the three back ends
 * cannot disagree about names, widths or packing. The meaning of each stream is in dsl/INTERFACE.md.
 *
 * @param inputs input streams in the order the harness serializes them (file order of beats)
 * @param output the single output stream
 */
public record TopInterface(List<Stream> inputs, Stream output) {

    /** The contract of {@code array}; each kind builds its own (see {@link ArraySpec#topInterface}). */
    public static TopInterface of(ArraySpec array) {
        return array.topInterface();
    }

    public Stream input(String name) {
        return inputs.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input stream " + name));
    }
}
