package bitweave.rtl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The array level of a module: generate loops, instances and wires ({@link ArrayItem}), nothing else. */
public record StructuralBody(List<ArrayItem> items) implements RtlBody {
    public StructuralBody {
        items = List.copyOf(items);
    }

    @Override
    public String templateName() {
        return "structural";
    }

    /** The genvars the loops use, declared once at the top of the module. */
    public List<String> genvars() {
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
