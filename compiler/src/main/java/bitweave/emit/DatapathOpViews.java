package bitweave.emit;

import bitweave.datapath.Op;
import bitweave.datapath.Value;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The view models of templates/datapath.stg: for each op kind, a record holding every piece of text
 * its template places (operand selections, fills, sized literals, per-digit windows), computed here
 * so the templates only substitute. Building a view records, in {@link VerilogBits}, which bits of
 * which values the printed op reads.
 */
final class DatapathOpViews {
    record ConstView(String out, String literal) {
    }

    /** {@code fill} is null when the widths are equal (the extension is a plain copy). */
    record ExtendView(String out, String in, int fillWidth, String fill) {
    }

    record SliceView(String out, String in) {
    }

    record ConcatView(String out, List<String> parts) {
    }

    /** {@code separator} is the operator with spaces, e.g. {@code " & "}. */
    record LogicView(String out, List<String> operands, String separator) {
    }

    record NotView(String out, String in) {
    }

    record ReduceView(String out, String symbol, String in) {
    }

    record MuxView(String out, String sel, String whenTrue, String whenFalse) {
    }

    /** {@code parts} is the shifted value as a concatenation, most significant first. */
    record ShiftLeftView(String out, List<String> parts, String source, int amount) {
    }

    record AddView(String out, String a, String symbol, String b) {
    }

    record MultiplyView(String out, String a, String b) {
    }

    /** A helper vector an op declares for itself: {@code wire RANGE NAME = {bits}} (bits most significant first). */
    record Wire(String range, String name, List<String> bits) {
    }

    /** Booth's window of digit i is (hi, mid, lo) = (in[2i+1], in[2i], in[2i-1]), as three digit vectors. */
    record BoothEncodeView(String neg, String one, String two, String source, boolean signed,
                           Wire hi, Wire mid, Wire lo) {
    }

    /**
     * EN-T: the magnitude's bit pairs (hi, lo) per digit; the carry into each pair is the carry vector of
     * hi + (hi & lo), since a pair generates a carry when it is 3 and propagates one when its high bit is
     * set. {@code sign}, {@code signBit}, {@code magnitude}, {@code magnitudeRange} and {@code plusOne} are
     * null for an unsigned operand (its magnitude is itself).
     */
    record EntEncodeView(String neg, String one, String two, String source, boolean signed,
                         String sign, String signBit, String magnitude, String magnitudeRange, String in,
                         String plusOne, String digitRange, int digits, Wire hi, Wire lo,
                         String generate, String carry, String code0, String code1) {
    }

    /** {@code oneRow} and {@code twoRow} are b and 2b extended to the row width, as concatenations. */
    record PartialProductView(String out, String neg, String one, String two, int width,
                              List<String> oneRow, List<String> twoRow, String zero, boolean bSigned) {
    }

    record FullAdderView(String sum, String carry, String a, String b, String c) {
    }

    record HalfAdderView(String sum, String carry, String a, String b) {
    }

    record Compressor42View(String sum, String carry, String cout, String x0, String x1, String x2, String x3,
                            String cin) {
    }

    /**
     * Fit by slicing, no {@code $signed}: a signed saturation checks that the bits from the output's sign
     * position up ({@code top}) are all equal; an unsigned one that the input is not negative
     * ({@code sign}) and has no bit set above the output ({@code above}, null when there is none).
     */
    record FitView(String out, boolean wrap, boolean saturateSigned, String low, String top, String sign,
                   String above, String min, String max, String zero) {
    }

    /** {@code q} is the reg; {@code port} (null for an internal value) is the output port it drives. */
    record RegisterView(String q, String d, String enable, String reset, String port) {
    }

    private final VerilogBits bits;
    private final VerilogNames names;
    private final Set<String> outputPorts;

    DatapathOpViews(VerilogBits bits, VerilogNames names, Set<String> outputPorts) {
        this.bits = bits;
        this.names = names;
        this.outputPorts = outputPorts;
    }

    /** The name of the op's template: its kind with '-' made '_'. */
    static String templateName(Op op) {
        return op.kind().replace('-', '_');
    }

