package bitweave.check;

import bitweave.parse.Decl;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What names mean while checking: every top-level declaration by name, and the parameter values
 * resolved so far. A parameter whose value could not be computed is "failed": its error has already
 * been reported, so uses of it are silently skipped instead of producing follow-on errors.
 */
final class Scope {
    private final Map<String, Decl> declarations;
    private final Map<String, Long> paramValues = new LinkedHashMap<>();
    private final Set<String> failedParams = new HashSet<>();

    private final Set<String> duplicated;

    /** @param duplicated names declared more than once (their uses are ambiguous and not reported again) */
    Scope(Map<String, Decl> declarations, Set<String> duplicated) {
        this.declarations = declarations;
        this.duplicated = duplicated;
    }

    boolean isDuplicated(String name) {
        return duplicated.contains(name);
    }

    Decl declaration(String name) {
        return declarations.get(name);
    }

    void resolve(String param, long value) {
        paramValues.put(param, value);
    }

    void fail(String param) {
        failedParams.add(param);
    }

    boolean isResolved(String param) {
        return paramValues.containsKey(param);
    }

    boolean isFailed(String param) {
        return failedParams.contains(param);
    }

    long valueOf(String param) {
        return paramValues.get(param);
    }

    /** Resolved values in declaration order. */
    Map<String, Long> paramValues() {
        return paramValues;
    }
}
