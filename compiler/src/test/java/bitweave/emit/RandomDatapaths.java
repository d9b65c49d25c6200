package bitweave.emit;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded random datapath graphs over every printable op kind: widths 1..40 with the edges 1, 32, 33,
 * 63, 64, 65 favoured, both signednesses, registers with and without reset and enable (some driving
 * output ports), values left partly or wholly unread, and op outputs that are ports.
 */
final class RandomDatapaths {
    private static final int[] EDGE_WIDTHS = {1, 2, 3, 32, 33, 63, 64, 65};
    private static final int MAX_WIDTH = 130;
    private static final String[] KINDS = {"const", "extend", "slice", "concat", "logic", "not", "reduce", "mux",
        "shift-left", "add", "multiply", "booth-encode", "ent-encode", "partial-product", "full-adder",
        "half-adder", "compressor-4-2", "fit"};

    private final Random rnd;
    private DatapathBuilder b;
    private List<Value> pool;
    /** Outputs of the op being built: they join the pool only after it, so no op reads its own output. */
    private final List<Value> pending = new ArrayList<>();
    private int ports;

    RandomDatapaths(Random rnd) {
        this.rnd = rnd;
    }

    int width() {
        return rnd.nextInt(10) < 4 ? EDGE_WIDTHS[rnd.nextInt(EDGE_WIDTHS.length)] : 1 + rnd.nextInt(40);
    }

    Datapath graph(int opCount) {
        b = new DatapathBuilder("rand.bw:1:1");
        pool = new ArrayList<>();
        ports = 0;
        int inputs = 1 + rnd.nextInt(4);
        for (int i = 0; i < inputs; i++) {
            pool.add(b.input("in" + i, width()));
        }
        // register outputs exist from the start, so ops may read them (feedback); their d comes last
        List<Value> registers = new ArrayList<>();
        int regs = rnd.nextInt(4);
        for (int i = 0; i < regs; i++) {
            Value q = out(width(), 0.3);
            registers.add(q);
            pool.add(q);
        }
        for (int i = 0; i < opCount; i++) {
            if (rnd.nextInt(6) == 0) {
                b.at("rand.bw:" + (2 + i) + ":" + (1 + rnd.nextInt(9)));
            }
            randomOp(KINDS[rnd.nextInt(KINDS.length)]);
            pool.addAll(pending);
            pending.clear();
        }
        for (Value q : registers) {
            Value enable = rnd.nextBoolean() ? valueOfWidth(1) : null;
            BigInteger reset = rnd.nextBoolean() ? randomBits(q.width()) : null;
            b.register(q, valueOfWidth(q.width()), enable, reset);
        }
        if (ports == 0) {
            Value in = pick();
            b.add(new Op.Slice(b.output("out" + ports++, 1), in, rnd.nextInt(in.width()), b.loc()));
        }
        return b.build();
    }

