package bitweave.units.mx;

import bitweave.diag.ErrorCode;
import bitweave.golden.Beat;
import bitweave.golden.NumberFile;
import bitweave.golden.Problem;
import bitweave.golden.ProblemReader;
import bitweave.golden.Stimulus;
import bitweave.golden.UnitGolden;
import bitweave.golden.ValueSource;
import bitweave.ir.TopInterface;
import bitweave.numeric.FloatText;
import bitweave.numeric.FpValue;
import bitweave.numeric.QuantizedBlock;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The golden side of {@code quantizer()}: problems are {@link InputBlock}s, the model is the golden library's
 * {@link bitweave.numeric.BlockQuantizer}; the text input {@code x} holds one row of channels (one block unless
 * {@code channels} says more) per line, each value a hex bit pattern or a decimal; the output is one line per
 * block: the scale code, {@code |}, then the element codes, all in hex (dsl/GOLDEN.md).
 */
final class QuantizerGolden implements UnitGolden {
    private final Quantizer q;

    QuantizerGolden(Quantizer q) {
        this.q = q;
    }

    @Override
    public void validate(Problem p, String where) {
        if (!(p instanceof InputBlock b)) {
            throw new IllegalArgumentException(where + ": a quantizer needs InputBlock problems");
        }
        if (b.codes().length != q.channels()) {
            throw new IllegalArgumentException(where + ": a row has " + q.channels() + " values, got "
                    + b.codes().length);
        }
        for (long c : b.codes()) {
            if (c < 0 || (q.input().width() < 64 && c >>> q.input().width() != 0)) {
                throw new IllegalArgumentException(where + ": " + Long.toHexString(c) + " is not a "
                        + q.input() + " bit pattern");
            }
        }
    }

    /**
     * Per row: the channels taken in the declared order ({@code reorder}), cut into blocks; the result is every
     * block's scale code, then every element code (the out stream's fields in order).
     */
    @Override
    public List<List<BigInteger>> run(List<? extends Problem> problems) {
        List<List<BigInteger>> out = new ArrayList<>(problems.size());
        int k = q.blockSize();
        for (Problem p : problems) {
            long[] codes = ((InputBlock) p).codes();
            List<BigInteger> scales = new ArrayList<>();
            List<BigInteger> elements = new ArrayList<>();
            for (int b = 0; b < q.blocks(); b++) {
                List<FpValue> values = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    values.add(q.input().decode(codes[q.order().get(b * k + i)]));
                }
                QuantizedBlock block = q.rule().quantize(values);
                scales.add(BigInteger.valueOf(block.scale()));
                block.codes().forEach(c -> elements.add(BigInteger.valueOf(c)));
            }
            List<BigInteger> row = new ArrayList<>(scales);
            row.addAll(elements);
            out.add(row);
        }
        return out;
    }

    @Override
    public int outputMatrixCols() {
        return 0;
    }

    // ---- stimulus (the operand sources are unused: the blocks come from QuantizerStimulus) ----

    @Override
    public List<Problem> corners(ValueSource a, ValueSource b, int limit) {
        return new ArrayList<>(new QuantizerStimulus(q).cornerRows());
    }

    @Override
    public Problem random(ValueSource a, ValueSource b, Random random) {
        return new QuantizerStimulus(q).randomRow(random);
    }

    @Override
    public List<Beat> inputBeats(Problem p, int vector, TopInterface iface) {
        List<BigInteger> x = new ArrayList<>();
        for (long c : ((InputBlock) p).codes()) {
            x.add(BigInteger.valueOf(c));
        }
        return List.of(Stimulus.beat(iface.input("in"), Map.of("x", x), vector));
    }

    // ---- golden text ----

    @Override
    public boolean readsWords() {
        return true;
    }

    @Override
    public List<String> inputNames() {
        return List.of("x");
    }

    @Override
    public List<Problem> read(Map<String, NumberFile> files, ProblemReader reader) {
        List<Problem> out = new ArrayList<>();
        for (NumberFile.Row row : files.get("x").rows()) {
            List<NumberFile.Token> tokens = row.values();
            if (tokens.size() != q.channels()) {
                reader.error(ErrorCode.GOLDEN_WRONG_COUNT, tokens.size() > q.channels()
                        ? tokens.get(q.channels()).loc() : row.end(), "a row of x has " + tokens.size()
                        + " values, expected " + (q.blocks() == 1 ? "block = " : "channels = ") + q.channels());
                continue;
            }
            long[] codes = new long[tokens.size()];
            for (int i = 0; i < codes.length; i++) {
                NumberFile.Token t = tokens.get(i);
                try {
                    codes[i] = FloatText.parse(t.text(), q.input());
                } catch (NumberFormatException e) {
                    reader.error(ErrorCode.GOLDEN_BAD_NUMBER, t.loc(), "'" + t.text() + "' is not a " + q.input()
                            + " value: write a bit pattern (0x42FFFFFF) or a decimal (1.5, -0, 1e-40, nan, inf)");
                }
            }
            out.add(new InputBlock(codes));
        }
        return out;
    }

    @Override
    public String format(List<List<BigInteger>> results) {
        StringBuilder sb = new StringBuilder();
        int scaleBits = q.format().scale().bits();
        int elemBits = q.format().element().width();
        int k = q.blockSize();
        int nb = q.blocks();
        for (List<BigInteger> row : results) {
            for (int b = 0; b < nb; b++) { // one line per block: its scale, then its codes
                sb.append(FloatText.hex(row.get(b).longValueExact(), scaleBits)).append(" |");
                for (BigInteger c : row.subList(nb + b * k, nb + (b + 1) * k)) {
                    sb.append(' ').append(FloatText.hex(c.longValueExact(), elemBits));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    @Override
    public Map<String, String> inputTexts(List<? extends Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            long[] codes = ((InputBlock) p).codes();
            for (int i = 0; i < codes.length; i++) {
                sb.append(i > 0 ? " " : "").append(FloatText.hex(codes[i], q.input().width()));
            }
            sb.append('\n');
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("x", sb.toString());
        return texts;
    }
}
