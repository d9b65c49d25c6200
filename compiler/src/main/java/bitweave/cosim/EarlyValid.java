package bitweave.cosim;

/**
 * The output stream's valid was high where the interface contract (dsl/INTERFACE.md) requires it low:
 * while {@code rst} is high (after its first clock edge), after reset before any input beat, or for a
 * vector none of whose input beats had transferred yet. Typically a control register without reset.
 *
 * @param cycle  the cycle it was seen, counted from the start of reset
 * @param port   the valid port, e.g. {@code out_valid}
 * @param vector the vector whose output beat was awaited
 * @param when   {@link #DURING_RESET}, {@link #AFTER_RESET} or {@link #BEFORE_INPUT}
 */
public record EarlyValid(long cycle, String port, int vector, String when) {
    public static final String DURING_RESET = "reset";
    public static final String AFTER_RESET = "after-reset";
    public static final String BEFORE_INPUT = "before-input";

    /**
     * E.g. {@code out_valid is 1 at cycle 1 while rst is high (power-up: all ones); it must be 0 from the
     * first clock edge of reset until input arrives (dsl/INTERFACE.md): a register without reset?}
     *
     * @param powerUp the power-up state of the pass: zeros, ones or random
     */
    public String description(String powerUp) {
        String where = switch (when) {
            case DURING_RESET -> " while rst is high";
            case AFTER_RESET -> ", after reset and before any input beat";
            default -> " for vector " + vector + " before any of its input beats transferred";
        };
        String state = "random".equals(powerUp) ? "random" : "all " + powerUp;
        String rule = BEFORE_INPUT.equals(when)
                ? "an output beat can only follow the input of its vector"
                : "it must be 0 from the first clock edge of reset until input arrives (dsl/INTERFACE.md):"
                        + " a register without reset?";
        return port + " is 1 at cycle " + cycle + where + " (power-up: " + state + "); " + rule;
    }
}
