package bitweave.emit;

import java.util.List;

/**
 * A unit kind's part of the emitted Java golden model ({@link GoldenJavaEmitter}); the kind computes it
 * ({@code bitweave.units.UnitKind#goldenJava}), the emitter adds what every kind shares.
 *
 * @param signature       the array as the class comment names it, e.g. "systolic(4, 4) output_stationary"
 * @param description     one paragraph of the class comment: the unit's arithmetic
 * @param constants       the kind's constants (sizes), printed after the shared operand constants
 * @param templateGroup   the kind's template group, {@code templates/<templateGroup>.stg}
 * @param unitTemplate    the template in that group that prints the unit's arithmetic
 * @param computeTemplate the template in that group that prints {@code compute}: input files to output text
 */
public record GoldenJavaUnit(String signature, String description, List<GoldenJavaEmitter.Constant> constants,
                             String templateGroup, String unitTemplate, String computeTemplate) {
}
