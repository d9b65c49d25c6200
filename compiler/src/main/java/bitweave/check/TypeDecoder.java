package bitweave.check;

import bitweave.diag.ErrorCode;
import bitweave.ir.IntType;
import bitweave.parse.Member;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a written type into an IntType: {@code intN} / {@code uintN} with N in 1..64, or
 * {@code int(expr)} / {@code uint(expr)} whose width is computed from parameters.
 */
final class TypeDecoder {
    private static final Pattern SIZED = Pattern.compile("(u?int)([0-9]+)");

    private final ExprEvaluator evaluator;
    private final Reporter reporter;

    TypeDecoder(ExprEvaluator evaluator, Reporter reporter) {
        this.evaluator = evaluator;
        this.reporter = reporter;
    }

    /** @return the type, or null if an error was reported */
    IntType decode(Member.TypeRef type) {
        String name = type.name();
        Matcher sized = SIZED.matcher(name);
        if (sized.matches()) {
            if (type.width() != null) {
                reporter.error(ErrorCode.UNKNOWN_TYPE, type.loc(), "type " + name
                        + " already has a width; write " + name + " or " + sized.group(1) + "(...), not both");
                return null;
            }
            return withWidth(type, name, sized.group(1), new BigInteger(sized.group(2)));
        }
        if (name.equals("int") || name.equals("uint")) {
            if (type.width() == null) {
                reporter.error(ErrorCode.UNKNOWN_TYPE, type.loc(), "type '" + name + "' needs a width, e.g. "
                        + name + "8 or " + name + "(W)");
                return null;
            }
            Long width = evaluator.eval(type.width());
            return width == null ? null : withWidth(type, name + "(...)", name, BigInteger.valueOf(width));
        }
        reporter.error(ErrorCode.UNKNOWN_TYPE, type.loc(), "unknown type '" + name
                + "'; expected intN or uintN with N in 1.." + IntType.MAX_WIDTH + ", or int(W) / uint(W)");
        return null;
    }

    /** @param written the type as the user wrote it, for the message */
    private IntType withWidth(Member.TypeRef type, String written, String base, BigInteger width) {
        if (width.compareTo(BigInteger.ONE) < 0 || width.compareTo(BigInteger.valueOf(IntType.MAX_WIDTH)) > 0) {
            reporter.error(ErrorCode.WIDTH_OUT_OF_RANGE, type.loc(), "width " + width + " of type " + written
                    + " is outside 1.." + IntType.MAX_WIDTH);
            return null;
        }
        return new IntType(width.intValueExact(), base.equals("int"));
    }
}
