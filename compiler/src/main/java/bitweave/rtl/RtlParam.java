package bitweave.rtl;

/** A Verilog {@code parameter} of a module: UPPER_SNAKE name and its default value as Verilog text. */
public record RtlParam(String name, long value, String comment) {
}
