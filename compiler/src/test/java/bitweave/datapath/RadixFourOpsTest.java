package bitweave.datapath;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The semantics of the encoder and selector ops against integer products: for every a and b of small
 * widths, Σ (signed(row_i) + neg_i)·4^i = a·b, where row_i is the partial-product op's output for digit i.
 */
class RadixFourOpsTest {
    private static final String LOC = "test:1:1";

    private static BigInteger read(BigInteger bits, int width, boolean signed) {
        return signed ? OpSemantics.signed(bits, width) : bits;
    }

    private static void check(boolean ent, int wa, boolean sa, int wb, boolean sb) {
        Value a = new Value("a", wa);
        Value b = new Value("b", wb);
        int digits = ent ? Op.EntEncode.digits(wa, sa) : Op.BoothEncode.digits(wa, sa);
        Value neg = new Value("neg", digits);
        Value one = new Value("one", digits);
        Value two = new Value("two", digits);
        Op encode = ent ? new Op.EntEncode(neg, one, two, a, sa, LOC) : new Op.BoothEncode(neg, one, two, a, sa, LOC);
        int rowWidth = Op.PartialProduct.rowWidth(wb, sb);
        Value n = new Value("n", 1);
        Value o = new Value("o", 1);
        Value t = new Value("t", 1);
        Value row = new Value("row", rowWidth);
        Op select = new Op.PartialProduct(row, n, o, t, b, sb, LOC);
        for (long x = 0; x < (1L << wa); x++) {
            BigInteger ax = BigInteger.valueOf(x);
            List<BigInteger> code = OpSemantics.eval(encode, v -> ax);
            for (long y = 0; y < (1L << wb); y++) {
                BigInteger by = BigInteger.valueOf(y);
                BigInteger total = BigInteger.ZERO;
                for (int i = 0; i < digits; i++) {
                    BigInteger ni = bitOf(code.get(0), i);
                    BigInteger oi = bitOf(code.get(1), i);
                    BigInteger ti = bitOf(code.get(2), i);
                    String what = (ent ? "ent " : "booth ") + type(wa, sa) + "=" + x + " x " + type(wb, sb) + "=" + y
                            + " digit " + i;
                    assertFalse(oi.signum() != 0 && ti.signum() != 0, what + ": one and two both set");
                    assertFalse(ni.signum() != 0 && oi.signum() == 0 && ti.signum() == 0, what + ": neg on a zero digit");
                    Map<String, BigInteger> in = Map.of("n", ni, "o", oi, "t", ti, "b", by);
                    BigInteger r = OpSemantics.eval(select, v -> in.get(v.name())).get(0);
                    assertEquals(0, r.shiftRight(rowWidth).signum(), what + ": row wider than its value");
                    total = total.add(OpSemantics.signed(r, rowWidth).add(ni).shiftLeft(2 * i));
                }
                BigInteger expected = read(ax, wa, sa).multiply(read(by, wb, sb));
                assertEquals(expected, total, (ent ? "ent " : "booth ") + type(wa, sa) + "=" + x + " x "
                        + type(wb, sb) + "=" + y);
            }
        }
    }

    private static BigInteger bitOf(BigInteger v, int i) {
        return v.testBit(i) ? BigInteger.ONE : BigInteger.ZERO;
    }

    private static String type(int w, boolean signed) {
        return (signed ? "int" : "uint") + w;
    }

    @Test
    void boothAndEntRowsSumToTheProductForAllSmallOperands() {
        for (boolean ent : new boolean[] {false, true}) {
            for (int wa = 1; wa <= 6; wa++) {
                for (int wb = 1; wb <= 5; wb++) {
                    for (boolean sa : new boolean[] {true, false}) {
                        for (boolean sb : new boolean[] {true, false}) {
                            check(ent, wa, sa, wb, sb);
                        }
                    }
                }
            }
        }
    }

    @Test
    void int8TimesInt8AndUint8TimesUint8() {
        check(false, 8, true, 8, true);
        check(true, 8, true, 8, true);
        check(false, 8, false, 8, false);
        check(true, 8, false, 8, false);
    }
}
