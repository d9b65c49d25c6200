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

    public static TopInterface of(ArraySpec array) {
        PeSpec pe = array.pe();
        IntType flag = new IntType(1, false);
        if (array instanceof SystolicArray s && s.dataflow() == Dataflow.OUTPUT_STATIONARY) {
            return new TopInterface(
                    List.of(new Stream("in", true, List.of(
                            new Field("a", pe.a(), s.rows()),
                            new Field("b", pe.b(), s.cols()),
                            new Field("last", flag, 1)))),
                    new Stream("out", false, List.of(new Field("c", pe.acc(), s.rows() * s.cols()))));
        }
        if (array instanceof SystolicArray s) {
            return new TopInterface(
                    List.of(new Stream("w", true, List.of(new Field("data", pe.b(), s.rows() * s.cols()))),
                            new Stream("in", true, List.of(new Field("x", pe.a(), s.rows())))),
                    new Stream("out", false, List.of(new Field("y", pe.acc(), s.cols()))));
        }
        AdderTree t = (AdderTree) array;
        List<Field> in = t.accumulate()
                ? List.of(new Field("a", pe.a(), t.k()), new Field("b", pe.b(), t.k()), new Field("last", flag, 1))
                : List.of(new Field("a", pe.a(), t.k()), new Field("b", pe.b(), t.k()));
        return new TopInterface(List.of(new Stream("in", true, in)),
                new Stream("out", false, List.of(new Field("sum", pe.acc(), 1))));
    }

    public Stream input(String name) {
        return inputs.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no input stream " + name));
    }
}
