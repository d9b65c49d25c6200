package bitweave.check;

import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceId;
import bitweave.parse.Decl;
import bitweave.parse.SourceFile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed file and builds the Design. Phase 1 resolves names; phase 2 evaluates parameters,
 * PEs and arrays. Both report into one Reporter and the run stops after them if anything was reported,
 * so the user sees every independent error at once. Phase 2 cannot be misled by phase 1's errors: a
 * duplicate declaration is ignored (the first one counts) and a failed value is never used again.
 * Only an error-free run builds a Design.
 */
final class Checker {
    private final Reporter reporter;

    Checker(Reporter reporter) {
        this.reporter = reporter;
    }

    Design check(SourceFile file, String displayPath, SourceId source, Map<String, Long> overrides, String topOrNull) {
        Declarations decls = Declarations.collect(file, overrides, topOrNull, reporter);

        Scope scope = new Scope(decls.byName(), decls.duplicated());
        ExprEvaluator evaluator = new ExprEvaluator(scope, reporter);
        new ParamChecker(scope, evaluator, reporter, overrides).checkAll(decls.params());

        PeChecker peChecker = new PeChecker(new TypeDecoder(evaluator, reporter), evaluator, reporter);
        Map<String, PeSpec> pes = new LinkedHashMap<>();
        for (Decl.Pe pe : decls.pes()) {
            PeSpec spec = peChecker.check(pe);
            if (spec != null) {
                pes.put(pe.name(), spec);
            }
        }

        ArrayChecker arrayChecker = new ArrayChecker(scope, pes, new ArrayContext(evaluator, reporter, overrides));
        Map<String, ArraySpec> arrays = new LinkedHashMap<>();
        for (Decl.Array array : decls.arrays()) {
            ArraySpec spec = arrayChecker.check(array);
            if (spec != null) {
                arrays.put(array.name(), spec);
            }
        }
        reporter.stopIfErrors();

        return new Design(file.designName(), displayPath, source, new LinkedHashMap<>(scope.paramValues()),
                new LinkedHashMap<>(overrides), List.copyOf(new ArrayList<>(pes.values())),
                List.copyOf(new ArrayList<>(arrays.values())), arrays.get(decls.top().name()));
    }
}
