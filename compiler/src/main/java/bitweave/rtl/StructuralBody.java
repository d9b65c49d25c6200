package bitweave.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The array level of a module: generate loops, instances and wires ({@link ArrayItem}), nothing else.
 *
 * @param genvars the loops' genvars, declared once at the top of the module (derived from the items)
 */
public record StructuralBody(List<ArrayItem> items, List<String> genvars) implements RtlBody {
    public StructuralBody {
        items = List.copyOf(items);
        genvars = List.copyOf(genvars);
    }

    public StructuralBody(List<ArrayItem> items) {
        this(items, genvarsOf(items));
    }

    @Override
    public String templateName() {
        return "structural";
    }

    private static List<String> genvarsOf(List<ArrayItem> items) {
        List<String> out = new ArrayList<>();
        ArrayItem.collectGenvars(items, out);
        return out;
    }

    @Override
    public List<String> instantiates() {
        List<String> out = new ArrayList<>();
        ArrayItem.collectInstances(items, out);
        return out;
    }

    @Override
    public RtlBody renameModules(UnaryOperator<String> rename) {
        return new StructuralBody(ArrayItem.renameAll(items, rename));
    }
}