    /** The view of one op; a register driving an output port gets {@code regName} as its reg. */
    Record of(Op op, String regName) {
        if (op instanceof Op.Const c) {
            return new ConstView(c.out().name(), VerilogBits.literal(c.out().width(), c.bits()));
        }
        if (op instanceof Op.Extend e) {
            int fill = e.out().width() - e.in().width();
            String fillBit = fill == 0 ? null
                    : e.signed() ? bits.bit(e.in(), e.in().width() - 1) : "1'b0";
            return new ExtendView(e.out().name(), bits.all(e.in()), fill, fillBit);
        }
        if (op instanceof Op.Slice s) {
            return new SliceView(s.out().name(), bits.range(s.in(), s.lo(), s.out().width()));
        }
        if (op instanceof Op.Concat c) {
            return new ConcatView(c.out().name(), c.parts().stream().map(bits::all).toList());
        }
        if (op instanceof Op.Logic l) {
            return new LogicView(l.out().name(), l.operands().stream().map(bits::all).toList(),
                    " " + l.op().symbol + " ");
        }
        if (op instanceof Op.Not n) {
            return new NotView(n.out().name(), bits.all(n.in()));
        }
        if (op instanceof Op.Reduce r) {
            return new ReduceView(r.out().name(), r.op().symbol, bits.all(r.in()));
        }
        if (op instanceof Op.Mux m) {
            return new MuxView(m.out().name(), bits.all(m.sel()), bits.all(m.whenTrue()), bits.all(m.whenFalse()));
        }
        if (op instanceof Op.ShiftLeft s) {
            return shiftLeft(s);
        }
        if (op instanceof Op.Add a) {
            return new AddView(a.out().name(), bits.all(a.a()), a.subtract() ? "-" : "+", bits.all(a.b()));
        }
        if (op instanceof Op.Multiply m) {
            return new MultiplyView(m.out().name(), bits.all(m.a()), bits.all(m.b()));
        }
        if (op instanceof Op.BoothEncode b) {
            return booth(b);
        }
        if (op instanceof Op.EntEncode e) {
            return ent(e);
        }
        if (op instanceof Op.PartialProduct p) {
            return partialProduct(p);
        }
        if (op instanceof Op.FullAdder f) {
            return new FullAdderView(f.sum().name(), f.carry().name(), bits.all(f.a()), bits.all(f.b()), bits.all(f.c()));
        }
        if (op instanceof Op.HalfAdder h) {
            return new HalfAdderView(h.sum().name(), h.carry().name(), bits.all(h.a()), bits.all(h.b()));
        }
        if (op instanceof Op.Compressor42 c) {
            return new Compressor42View(c.sum().name(), c.carry().name(), c.cout().name(), bits.all(c.x0()),
                    bits.all(c.x1()), bits.all(c.x2()), bits.all(c.x3()), bits.all(c.cin()));
        }
        if (op instanceof Op.Fit f) {
            return fit(f);
        }
        if (op instanceof Op.Register r) {
            boolean drivesPort = outputPorts.contains(r.out().name());
            return new RegisterView(drivesPort ? regName : r.out().name(), bits.all(r.d()),
                    r.enable() == null ? null : bits.all(r.enable()),
                    r.resetValue() == null ? null : VerilogBits.literal(r.out().width(), r.resetValue()),
                    drivesPort ? r.out().name() : null);
        }
        throw new IllegalStateException("no Verilog template for op kind " + op.kind());
    }

    private ShiftLeftView shiftLeft(Op.ShiftLeft s) {
        int outWidth = s.out().width();
        int kept = Math.max(0, Math.min(s.in().width(), outWidth - s.amount()));
        List<String> parts = new ArrayList<>();
        int above = outWidth - s.amount() - kept;
        if (above > 0) {
            parts.add(VerilogBits.zeros(above));
        }
        if (kept > 0) {
            parts.add(bits.range(s.in(), 0, kept));
        }
        int below = Math.min(s.amount(), outWidth);
        if (below > 0) {
            parts.add(VerilogBits.zeros(below));
        }
        return new ShiftLeftView(s.out().name(), parts, s.in().name(), s.amount());
    }

    /** Bit {@code i} of {@code in} read as a number of its signedness: sign (or zero) beyond the top, 0 below. */
    private String operandBit(Value in, boolean signed, int i) {
        if (i < 0) {
            return "1'b0";
        }
        if (i >= in.width()) {
            return signed ? bits.bit(in, in.width() - 1) : "1'b0";
        }
        return bits.bit(in, i);
    }

    /** One bit per digit, digit D-1 first: {@code bitOf(i)} for i = D-1 .. 0. */
    private static List<String> perDigit(int digits, java.util.function.IntFunction<String> bitOf) {
        List<String> list = new ArrayList<>();
        for (int i = 0; i < digits; i++) {
            list.add(bitOf.apply(i));
        }
        Collections.reverse(list);
        return list;
    }

