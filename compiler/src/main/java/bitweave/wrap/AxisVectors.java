package bitweave.wrap;

import bitweave.golden.Beat;
import bitweave.golden.VectorSet;
import bitweave.ir.Stream;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The golden model's beats as the wrapper's transfers: each beat of a unit stream becomes its channel's
 * {@link AxisWrap.Channel#transfers} transfers in order, {@code tdata} the next {@code tdataWidth} bits of the word
 * (lowest first, zeros above the word), {@code tlast} 1 on the last one. Vector indexes stay with their transfers,
 * so the harness measures latency from a vector's last transfer and names the vector of a mismatch.
 */
public final class AxisVectors {
    private AxisVectors() {
    }

    public static VectorSet serialize(VectorSet unitVectors, AxisWrap wrap) {
        if (!unitVectors.iface().equals(wrap.core())) {
            throw new IllegalArgumentException("vector set is not for the wrapped unit's interface");
        }
        List<Beat> inputs = new ArrayList<>();
        for (Beat b : unitVectors.inputs()) {
            inputs.addAll(transfers(b, wrap.channelOf(b.stream()), wrap.tdataWidth()));
        }
        List<Beat> expected = new ArrayList<>();
        for (Beat b : unitVectors.expected()) {
            expected.addAll(transfers(b, wrap.master(), wrap.tdataWidth()));
        }
        return new VectorSet(wrap.wrapped(), inputs, expected, unitVectors.vectors());
    }

    /** The word of a beat: field i at bit {@code fieldOffsets[i]}. */
    static BigInteger word(Beat b, AxisWrap.Channel c) {
        BigInteger word = BigInteger.ZERO;
        for (int i = 0; i < b.fields().size(); i++) {
            word = word.or(b.fields().get(i).shiftLeft(c.fieldOffsets().get(i)));
        }
        return word;
    }

    private static List<Beat> transfers(Beat b, AxisWrap.Channel c, int tdataWidth) {
        BigInteger word = word(b, c);
        BigInteger mask = BigInteger.ONE.shiftLeft(tdataWidth).subtract(BigInteger.ONE);
        Stream axis = c.axis();
        List<Beat> out = new ArrayList<>();
        for (int t = 0; t < c.transfers(); t++) {
            BigInteger tdata = word.shiftRight(t * tdataWidth).and(mask);
            BigInteger tlast = t == c.transfers() - 1 ? BigInteger.ONE : BigInteger.ZERO;
            out.add(new Beat(axis.name(), List.of(tdata, tlast), b.vector()));
        }
        return out;
    }
}
