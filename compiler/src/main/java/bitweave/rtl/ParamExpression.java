package bitweave.rtl;

import java.util.Map;

/**
 * Evaluates the constant Verilog expressions the array level carries (loop bounds, branch conditions,
 * localparams, instance parameters: {@code 2*LEAVES}, {@code i - LEAVES < K},
 * {@code (LEVEL >= LEVELS + 1 - PIPE) ? 1 : 0}, {@code LEVELS + 1 - $clog2(i + 1)}) with the values of the
 * parameters, localparams and genvars in scope: the estimator counts the instances a generate loop makes with it,
 * and the RTL verifier checks a port range's text ({@code ROWS*COLS*ACC_W-1}) against the width the passes computed.
 * Grammar (Verilog precedence): ternary, ||, &&, == !=, &lt; &lt;= &gt; &gt;=, + -, * / %, unary - and !,
 * integers, names, {@code $clog2(e)} and parentheses. Comparisons give 1 or 0.
 */
public final class ParamExpression {
    private final String text;
    private final Map<String, Long> scope;
    private int pos;

    private ParamExpression(String text, Map<String, Long> scope) {
        this.text = text.replace(" ", "");
        this.scope = scope;
    }

    /** @throws IllegalArgumentException on a syntax error or a name not in {@code scope} */
    public static long eval(String text, Map<String, Long> scope) {
        ParamExpression e = new ParamExpression(text, scope);
        long v = e.ternary();
        if (e.pos != e.text.length()) {
            throw new IllegalArgumentException("unexpected '" + e.text.substring(e.pos) + "' in " + text);
        }
        return v;
    }

    private long ternary() {
        long c = or();
        if (eat("?")) {
            long a = ternary();
            expect(":");
            long b = ternary();
            return c != 0 ? a : b;
        }
        return c;
    }

    private long or() {
        long v = and();
        while (eat("||")) {
            long r = and();
            v = (v != 0 || r != 0) ? 1 : 0;
        }
        return v;
    }

    private long and() {
        long v = equality();
        while (eat("&&")) {
            long r = equality();
            v = (v != 0 && r != 0) ? 1 : 0;
        }
        return v;
    }

    private long equality() {
        long v = relation();
        while (true) {
            if (eat("==")) {
                v = v == relation() ? 1 : 0;
            } else if (eat("!=")) {
                v = v != relation() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long relation() {
        long v = sum();
        while (true) {
            if (eat("<=")) {
                v = v <= sum() ? 1 : 0;
            } else if (eat(">=")) {
                v = v >= sum() ? 1 : 0;
            } else if (eat("<")) {
                v = v < sum() ? 1 : 0;
            } else if (eat(">")) {
                v = v > sum() ? 1 : 0;
            } else {
                return v;
            }
        }
    }

    private long sum() {
        long v = product();
        while (true) {
            if (eat("+")) {
                v += product();
            } else if (eat("-")) {
                v -= product();
            } else {
                return v;
            }
        }
    }

    private long product() {
        long v = unary();
        while (true) {
            if (eat("*")) {
                v *= unary();
            } else if (eat("/")) {
                v /= unary();
            } else if (eat("%")) {
                v %= unary();
            } else {
                return v;
            }
        }
    }

    private long unary() {
        if (eat("-")) {
            return -unary();
        }
        if (eat("!")) {
            return unary() == 0 ? 1 : 0;
        }
        return atom();
    }

    private long atom() {
        if (eat("(")) {
            long v = ternary();
            expect(")");
            return v;
        }
        if (eat("$clog2(")) {
            long v = ternary();
            expect(")");
            return v <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(v - 1);
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.isEmpty()) {
            throw new IllegalArgumentException("expected a number or a name at '" + text.substring(start) + "' in " + text);
        }
        if (Character.isDigit(word.charAt(0))) {
            return Long.parseLong(word);
        }
        Long v = scope.get(word);
        if (v == null) {
            throw new IllegalArgumentException("unknown parameter " + word + " in " + text);
        }
        return v;
    }

    private boolean eat(String token) {
        if (text.startsWith(token, pos)) {
            pos += token.length();
            return true;
        }
        return false;
    }

    private void expect(String token) {
        if (!eat(token)) {
            throw new IllegalArgumentException("expected '" + token + "' at " + pos + " in " + text);
        }
    }
}
