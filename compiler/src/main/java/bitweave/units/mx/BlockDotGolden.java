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
import bitweave.numeric.BlockFormat;
import bitweave.numeric.ElementFormat;
import bitweave.numeric.FloatFormat;
import bitweave.numeric.FloatText;
import bitweave.numeric.IntElementFormat;
import bitweave.numeric.QuantizedBlock;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The golden side of {@code block_dot()}: problems are {@link DotVectors}, the model the golden library's
 * {@link bitweave.numeric.BlockDot}. Text inputs {@code a} and {@code b} hold blocks as the quantizer prints
 * them ({@code SCALE | CODE ...}), {@code blocks} consecutive lines per vector; the output is one hex bit
 * pattern of the output format per dot product (dsl/GOLDEN.md).
 */
final class BlockDotGolden implements UnitGolden {
    private static final long CORNER_SEED = 0xD07L;

    private final BlockDotUnit d;

    BlockDotGolden(BlockDotUnit d) {
        this.d = d;
    }

    @Override
    public void validate(Problem p, String where) {
        if (!(p instanceof DotVectors v)) {
            throw new IllegalArgumentException(where + ": block_dot needs DotVectors problems");
        }
        check(where + " a", v.aScales(), v.aCodes(), d.rule().a());
        check(where + " b", v.bScales(), v.bCodes(), d.rule().b());
    }

    private void check(String where, long[] scales, long[] codes, BlockFormat f) {
        if (scales.length != d.blocks() || codes.length != d.k()) {
            throw new IllegalArgumentException(where + ": " + scales.length + " scales and " + codes.length + " codes");
        }
        for (long s : scales) {
            if (s < 0 || s > f.scale().nanCode()) {
                throw new IllegalArgumentException(where + ": scale code " + s);
            }
        }
        for (long c : codes) {
            if (c < 0 || c >>> f.element().width() != 0) {
                throw new IllegalArgumentException(where + ": element code " + c);
            }
        }
    }

    @Override
    public List<List<BigInteger>> run(List<? extends Problem> problems) {
        List<List<BigInteger>> out = new ArrayList<>();
        for (Problem p : problems) {
            DotVectors v = (DotVectors) p;
            out.add(List.of(BigInteger.valueOf(d.rule().dot(blocks(v.aScales(), v.aCodes()),
                    blocks(v.bScales(), v.bCodes())))));
        }
        return out;
    }

    private List<QuantizedBlock> blocks(long[] scales, long[] codes) {
        List<QuantizedBlock> out = new ArrayList<>();
        int k = d.blockSize();
        for (int j = 0; j < scales.length; j++) {
            List<Long> c = new ArrayList<>();
            for (int i = 0; i < k; i++) {
                c.add(codes[j * k + i]);
            }
            out.add(new QuantizedBlock(scales[j], c));
        }
        return out;
    }

    @Override
    public int outputMatrixCols() {
        return 0;
    }

    // ---- stimulus ----

    /** The largest positive code, 1 (the smallest positive), and the negation of a code, per element format. */
    static long maxCode(ElementFormat e) {
        return e instanceof IntElementFormat i ? i.maxMagnitude() : ((FloatFormat) e).maxFiniteCode();
    }

    static long negate(ElementFormat e, long code) {
        if (e instanceof IntElementFormat i && !i.signMagnitude()) {
            return (-code) & ((1L << i.width()) - 1);
        }
        return code ^ (1L << (e.width() - 1));
    }

