package bitweave.passes;

import java.util.Map;

/**
 * Evaluates the parameter arithmetic of a generated port range ({@code ROWS*COLS*ACC_W-1}) with the
 * module's parameter values, so the verifier can check the text the Verilog carries against the width
 * the passes computed, instead of trusting that they agree. Grammar: + - * / on integers, parameter
 * names and parentheses.
 */
final class WidthExpression {
    private final String text;
    private final Map<String, Long> params;
    private int pos;

    private WidthExpression(String text, Map<String, Long> params) {
        this.text = text.replace(" ", "");
        this.params = params;
    }

    /** @throws IllegalArgumentException on a syntax error or an unknown name */
    static long eval(String text, Map<String, Long> params) {
        WidthExpression e = new WidthExpression(text, params);
        long v = e.sum();
        if (e.pos != e.text.length()) {
            throw new IllegalArgumentException("unexpected '" + e.text.substring(e.pos) + "' in " + text);
        }
        return v;
    }

    private long sum() {
        long v = product();
        while (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
            char op = text.charAt(pos++);
            long r = product();
            v = op == '+' ? v + r : v - r;
        }
        return v;
    }

    private long product() {
        long v = atom();
        while (pos < text.length() && (text.charAt(pos) == '*' || text.charAt(pos) == '/')) {
            char op = text.charAt(pos++);
            long r = atom();
            v = op == '*' ? v * r : v / r;
        }
        return v;
    }

    private long atom() {
        if (pos < text.length() && text.charAt(pos) == '(') {
            pos++;
            long v = sum();
            expect(')');
            return v;
        }
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.isEmpty()) {
            throw new IllegalArgumentException("expected a number or a name at " + start + " in " + text);
        }
        if (Character.isDigit(word.charAt(0))) {
            return Long.parseLong(word);
        }
        Long v = params.get(word);
        if (v == null) {
            throw new IllegalArgumentException("unknown parameter " + word + " in " + text);
        }
        return v;
    }

    private void expect(char c) {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + text);
        }
        pos++;
    }
}
