package bitweave.diag;

/**
 * The whole catalogue of user-facing errors. Each has a stable code shown as {@code [E0204]} at the end
 * of the message. Ranges: E01xx syntax, E02xx names and structure, E03xx types and widths, E04xx
 * parameters, E05xx files and output, E06xx external tools and co-simulation, E07xx command line, E08xx golden-model
 * input files, E09xx synthesis and proof (Yosys) and iCE40 place-and-route (nextpnr, icepack).
 * Warnings have codes of their own, {@code W} plus four digits in the same ranges (W03xx: types and
 * widths); a warning never stops a run unless {@code --Werror}.
 * A test asserts codes are distinct; never renumber a released code.
 */
public enum ErrorCode {
    // E01xx: syntax
    SYNTAX("E0101"),
    UNEXPECTED_CHARACTER("E0102"),
    UNTERMINATED_COMMENT("E0103"),
    NESTING_TOO_DEEP("E0104"),

    // E02xx: names and structure
    DUPLICATE_NAME("E0201"),
    UNKNOWN_PARAM("E0202"),
    PARAM_USED_BEFORE_DECLARATION("E0203"),
    UNKNOWN_PE("E0204"),
    UNKNOWN_ARRAY_KIND("E0205"),
    UNKNOWN_MEMBER("E0206"),
    MISSING_MEMBER("E0207"),
    DUPLICATE_MEMBER("E0208"),
    WRONG_ARGUMENT_COUNT("E0209"),
    NO_ARRAY("E0210"),
    BAD_OPTION_VALUE("E0211"),
    RESERVED_NAME("E0212"),
    NAME_TOO_LONG("E0213"),
    ARRAY_NAMES_CLASH("E0214"),
    REDUCTION_WITHOUT_PARTIAL_PRODUCTS("E0215"),
    TRANSFORM_NOT_APPLICABLE("E0216"),
    TRANSFORM_NEEDS_WRAP("E0217"),
    TRANSFORM_NEEDS_PARTIAL_PRODUCTS("E0218"),
    TRANSFORM_NEEDS_REDUCTION_OVER_K("E0224"),
    TOO_MANY_MULTIPLIERS("E0225"),
    RAW_PAIRS_WITHOUT_COMPRESSED_ACCUMULATION("E0219"),
    EQUIV_RAW_PAIRS("E0220"),
    EDGE_PIPELINE_MISPLACED("E0221"),
    EDGE_PIPELINE_WITHOUT_EDGE_ADDER("E0222"),
    EDGE_PIPELINE_OUT_OF_RANGE("E0223"),
    EQUIV_LATENCY_DIFFERS("E0226"),
    OPTION_NOT_APPLICABLE("E0227"),
    BAD_REORDER("E0228"),

    // E03xx: types and widths
    WIDTH_OUT_OF_RANGE("E0301"),
    UNKNOWN_TYPE("E0302"),
    MISSING_POLICY("E0303"),
    BAD_MODIFIER("E0304"),
    MISSING_TYPE("E0305"),
    UNEXPECTED_TYPE("E0306"),

    // E04xx: parameters and values
    INTEGER_OVERFLOW("E0401"),
    PARAM_OUT_OF_RANGE("E0402"),
    DIVISION_BY_ZERO("E0403"),
    ARRAY_SIZE_OUT_OF_RANGE("E0404"),
    PIPELINE_OUT_OF_RANGE("E0405"),
    EMPTY_RANGE("E0406"),
    BLOCK_NOT_POWER_OF_TWO("E0407"),
    BLOCK_DOES_NOT_DIVIDE("E0408"),

    // E05xx: files and output
    SOURCE_NOT_FOUND("E0501"),
    SOURCE_UNREADABLE("E0502"),
    OUTPUT_UNWRITABLE("E0503"),
    OUTPUT_FOREIGN_FILE("E0504"),

    // E06xx: external tools and co-simulation
    TOOL_MISSING("E0601"),
    TOOL_FAILED("E0602"),
    RTL_PORTS_MISMATCH("E0603"),

    // E07xx: command line
    BAD_OVERRIDE("E0701"),
    UNKNOWN_OVERRIDE("E0702"),
    UNKNOWN_TOP("E0703"),
    WRAP_NOT_APPLICABLE("E0704"),

    // E08xx: golden-model input files (bitweave golden --in NAME=FILE)
    GOLDEN_INPUT_MISSING("E0801"),
    GOLDEN_INPUT_UNKNOWN("E0802"),
    GOLDEN_INPUT_UNREADABLE("E0803"),
    GOLDEN_BAD_NUMBER("E0804"),
    GOLDEN_VALUE_OUT_OF_RANGE("E0805"),
    GOLDEN_WRONG_COUNT("E0806"),
    GOLDEN_GROUP_MISMATCH("E0807"),
    GOLDEN_NO_DATA("E0808"),

    // E09xx: synthesis and proof (bitweave synth, bitweave equiv)
    YOSYS_FAILED("E0901"),
    YOSYS_OUTPUT_UNEXPECTED("E0902"),
    EQUIV_INTERFACE_MISMATCH("E0903"),
    EQUIV_NO_RESET("E0904"),
    EQUIV_NOTHING_TO_PROVE("E0905"),
    PNR_FAILED("E0906"),
    PNR_DOES_NOT_FIT("E0907"),
    PNR_TOO_MANY_PINS("E0908"),
    PNR_OUTPUT_UNEXPECTED("E0909"),

    // W03xx: warnings about types and widths
    ACC_NARROWER_THAN_PRODUCT("W0301");

    private final String code;

    ErrorCode(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** True for warning codes ({@code W....}), false for errors ({@code E....}). */
    public boolean isWarning() {
        return code.startsWith("W");
    }
}
