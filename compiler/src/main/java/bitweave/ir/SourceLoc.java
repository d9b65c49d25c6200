package bitweave.ir;

/**
 * A position in a DSL source file. {@code file} is the path as the user typed it (diagnostics show it
 * so), {@code line} and {@code col} are 1-based.
 */
public record SourceLoc(String file, int line, int col) {
    public static final SourceLoc NONE = new SourceLoc("<none>", 0, 0);

    /** The form used in diagnostics: {@code file:line:col}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + col;
    }

    /**
     * The form used in generated files (Verilog {@code // @[...]} comments): the file name only, as in
     * the provenance header ({@link SourceId}), so output does not depend on the working directory or
     * on how the path was typed.
     */
    public String locator() {
        return SourceId.fileNameOf(file) + ":" + line + ":" + col;
    }
}