    private void randomOp(String kind) {
        String loc = b.loc();
        switch (kind) {
            case "const" -> {
                int w = width();
                b.add(new Op.Const(add(out(w)), randomBits(w), loc));
            }
            case "extend" -> {
                Value in = pick();
                b.add(new Op.Extend(add(out(Math.min(MAX_WIDTH, in.width() + rnd.nextInt(9)))), in, rnd.nextBoolean(), loc));
            }
            case "slice" -> {
                Value in = pick();
                int w = 1 + rnd.nextInt(in.width());
                b.add(new Op.Slice(add(out(w)), in, rnd.nextInt(in.width() - w + 1), loc));
            }
            case "concat" -> {
                List<Value> parts = new ArrayList<>();
                int total = 0;
                for (int n = 1 + rnd.nextInt(3); n > 0; n--) {
                    Value p = pick();
                    if (total + p.width() <= MAX_WIDTH) {
                        parts.add(p);
                        total += p.width();
                    }
                }
                if (!parts.isEmpty()) {
                    b.add(new Op.Concat(add(out(total)), parts, loc));
                }
            }
            case "logic" -> {
                int w = width();
                List<Value> operands = new ArrayList<>();
                for (int n = 2 + rnd.nextInt(3); n > 0; n--) {
                    operands.add(valueOfWidth(w));
                }
                Op.LogicKind k = Op.LogicKind.values()[rnd.nextInt(3)];
                b.add(new Op.Logic(add(out(w)), k, operands, loc));
            }
            case "not" -> {
                Value in = pick();
                b.add(new Op.Not(add(out(in.width())), in, loc));
            }
            case "reduce" -> b.add(new Op.Reduce(add(out(1)), Op.LogicKind.values()[rnd.nextInt(3)], pick(), loc));
            case "mux" -> {
                int w = width();
                Value sel = valueOfWidth(1);
                Value t = valueOfWidth(w);
                Value f = valueOfWidth(w);
                b.add(new Op.Mux(add(out(w)), sel, t, f, loc));
            }
            case "shift-left" -> {
                Value in = pick();
                int amount = rnd.nextInt(in.width() + 4);
                int w = Math.min(MAX_WIDTH, 1 + rnd.nextInt(in.width() + amount + 2));
                b.add(new Op.ShiftLeft(add(out(w)), in, amount, loc));
            }
            case "add" -> {
                int w = width();
                Value x = valueOfWidth(w);
                Value y = valueOfWidth(w);
                b.add(new Op.Add(add(out(w)), x, y, rnd.nextBoolean(), loc));
            }
            case "multiply" -> {
                int w = width();
                Value x = valueOfWidth(w);
                Value y = valueOfWidth(w);
                b.add(new Op.Multiply(add(out(w)), x, y, loc));
            }
            case "booth-encode", "ent-encode" -> {
                Value in = pick();
                boolean signed = rnd.nextBoolean();
                int digits = kind.equals("booth-encode") ? Op.BoothEncode.digits(in.width(), signed)
                        : Op.EntEncode.digits(in.width(), signed);
                Value neg = add(out(digits));
                Value one = add(out(digits));
                Value two = add(out(digits));
                b.add(kind.equals("booth-encode") ? new Op.BoothEncode(neg, one, two, in, signed, loc)
                        : new Op.EntEncode(neg, one, two, in, signed, loc));
            }
            case "partial-product" -> {
                Value neg = valueOfWidth(1);
                Value one = valueOfWidth(1);
                Value two = valueOfWidth(1);
                Value bIn = pick();
                boolean signed = rnd.nextBoolean();
                b.add(new Op.PartialProduct(add(out(Op.PartialProduct.rowWidth(bIn.width(), signed))), neg, one, two,
                        bIn, signed, loc));
            }
            case "full-adder" -> {
                Value x = valueOfWidth(1);
                Value y = valueOfWidth(1);
                Value z = valueOfWidth(1);
                b.add(new Op.FullAdder(add(out(1)), add(out(1)), x, y, z, loc));
            }
            case "half-adder" -> {
                Value x = valueOfWidth(1);
                Value y = valueOfWidth(1);
                b.add(new Op.HalfAdder(add(out(1)), add(out(1)), x, y, loc));
            }
            case "compressor-4-2" -> {
                List<Value> x = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    x.add(valueOfWidth(1));
                }
                b.add(new Op.Compressor42(add(out(1)), add(out(1)), add(out(1)), x.get(0), x.get(1), x.get(2), x.get(3),
                        x.get(4), loc));
            }
            case "fit" -> {
                Value in = pick();
                if (in.width() < 2) {
                    in = valueOfWidth(2 + rnd.nextInt(8));
                }
                Op.FitPolicy policy = Op.FitPolicy.values()[rnd.nextInt(3)];
                b.add(new Op.Fit(add(out(1 + rnd.nextInt(in.width() - 1))), in, policy, loc));
            }
            default -> throw new IllegalArgumentException(kind);
        }
    }

    /** A new op output: sometimes an output port. */
    private Value out(int width) {
        return out(width, 0.12);
    }

    private Value out(int width, double portChance) {
        if (rnd.nextDouble() < portChance) {
            return b.output("out" + ports++, width);
        }
        return b.fresh("v", width);
    }

    private Value add(Value v) {
        pending.add(v);
        return v;
    }

    private Value pick() {
        return pool.get(rnd.nextInt(pool.size()));
    }

    /** A value of exactly {@code width} bits: one in the pool, or a slice or extension of one. */
    private Value valueOfWidth(int width) {
        List<Value> same = pool.stream().filter(v -> v.width() == width).toList();
        if (!same.isEmpty() && rnd.nextInt(10) < 7) {
            return same.get(rnd.nextInt(same.size()));
        }
        Value v = pick();
        if (v.width() == width) {
            return v;
        }
        Value out = b.fresh("v", width);
        pool.add(out);
        if (v.width() > width) {
            b.add(new Op.Slice(out, v, rnd.nextInt(v.width() - width + 1), b.loc()));
        } else {
            b.add(new Op.Extend(out, v, rnd.nextBoolean(), b.loc()));
        }
        return out;
    }

    BigInteger randomBits(int width) {
        switch (rnd.nextInt(6)) {
            case 0:
                return BigInteger.ZERO;
            case 1:
                return BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE);
            case 2:
                return BigInteger.ONE.shiftLeft(width - 1);
            default:
                return new BigInteger(width, rnd);
        }
    }
}
