package bitweave.ir;

import java.util.List;

/**
 * One data field of a stream: {@code elements} values of {@code type}, packed little-end first into a
 * port of {@code elements * type.width()} bits (element i occupies bits [i*W +: W]).
 * A 1-bit control flag such as {@code last} is a field of one {@code uint1} element.
 *
 * <p>A {@code carrySave} field (an output of {@code transform compressed_accumulation raw_pairs},
 * dsl/INTERFACE.md) is carried by two ports of that packing, {@code <port>_sum} and
 * {@code <port>_carry}: element i's value is (sum_i + carry_i) mod 2^W. Its value, what the golden
 * model computes and the vector file holds, is the field's; only the RTL ports are doubled.
 */
public record Field(String name, IntType type, int elements, boolean carrySave) {
    /** The suffixes of a carry-save field's two ports, in port order. */
    public static final List<String> PAIR_SUFFIXES = List.of("_sum", "_carry");

    /** A plain field: one port. */
    public Field(String name, IntType type, int elements) {
        this(name, type, elements, false);
    }

    public int width() {
        return type.width() * elements;
    }
}