    @Override
    public List<Problem> corners(ValueSource unusedA, ValueSource unusedB, int limit) {
        BlockFormat a = d.rule().a();
        BlockFormat b = d.rule().b();
        Random r = new Random(CORNER_SEED);
        List<Problem> out = new ArrayList<>();
        long one = a.scale().bias();
        long oneB = b.scale().bias();
        out.add(vectors(fill(one), fill(d.k(), 0), fill(oneB), fill(d.k(), 0)));
        // cancellation: max*max + min*min - max*max is exactly min*min (DOMAIN.md's order example)
        long[] ac = fill(d.k(), 0);
        long[] bc = fill(d.k(), 0);
        int k = d.blockSize();
        for (int j = 0; j < d.blocks(); j++) {
            int at = j * k;
            ac[at] = maxCode(a.element());
            bc[at] = maxCode(b.element());
            if (k >= 3) {
                ac[at + 1] = 1;
                bc[at + 1] = 1;
                ac[at + 2] = negate(a.element(), maxCode(a.element()));
                bc[at + 2] = maxCode(b.element());
            }
        }
        out.add(vectors(fill(one), ac, fill(oneB), bc));
        if (d.blocks() >= 3) { // the same across blocks: block 0 max*max, block 1 min*min, block 2 -max*max
            long[] ax = fill(d.k(), 0);
            long[] bx = fill(d.k(), 0);
            ax[0] = maxCode(a.element());
            bx[0] = maxCode(b.element());
            ax[k] = 1;
            bx[k] = 1;
            ax[2 * k] = negate(a.element(), maxCode(a.element()));
            bx[2 * k] = maxCode(b.element());
            out.add(vectors(fill(one), ax, fill(oneB), bx));
        }
        // the top and the bottom of the scales: overflow, and results in the subnormals or lost
        out.add(vectors(fill(a.scale().maxCode()), fill(d.k(), maxCode(a.element())), fill(b.scale().maxCode()),
                fill(d.k(), maxCode(b.element()))));
        out.add(vectors(fill(0), fill(d.k(), 1), fill(0), fill(d.k(), 1)));
        out.add(vectors(fill(Math.max(0, one - 60)), randomCodes(a, r), fill(Math.max(0, oneB - 60)), randomCodes(b, r)));
        // NaN scales, and every code of a's element against random codes of b (Inf and NaN codes included)
        out.add(vectors(fill(a.scale().nanCode()), randomCodes(a, r), fill(oneB), randomCodes(b, r)));
        out.add(vectors(fill(one), randomCodes(a, r), fill(b.scale().nanCode()), randomCodes(b, r)));
        long codes = 1L << a.element().width();
        for (long c = 0; c < codes && c < 4096; c += d.k()) {
            long[] x = new long[d.k()];
            for (int i = 0; i < d.k(); i++) {
                x[i] = (c + i) % codes;
            }
            out.add(vectors(fill(one), x, fill(oneB), randomCodes(b, r)));
        }
        return out;
    }

    private long[] fill(long v) {
        return fill(d.blocks(), v);
    }

    private static long[] fill(int n, long v) {
        long[] out = new long[n];
        java.util.Arrays.fill(out, v);
        return out;
    }

    private long[] randomCodes(BlockFormat f, Random r) {
        long[] out = new long[d.k()];
        for (int i = 0; i < out.length; i++) {
            out[i] = r.nextLong() & ((1L << f.element().width()) - 1);
        }
        return out;
    }

    private long[] randomScales(BlockFormat f, Random r) {
        long[] out = new long[d.blocks()];
        for (int j = 0; j < out.length; j++) {
            out[j] = switch (r.nextInt(10)) {
                case 0 -> r.nextInt(8);
                case 1 -> f.scale().maxCode() - r.nextInt(8);
                default -> Math.max(0, Math.min(f.scale().maxCode(), f.scale().bias() - 30 + r.nextInt(61)));
            };
        }
        return out;
    }

    private DotVectors vectors(long[] as, long[] ac, long[] bs, long[] bc) {
        return new DotVectors(as, ac, bs, bc);
    }

    @Override
    public Problem random(ValueSource unusedA, ValueSource unusedB, Random r) {
        BlockFormat a = d.rule().a();
        BlockFormat b = d.rule().b();
        long[] ac = randomCodes(a, r);
        long[] bc = randomCodes(b, r);
        if (r.nextInt(4) != 0) { // mostly finite codes: Inf/NaN codes would decide most results
            for (int i = 0; i < ac.length; i++) {
                while (!a.element().decode(ac[i]).isFinite()) {
                    ac[i] = r.nextLong() & ((1L << a.element().width()) - 1);
                }
                while (!b.element().decode(bc[i]).isFinite()) {
                    bc[i] = r.nextLong() & ((1L << b.element().width()) - 1);
                }
            }
        }
        return new DotVectors(randomScales(a, r), ac, randomScales(b, r), bc);
    }

    @Override
    public List<Beat> inputBeats(Problem p, int vector, TopInterface iface) {
        DotVectors v = (DotVectors) p;
        Map<String, List<BigInteger>> values = new LinkedHashMap<>();
        values.put("a_scale", big(v.aScales()));
        values.put("a_elem", big(v.aCodes()));
        values.put("b_scale", big(v.bScales()));
        values.put("b_elem", big(v.bCodes()));
        return List.of(Stimulus.beat(iface.input("in"), values, vector));
    }

    private static List<BigInteger> big(long[] v) {
        List<BigInteger> out = new ArrayList<>();
        for (long x : v) {
            out.add(BigInteger.valueOf(x));
        }
        return out;
    }

