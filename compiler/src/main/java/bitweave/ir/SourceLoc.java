package bitweave.ir;

/**
 * A position in a DSL source file. {@code file} is the path as the user should see it (relative to the
 * working directory when possible), {@code line} and {@code col} are 1-based.
 */
public record SourceLoc(String file, int line, int col) {
    public static final SourceLoc NONE = new SourceLoc("<none>", 0, 0);

    /** The form used in diagnostics and in Verilog locator comments: {@code file:line:col}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + col;
    }
}
