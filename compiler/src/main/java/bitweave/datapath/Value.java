package bitweave.datapath;

/**
 * A signless bit vector in a datapath graph (CIRCT style: the vector has no sign; each operation
 * that cares says how it reads its operands). Exactly one operation, or one input port, drives it.
 *
 * @param name  the wire's name in the generated Verilog (unique within its graph)
 * @param width number of bits, at least 1
 */
public record Value(String name, int width) {
    public Value {
        if (width < 1) {
            throw new IllegalArgumentException("value " + name + " has width " + width);
        }
    }

    @Override
    public String toString() {
        return name + ":" + width;
    }
}