    // ---- golden text ----

    @Override
    public boolean readsWords() {
        return true;
    }

    @Override
    public List<String> inputNames() {
        return List.of("a", "b");
    }

    @Override
    public List<Problem> read(Map<String, NumberFile> files, ProblemReader reader) {
        List<long[][]> as = vectorsOf(files.get("a"), d.rule().a(), "a", reader);
        List<long[][]> bs = vectorsOf(files.get("b"), d.rule().b(), "b", reader);
        if (as.size() != bs.size()) {
            List<NumberFile.Row> rows = files.get(as.size() > bs.size() ? "a" : "b").rows();
            reader.error(ErrorCode.GOLDEN_GROUP_MISMATCH, rows.get(rows.size() - 1).loc(), "a holds " + as.size()
                    + " vectors but b holds " + bs.size() + "; they must pair up");
        }
        List<Problem> out = new ArrayList<>();
        for (int i = 0; i < Math.min(as.size(), bs.size()); i++) {
            out.add(new DotVectors(as.get(i)[0], as.get(i)[1], bs.get(i)[0], bs.get(i)[1]));
        }
        return out;
    }

    /** Every {@code blocks} lines ({@code SCALE | CODE ...}) make one vector: {scales, codes}. */
    private List<long[][]> vectorsOf(NumberFile file, BlockFormat f, String name, ProblemReader reader) {
        List<NumberFile.Row> rows = file.rows();
        if (rows.size() % d.blocks() != 0) {
            reader.error(ErrorCode.GOLDEN_WRONG_COUNT, rows.get(rows.size() - 1).loc(), name + " has " + rows.size()
                    + " blocks, not a whole number of vectors of blocks = " + d.blocks());
        }
        List<long[][]> out = new ArrayList<>();
        for (int v = 0; v + d.blocks() <= rows.size(); v += d.blocks()) {
            out.add(blockRows(rows.subList(v, v + d.blocks()), f, d.blockSize(), name, reader));
        }
        return out;
    }

    /**
     * Consecutive block lines ({@code SCALE | CODE ...}, {@code block} codes each) as {scales, codes}: line j's
     * scale is scales[j], its codes codes[j*block ..]. Malformed lines are reported (their values stay 0).
     */
    static long[][] blockRows(List<NumberFile.Row> rows, BlockFormat f, int block, String name, ProblemReader reader) {
        long[] scales = new long[rows.size()];
        long[] codes = new long[rows.size() * block];
        for (int j = 0; j < rows.size(); j++) {
            NumberFile.Row row = rows.get(j);
            List<NumberFile.Token> t = row.values();
            if (t.size() != block + 2 || !t.get(1).text().equals("|")) {
                reader.error(ErrorCode.GOLDEN_WRONG_COUNT, t.size() > 1 ? t.get(1).loc() : row.end(),
                        "a block of " + name + " is written 'SCALE | CODE ...' with block = " + block + " codes");
                continue;
            }
            scales[j] = DequantizerGolden.code(t.get(0), f.scale().bits(), "scale code", reader);
            for (int i = 0; i < block; i++) {
                codes[j * block + i] = DequantizerGolden.code(t.get(i + 2), f.element().width(), "element code", reader);
            }
        }
        return new long[][] {scales, codes};
    }

    @Override
    public String format(List<List<BigInteger>> results) {
        StringBuilder sb = new StringBuilder();
        for (List<BigInteger> row : results) {
            sb.append(FloatText.hex(row.get(0).longValue(), d.rule().out().width())).append('\n');
        }
        return sb.toString();
    }

    @Override
    public Map<String, String> inputTexts(List<? extends Problem> problems) {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) {
            DotVectors v = (DotVectors) p;
            appendBlocks(a, v.aScales(), v.aCodes(), d.rule().a(), d.blockSize());
            appendBlocks(b, v.bScales(), v.bCodes(), d.rule().b(), d.blockSize());
        }
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("a", a.toString());
        texts.put("b", b.toString());
        return texts;
    }

    /** The lines of {@link #blockRows}: one {@code SCALE | CODE ...} line per block. */
    static void appendBlocks(StringBuilder sb, long[] scales, long[] codes, BlockFormat f, int k) {
        for (int j = 0; j < scales.length; j++) {
            sb.append(FloatText.hex(scales[j], f.scale().bits())).append(" |");
            for (int i = 0; i < k; i++) {
                sb.append(' ').append(FloatText.hex(codes[j * k + i], f.element().width()));
            }
            sb.append('\n');
        }
    }
}
