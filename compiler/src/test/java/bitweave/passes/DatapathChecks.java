package bitweave.passes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.DatapathSimulator;
import bitweave.datapath.DatapathVerifier;
import bitweave.datapath.Op;
import bitweave.datapath.OpSemantics;
import bitweave.datapath.Value;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/** Graphs and checks shared by the datapath pass tests. */
final class DatapathChecks {
    static final String LOC = "mac.bw:3:5";

    private DatapathChecks() {
    }

    /** A multiply as a PE lowering writes it: both operands extended (signed or zero) to P, then multiplied. */
    static Datapath multiply(Shape s) {
        DatapathBuilder b = new DatapathBuilder(LOC);
        Value a = b.input("a", s.wa());
        Value x = b.input("b", s.wb());
        Value product = b.output("product", s.p());
        Value aExt = b.extend("a_ext", a, s.p(), s.sa());
        Value bExt = b.extend("b_ext", x, s.p(), s.sb());
        b.add(new Op.Multiply(product, aExt, bExt, LOC));
        return b.build();
    }

    /** Operand types and product width; an operand as wide as P is read by the multiply without an Extend. */
    record Shape(int wa, boolean sa, int wb, boolean sb, int p) {
        static Shape exact(int wa, boolean sa, int wb, boolean sb) {
            return new Shape(wa, sa, wb, sb, wa + wb);
        }

        BigInteger expected(BigInteger aBits, BigInteger bBits) {
            BigInteger av = sa ? OpSemantics.signed(aBits, wa) : aBits;
            BigInteger bv = sb ? OpSemantics.signed(bBits, wb) : bBits;
            return OpSemantics.wrap(av.multiply(bv), p);
        }

        @Override
        public String toString() {
            return (sa ? "int" : "uint") + wa + " x " + (sb ? "int" : "uint") + wb + " -> " + p;
        }
    }

    static void verify(Datapath g, String where) {
        DatapathVerifier.verify(g, where);
    }

    static long count(Datapath g, Class<? extends Op> kind) {
        return g.ops().stream().filter(kind::isInstance).count();
    }

    /** Runs each graph once on {@code inputs} and checks every output port against {@code expected}. */
    static void sameOutputs(Map<String, BigInteger> inputs, Map<String, BigInteger> expected, String what,
                            List<DatapathSimulator> sims) {
        for (DatapathSimulator sim : sims) {
            assertEquals(expected, sim.step(inputs, false), what);
        }
    }
}
