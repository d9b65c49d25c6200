package bitweave.datapath;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

/**
 * What each combinational op computes, on unsigned bit patterns held in BigIntegers. This is the
 * reference the passes are tested against (a pass must not change what a graph computes); it is not
 * used by the golden model, which is written from the numeric definition of each unit.
 */
public final class OpSemantics {
    private OpSemantics() {
    }

    static BigInteger mask(int width) {
        return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
    }

    /** The pattern read as a two's-complement number. */
    public static BigInteger signed(BigInteger bits, int width) {
        return bits.testBit(width - 1) ? bits.subtract(BigInteger.ONE.shiftLeft(width)) : bits;
    }

    /** Any integer as a width-bit pattern (modulo 2^width). */
    public static BigInteger wrap(BigInteger value, int width) {
        return value.and(mask(width));
    }

    /** The op's outputs, in {@link Op#outputs()} order. Registers are not combinational: not handled here. */
    public static List<BigInteger> eval(Op op, Function<Value, BigInteger> in) {
        if (op instanceof Op.Const c) {
            return List.of(c.bits());
        }
        if (op instanceof Op.Extend e) {
            return List.of(wrap(e.signed() ? signed(in.apply(e.in()), e.in().width()) : in.apply(e.in()),
                e.out().width()));
        }
        if (op instanceof Op.Slice s) {
            return List.of(in.apply(s.in()).shiftRight(s.lo()).and(mask(s.out().width())));
        }
        if (op instanceof Op.Concat c) {
            BigInteger acc = BigInteger.ZERO;
            for (Value part : c.parts()) {
                acc = acc.shiftLeft(part.width()).or(in.apply(part));
            }
            return List.of(acc);
        }
        if (op instanceof Op.Logic l) {
            BigInteger acc = in.apply(l.operands().get(0));
            for (Value v : l.operands().subList(1, l.operands().size())) {
                BigInteger x = in.apply(v);
                acc = switch (l.op()) {
                    case AND -> acc.and(x);
                    case OR -> acc.or(x);
                    case XOR -> acc.xor(x);
                };
            }
            return List.of(acc);
        }
        if (op instanceof Op.Not n) {
            return List.of(in.apply(n.in()).xor(mask(n.out().width())));
        }
        if (op instanceof Op.Reduce r) {
            BigInteger x = in.apply(r.in());
            boolean bit = switch (r.op()) {
                case AND -> x.equals(mask(r.in().width()));
                case OR -> x.signum() != 0;
                case XOR -> x.bitCount() % 2 == 1;
            };
            return List.of(bit ? BigInteger.ONE : BigInteger.ZERO);
        }
        if (op instanceof Op.Mux m) {
            return List.of(in.apply(m.sel()).signum() != 0 ? in.apply(m.whenTrue()) : in.apply(m.whenFalse()));
        }
        if (op instanceof Op.ShiftLeft s) {
            return List.of(wrap(in.apply(s.in()).shiftLeft(s.amount()), s.out().width()));
        }
        if (op instanceof Op.Add a) {
            BigInteger x = in.apply(a.a());
            BigInteger y = in.apply(a.b());
            return List.of(wrap(a.subtract() ? x.subtract(y) : x.add(y), a.out().width()));
        }
        if (op instanceof Op.Multiply m) {
            return List.of(wrap(in.apply(m.a()).multiply(in.apply(m.b())), m.out().width()));
        }
        if (op instanceof Op.BoothEncode b) {
            return digitBits(RadixFour.booth(operand(in.apply(b.in()), b.in().width(), b.signed()),
                b.in().width(), b.signed()));
        }
        if (op instanceof Op.EntEncode e) {
            return digitBits(RadixFour.ent(operand(in.apply(e.in()), e.in().width(), e.signed()),
                Op.EntEncode.digits(e.in().width(), e.signed())));
        }
        if (op instanceof Op.PartialProduct p) {
            int w = p.out().width();
            BigInteger b = operand(in.apply(p.b()), p.b().width(), p.bSigned());
            BigInteger row = in.apply(p.one()).signum() != 0 ? b
                    : in.apply(p.two()).signum() != 0 ? b.shiftLeft(1) : BigInteger.ZERO;
            BigInteger bits = wrap(row, w);
            return List.of(in.apply(p.neg()).signum() != 0 ? bits.xor(mask(w)) : bits);
        }
        if (op instanceof Op.BitHeap h) {
            BigInteger total = BigInteger.ZERO;
            for (Op.HeapRow row : h.rows()) {
                BigInteger v = in.apply(row.value());
                total = total.add((row.signed() ? signed(v, row.value().width()) : v).shiftLeft(row.shift()));
            }
            return List.of(wrap(total, h.sum().width()), BigInteger.ZERO);
        }
        if (op instanceof Op.FullAdder f) {
            return counter(in.apply(f.a()).intValue() + in.apply(f.b()).intValue() + in.apply(f.c()).intValue());
        }
        if (op instanceof Op.HalfAdder h) {
            return counter(in.apply(h.a()).intValue() + in.apply(h.b()).intValue());
        }
        if (op instanceof Op.Compressor42 c) {
            int x0 = in.apply(c.x0()).intValue();
            int x1 = in.apply(c.x1()).intValue();
            int x2 = in.apply(c.x2()).intValue();
            int first = x0 + x1 + x2;
            int second = (first & 1) + in.apply(c.x3()).intValue() + in.apply(c.cin()).intValue();
            return List.of(BigInteger.valueOf(second & 1), BigInteger.valueOf(second >> 1), BigInteger.valueOf(first >> 1));
        }
        if (op instanceof Op.Fit f) {
            return List.of(fit(signed(in.apply(f.in()), f.in().width()), f.out().width(), f.policy()));
        }
        if (op instanceof Op.Register) {
            throw new IllegalArgumentException("a register is state, not a combinational op");
        }
        throw new IllegalArgumentException("no semantics for " + op.kind());
    }

    private static BigInteger operand(BigInteger bits, int width, boolean signed) {
        return signed ? signed(bits, width) : bits;
    }

    private static List<BigInteger> counter(int total) {
        return List.of(BigInteger.valueOf(total & 1), BigInteger.valueOf(total >> 1));
    }

    /** neg / one / two bit vectors of a digit list (digit i at bit i). */
    private static List<BigInteger> digitBits(int[] digits) {
        BigInteger neg = BigInteger.ZERO;
        BigInteger one = BigInteger.ZERO;
        BigInteger two = BigInteger.ZERO;
        for (int i = 0; i < digits.length; i++) {
            if (digits[i] < 0) {
                neg = neg.setBit(i);
            }
            if (Math.abs(digits[i]) == 1) {
                one = one.setBit(i);
            }
            if (Math.abs(digits[i]) == 2) {
                two = two.setBit(i);
            }
        }
        return List.of(neg, one, two);
    }

    static BigInteger fit(BigInteger exact, int width, Op.FitPolicy policy) {
        return switch (policy) {
            case WRAP -> wrap(exact, width);
            case SATURATE_SIGNED -> {
                BigInteger max = BigInteger.ONE.shiftLeft(width - 1).subtract(BigInteger.ONE);
                BigInteger min = BigInteger.ONE.shiftLeft(width - 1).negate();
                yield wrap(exact.max(min).min(max), width);
            }
            case SATURATE_UNSIGNED -> exact.max(BigInteger.ZERO).min(mask(width));
        };
    }
}