    private BoothEncodeView booth(Op.BoothEncode b) {
        int digits = Op.BoothEncode.digits(b.in().width(), b.signed());
        String range = VerilogBits.declRange(digits);
        String base = b.neg().name();
        Value in = b.in();
        Wire hi = new Wire(range, names.fresh(base + "_hi"), perDigit(digits, i -> operandBit(in, b.signed(), 2 * i + 1)));
        Wire mid = new Wire(range, names.fresh(base + "_mid"), perDigit(digits, i -> operandBit(in, b.signed(), 2 * i)));
        Wire lo = new Wire(range, names.fresh(base + "_lo"), perDigit(digits, i -> operandBit(in, b.signed(), 2 * i - 1)));
        return new BoothEncodeView(b.neg().name(), b.one().name(), b.two().name(), in.name(), b.signed(), hi, mid, lo);
    }

    private EntEncodeView ent(Op.EntEncode e) {
        int width = e.in().width();
        int digits = Op.EntEncode.digits(width, e.signed());
        String range = VerilogBits.declRange(digits);
        String base = e.neg().name();
        String sign = null;
        String signBit = null;
        String magnitudeRange = null;
        String plusOne = null;
        String in = null;
        Value magnitude = e.in();
        if (e.signed()) {
            sign = names.fresh(base + "_sign");
            signBit = bits.bit(e.in(), width - 1);
            in = bits.all(e.in());
            magnitude = names.fresh(base + "_mag", width);
            magnitudeRange = VerilogBits.declRange(width);
            plusOne = VerilogBits.literal(width, BigInteger.ONE);
        }
        Value m = magnitude;
        // bits beyond the magnitude's width are zero: a magnitude is never negative
        Wire hi = new Wire(range, names.fresh(base + "_hi"), perDigit(digits, i -> operandBit(m, false, 2 * i + 1)));
        Wire lo = new Wire(range, names.fresh(base + "_lo"), perDigit(digits, i -> operandBit(m, false, 2 * i)));
        return new EntEncodeView(e.neg().name(), e.one().name(), e.two().name(), e.in().name(), e.signed(),
                sign, signBit, e.signed() ? magnitude.name() : null, magnitudeRange, in, plusOne, range, digits, hi, lo,
                names.fresh(base + "_gen"), names.fresh(base + "_carry"), names.fresh(base + "_code0"),
                names.fresh(base + "_code1"));
    }

    private PartialProductView partialProduct(Op.PartialProduct p) {
        int width = p.out().width();
        Value b = p.b();
        String all = bits.all(b);
        String top = bits.bit(b, b.width() - 1);
        List<String> oneRow = p.bSigned() ? List.of(top, all) : List.of(VerilogBits.zeros(2), all);
        List<String> twoRow = p.bSigned() ? List.of(all, "1'b0") : List.of("1'b0", all, "1'b0");
        return new PartialProductView(p.out().name(), bits.all(p.neg()), bits.all(p.one()), bits.all(p.two()),
                width, oneRow, twoRow, VerilogBits.zeros(width), p.bSigned());
    }

    private FitView fit(Op.Fit f) {
        int out = f.out().width();
        int in = f.in().width();
        String low = bits.range(f.in(), 0, out);
        String sign = null;
        String top = null;
        String above = null;
        String min = null;
        String max = null;
        switch (f.policy()) {
            case WRAP -> {
            }
            case SATURATE_SIGNED -> {
                top = bits.range(f.in(), out - 1, in - out + 1);
                sign = bits.bit(f.in(), in - 1);
                min = VerilogBits.literal(out, BigInteger.ONE.shiftLeft(out - 1));
                max = VerilogBits.literal(out, BigInteger.ONE.shiftLeft(out - 1).subtract(BigInteger.ONE));
            }
            case SATURATE_UNSIGNED -> {
                sign = bits.bit(f.in(), in - 1);
                above = in - 1 > out ? bits.range(f.in(), out, in - 1 - out) : null;
                max = VerilogBits.literal(out, BigInteger.ONE.shiftLeft(out).subtract(BigInteger.ONE));
            }
        }
        return new FitView(f.out().name(), f.policy() == Op.FitPolicy.WRAP, f.policy() == Op.FitPolicy.SATURATE_SIGNED,
                low, top, sign, above, min, max, VerilogBits.zeros(out));
    }
}
