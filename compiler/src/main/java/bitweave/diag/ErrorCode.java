package bitweave.diag;

/**
 * The whole catalogue of user-facing errors. Each has a stable code shown as {@code [E0204]} at the end
 * of the message. Ranges: E01xx syntax, E02xx names and structure, E03xx types and widths, E04xx
 * parameters, E05xx files and output, E06xx external tools and co-simulation, E07xx command line, E08xx golden-model
 * input files.
 * A test asserts codes are distinct; never renumber a released code.
 */
public enum ErrorCode {
    // E01xx: syntax
    SYNTAX("E0101"),

    // E05xx: files and output
    SOURCE_NOT_FOUND("E0501"),
    SOURCE_UNREADABLE("E0502"),
    OUTPUT_UNWRITABLE("E0503"),
    OUTPUT_FOREIGN_FILE("E0504"),

    // E06xx: external tools and co-simulation
    TOOL_MISSING("E0601"),
    TOOL_FAILED("E0602"),

    // E07xx: command line
    BAD_OVERRIDE("E0701"),

    // E08xx: golden-model input files (bitweave golden --in NAME=FILE)
    GOLDEN_INPUT_MISSING("E0801"),
    GOLDEN_INPUT_UNKNOWN("E0802"),
    GOLDEN_INPUT_UNREADABLE("E0803"),
    GOLDEN_BAD_NUMBER("E0804"),
    GOLDEN_VALUE_OUT_OF_RANGE("E0805"),
    GOLDEN_WRONG_COUNT("E0806"),
    GOLDEN_GROUP_MISMATCH("E0807"),
    GOLDEN_NO_DATA("E0808");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
