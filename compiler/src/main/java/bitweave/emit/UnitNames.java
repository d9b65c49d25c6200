package bitweave.emit;

import bitweave.ir.ArraySpec;
import bitweave.ir.PeSpec;
import bitweave.units.UnitKinds;

/** One-line human descriptions of units, for reports and CLI messages. */
public final class UnitNames {
    private UnitNames() {
    }

    /** The kind's shape ({@link bitweave.units.UnitKind#describe}), then the MAC. */
    public static String describe(ArraySpec a) {
        PeSpec pe = a.pe();
        if (pe == null) {
            return UnitKinds.of(a).describe(a); // no MAC (a quantizer): the kind says it all
        }
        String mac = pe.a() + " x " + pe.b() + " -> " + pe.acc() + " " + pe.policy().dslName();
        return UnitKinds.of(a).describe(a) + ", " + mac;
    }
}
