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
import bitweave.numeric.QuantizedBlock;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The golden side of {@code dequantizer()}: problems are {@link EncodedBlock}s, the model is the golden
 * library's {@link bitweave.numeric.BlockDequantizer}. The text input {@code block} holds one block per line
 * as the quantizer prints it, {@code SCALE | CODE ...} (integers, hex with 0x); the output is one line of
 * bit patterns of the output format per block (dsl/GOLDEN.md).
 */
final class DequantizerGolden implements UnitGolden {
    private final Dequantizer d;

    DequantizerGolden(Dequantizer d) {
        this.d = d;
    }

    @Override
    public void validate(Problem p, String where) {
        if (!(p instanceof EncodedBlock b)) {
            throw new IllegalArgumentException(where + ": a dequantizer needs EncodedBlock problems");
        }
        if (b.codes().length != d.blockSize()) {
            throw new IllegalArgumentException(where + ": a block has " + d.blockSize() + " codes, got " + b.codes().length);
        }
        if (b.scale() < 0 || b.scale() > d.format().scale().nanCode()) {
            throw new IllegalArgumentException(where + ": scale code " + b.scale() + " out of range");
        }
        for (long c : b.codes()) {
            if (c < 0 || c >>> d.format().element().width() != 0) {
                throw new IllegalArgumentException(where + ": element code " + c + " out of range");
            }
        }
    }

    @Override
    public List<List<BigInteger>> run(List<? extends Problem> problems) {
        List<List<BigInteger>> out = new ArrayList<>(problems.size());
        for (Problem p : problems) {
            EncodedBlock b = (EncodedBlock) p;
            List<Long> codes = new ArrayList<>();
            for (long c : b.codes()) {
                codes.add(c);
            }
            out.add(d.rule().dequantize(new QuantizedBlock(b.scale(), codes)).stream().map(BigInteger::valueOf).toList());
        }
        return out;
    }

    @Override
    public int outputMatrixCols() {
        return 0;
    }

    @Override
    public List<Problem> corners(ValueSource a, ValueSource b, int limit) {
        return new ArrayList<>(new DequantizerStimulus(d).corners());
    }

    @Override
    public Problem random(ValueSource a, ValueSource b, Random random) {
        return new DequantizerStimulus(d).random(random);
    }

    @Override
    public List<Beat> inputBeats(Problem p, int vector, TopInterface iface) {
        EncodedBlock b = (EncodedBlock) p;
        List<BigInteger> codes = new ArrayList<>();
        for (long c : b.codes()) {
            codes.add(BigInteger.valueOf(c));
        }
        return List.of(Stimulus.beat(iface.input("in"), Map.of("scale", List.of(BigInteger.valueOf(b.scale())),
                "elem", codes), vector));
    }

    @Override
    public boolean readsWords() {
        return true;
    }

    @Override
    public List<String> inputNames() {
        return List.of("block");
    }

    @Override
    public List<Problem> read(Map<String, NumberFile> files, ProblemReader reader) {
        List<Problem> out = new ArrayList<>();
        int scaleBits = d.format().scale().bits();
        int elemBits = d.format().element().width();
        for (NumberFile.Row row : files.get("block").rows()) {
            List<NumberFile.Token> t = row.values();
            if (t.size() != d.blockSize() + 2 || !t.get(1).text().equals("|")) {
                reader.error(ErrorCode.GOLDEN_WRONG_COUNT, t.size() > 1 ? t.get(1).loc() : row.end(),
                        "a block is written 'SCALE | CODE ...' with block = " + d.blockSize() + " codes, got "
                                + t.size() + " words");
                continue;
            }
            long scale = code(t.get(0), scaleBits, "scale code", reader);
            long[] codes = new long[d.blockSize()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = code(t.get(i + 2), elemBits, "element code", reader);
            }
            out.add(new EncodedBlock(scale, codes));
        }
        return out;
    }

    static long code(NumberFile.Token t, int bits, String what, ProblemReader reader) {
        if (t.value() == null) {
            reader.error(ErrorCode.GOLDEN_BAD_NUMBER, t.loc(), "'" + t.text() + "' is not a " + what
                    + " (an integer, e.g. 0x7F)");
            return 0;
        }
        if (t.value().signum() < 0 || t.value().bitLength() > bits) {
            reader.error(ErrorCode.GOLDEN_VALUE_OUT_OF_RANGE, t.loc(), t.text() + " is not a " + bits + "-bit " + what);
            return 0;
        }
        return t.value().longValueExact();
    }

    @Override
    public String format(List<List<BigInteger>> results) {
        StringBuilder sb = new StringBuilder();
        for (List<BigInteger> row : results) {
            for (int i = 0; i < row.size(); i++) {
                sb.append(i > 0 ? " " : "").append(FloatText.hex(row.get(i).longValue(), d.output().width()));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public Map<String, String> inputTexts(List<? extends Problem> problems) {
        StringBuilder sb = new StringBuilder();
        for (Problem p : problems) {
            EncodedBlock b = (EncodedBlock) p;
            sb.append(FloatText.hex(b.scale(), d.format().scale().bits())).append(" |");
            for (long c : b.codes()) {
                sb.append(' ').append(FloatText.hex(c, d.format().element().width()));
            }
            sb.append('\n');
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("block", sb.toString());
        return texts;
    }
}
