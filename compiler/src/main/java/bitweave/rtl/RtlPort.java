package bitweave.rtl;

/**
 * One port of a generated module.
 *
 * @param range the Verilog range as text including the trailing space (e.g. {@code "[ROWS*A_W-1:0] "}),
 *              or the empty string for a 1-bit port; written in terms of the module's parameters
 * @param width the port width for the module's default parameter values (checked by the verifier)
 */
public record RtlPort(String name, Direction direction, String range, int width) {
    public enum Direction {
        INPUT("input "), OUTPUT("output");

        /** The Verilog keyword, padded so port lists line up (a public field so templates can read it). */
        public final String keyword;

        Direction(String keyword) {
            this.keyword = keyword;
        }
    }

    public static RtlPort in(String name, String widthExpr, int width) {
        return new RtlPort(name, Direction.INPUT, range(widthExpr), width);
    }

    public static RtlPort out(String name, String widthExpr, int width) {
        return new RtlPort(name, Direction.OUTPUT, range(widthExpr), width);
    }

    /** A port of a fixed width (datapath modules have no parameters): {@code [W-1:0]} with W-1 computed. */
    public static RtlPort inFixed(String name, int width) {
        return new RtlPort(name, Direction.INPUT, width == 1 ? "" : "[" + (width - 1) + ":0] ", width);
    }

    public static RtlPort outFixed(String name, int width) {
        return new RtlPort(name, Direction.OUTPUT, width == 1 ? "" : "[" + (width - 1) + ":0] ", width);
    }

    public static RtlPort inBit(String name) {
        return new RtlPort(name, Direction.INPUT, "", 1);
    }

    public static RtlPort outBit(String name) {
        return new RtlPort(name, Direction.OUTPUT, "", 1);
    }

    /** Ports are declared with a range even when a parameter makes them 1 bit wide, so overriding works. */
    private static String range(String widthExpr) {
        return "[" + widthExpr + "-1:0] ";
    }
}
