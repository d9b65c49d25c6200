package bitweave.datapath;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verifier that runs between passes: each rule is broken once and must be named in the message. */
class DatapathVerifierTest {
    private static String failure(Datapath g) {
        return assertThrows(IllegalStateException.class, () -> DatapathVerifier.verify(g, "some-pass")).getMessage();
    }

    @Test
    void aWellFormedAccumulatorWithRegisterFeedbackPasses() {
        DatapathBuilder b = new DatapathBuilder("t.bw:1:1");
        Value x = b.input("x", 4);
        Value out = b.output("acc", 4);
        Value sum = b.add("sum", out, x);
        b.register(out, sum, null, BigInteger.ZERO);
        Datapath g = b.build();
        assertDoesNotThrow(() -> DatapathVerifier.verify(g, "lower"));
        DatapathSimulator sim = new DatapathSimulator(g);
        sim.step(Map.of("x", BigInteger.valueOf(5)), false);
        assertEquals(BigInteger.valueOf(5), sim.step(Map.of("x", BigInteger.valueOf(7)), false).get("acc"));
        assertEquals(BigInteger.valueOf(12), sim.step(Map.of("x", BigInteger.ZERO), false).get("acc"));
    }

    @Test
    void twoDriversAreRejected() {
        Value x = new Value("x", 1);
        Value y = new Value("y", 1);
        Datapath g = new Datapath(List.of(x), List.of(y),
                List.of(new Op.Not(y, x, "l"), new Op.Not(y, x, "l")));
        assertTrue(failure(g).contains("some-pass: value y:1 has two drivers"), failure(g));
    }

    @Test
    void aReadOfAnUndrivenValueIsRejected() {
        Value x = new Value("x", 1);
        Value ghost = new Value("ghost", 1);
        Value y = new Value("y", 1);
        Datapath g = new Datapath(List.of(x), List.of(y), List.of(new Op.Logic(y, Op.LogicKind.AND, List.of(x, ghost), "l")));
        assertTrue(failure(g).contains("reads ghost:1, which nothing drives"), failure(g));
    }

    @Test
    void widthRulesAreChecked() {
        Value a = new Value("a", 4);
        Value b = new Value("b", 5);
        Value s = new Value("s", 4);
        Datapath g = new Datapath(List.of(a, b), List.of(s), List.of(new Op.Add(s, a, b, false, "l")));
        assertTrue(failure(g).contains("add -> [s:4]: b:5 must have the width of s:4"), failure(g));
        Value narrow = new Value("n", 3);
        Datapath ext = new Datapath(List.of(a), List.of(narrow), List.of(new Op.Extend(narrow, a, true, "l")));
        assertTrue(failure(ext).contains("narrows"), failure(ext));
        Value bits = new Value("k", 2);
        Datapath konst = new Datapath(List.of(), List.of(bits), List.of(new Op.Const(bits, BigInteger.valueOf(4), "l")));
        assertTrue(failure(konst).contains("constant 4 does not fit 2 bits"), failure(konst));
    }

    @Test
    void aCombinationalLoopIsRejectedButARegisterBreaksIt() {
        Value x = new Value("x", 1);
        Value p = new Value("p", 1);
        Value q = new Value("q", 1);
        Datapath loop = new Datapath(List.of(x), List.of(q), List.of(
                new Op.Logic(p, Op.LogicKind.XOR, List.of(x, q), "l"), new Op.Not(q, p, "l")));
        assertTrue(failure(loop).contains("combinational loop"), failure(loop));
        Datapath broken = new Datapath(List.of(x), List.of(q), List.of(
                new Op.Logic(p, Op.LogicKind.XOR, List.of(x, q), "l"), new Op.Register(q, p, null, BigInteger.ZERO, "l")));
        assertDoesNotThrow(() -> DatapathVerifier.verify(broken, "ok"));
    }

    @Test
    void anOutputPortMustBeDrivenByAnOp() {
        Value x = new Value("x", 2);
        Datapath g = new Datapath(List.of(x), List.of(new Value("y", 2)), List.of());
        assertTrue(failure(g).contains("output port y:2 is not driven"), failure(g));
    }
}
