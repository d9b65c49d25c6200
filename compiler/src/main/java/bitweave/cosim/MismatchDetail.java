package bitweave.cosim;

import bitweave.golden.IntArith;
import bitweave.ir.Field;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * Turns a mismatch on a packed port (2048 bits of out_c, say) into what a designer wants to read: the
 * first element that differs, its matrix position, and both values as numbers of the element type.
 */
public final class MismatchDetail {
    private MismatchDetail() {
    }

    /** E.g. {@code out_c element 3 (C[0][3]): expected 16384, got -16384}; empty for a 1-element field. */
    public static Optional<String> describe(Mismatch m, TopInterface iface, int matrixCols) {
        if (m.extraBeat()) {
            return Optional.empty();
        }
        Stream out = iface.output();
        for (Field f : out.fields()) {
            if (!out.portOf(f).equals(m.port())) {
                continue;
            }
            List<BigInteger> want = IntArith.unpack(hex(m.expectedHex()), f.type(), f.elements());
            List<BigInteger> got = IntArith.unpack(hex(m.actualHex()), f.type(), f.elements());
            int differing = 0;
            int first = -1;
            for (int i = 0; i < f.elements(); i++) {
                if (!want.get(i).equals(got.get(i))) {
                    differing++;
                    first = first < 0 ? i : first;
                }
            }
            if (first < 0) {
                return Optional.empty();
            }
            String where = f.elements() == 1 ? "" : " element " + first + position(f, first, matrixCols);
            return Optional.of(m.port() + where + ": expected " + want.get(first) + ", got " + got.get(first)
                    + (f.elements() > 1 ? " (" + differing + " of " + f.elements() + " elements differ)" : ""));
        }
        return Optional.empty();
    }

    private static String position(Field f, int index, int matrixCols) {
        if (f.name().equals("c") && matrixCols > 0) {
            return " (C[" + index / matrixCols + "][" + index % matrixCols + "])";
        }
        return " (" + f.name() + "[" + index + "])";
    }

    private static BigInteger hex(String text) {
        String digits = text.startsWith("0x") ? text.substring(2) : text;
        return new BigInteger(digits, 16);
    }
}
