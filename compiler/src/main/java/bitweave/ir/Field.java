package bitweave.ir;

/**
 * One data field of a stream: {@code elements} values of {@code type}, packed little-end first into a
 * port of {@code elements * type.width()} bits (element i occupies bits [i*W +: W]).
 * A 1-bit control flag such as {@code last} is a field of one {@code uint1} element.
 */
public record Field(String name, IntType type, int elements) {
    public int width() {
        return type.width() * elements;
    }
}
