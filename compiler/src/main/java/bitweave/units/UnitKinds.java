package bitweave.units;

import bitweave.ir.ArraySpec;
import bitweave.units.addertree.AdderTreeKind;
import bitweave.units.cube.CubeKind;
import bitweave.units.matrix.MatrixKind;
import bitweave.units.mx.BlockDotKind;
import bitweave.units.lut.LutCoreKind;
import bitweave.units.mx.DequantizerKind;
import bitweave.units.mx.QuantizerKind;
import bitweave.units.systolic.SystolicKind;
import java.util.List;
import java.util.Optional;

/** The one list of unit kinds. A new kind is one more entry here (README.md, "How to add a unit kind"). */
public final class UnitKinds {
    /** Every kind, in the order messages list them ("expected systolic or adder_tree"). */
    public static final List<UnitKind> ALL = List.of(
            new SystolicKind(),
            new AdderTreeKind(),
            new CubeKind(),
            new MatrixKind(),
            new QuantizerKind(),
            new DequantizerKind(),
            new BlockDotKind(),
            new LutCoreKind());

    private UnitKinds() {
    }

    /** The kind written {@code dslName} in the DSL, if any. */
    public static Optional<UnitKind> named(String dslName) {
        return ALL.stream().filter(k -> k.dslName().equals(dslName)).findFirst();
    }

    /** The kind of a checked array. */
    public static UnitKind of(ArraySpec spec) {
        return ALL.stream().filter(k -> k.owns(spec)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no unit kind owns " + spec.getClass().getName()
                        + "; add its kind to UnitKinds.ALL"));
    }
}
