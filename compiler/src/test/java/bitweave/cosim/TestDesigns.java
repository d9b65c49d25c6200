package bitweave.cosim;

import bitweave.golden.Beat;
import bitweave.golden.VectorSet;
import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.TopInterface;
import bitweave.units.addertree.AdderTree;
import bitweave.units.systolic.Dataflow;
import bitweave.units.systolic.SystolicArray;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Designs and vector sets for the co-simulation tests, matching the hand-written Verilog modules in
 * src/test/resources/cosim. The expected values come from the small reference arithmetic below (written
 * for these tests from dsl/INTERFACE.md; the project's golden model is a separate package).
 */
final class TestDesigns {
    private TestDesigns() {
    }

    static final IntType INT8 = new IntType(8, true);

    /** The RTL file of a test module (from the test class path). */
    static Path rtl(String fileName) {
        URL url = TestDesigns.class.getClassLoader().getResource("cosim/" + fileName);
        if (url == null) {
            throw new IllegalStateException("missing test resource cosim/" + fileName);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Design design(String name, ArraySpec top) {
        Map<String, Long> none = new LinkedHashMap<>();
        return new Design(name, "tests/" + name + ".bw", bitweave.ir.SourceId.ofText(name + ".bw", ""), none, none, List.of(top.pe()), List.of(top), top);
    }

    /** adder_tree K=2, int8 x int8 -> int32 wrap, accumulate: module tree2.v. */
    static Design tree2() {
        PeSpec pe = new PeSpec("mac", INT8, INT8, new IntType(32, true), OverflowPolicy.WRAP, SourceLoc.NONE);
        return design("tree2", new AdderTree("top", pe, 2, 0, true, SourceLoc.NONE));
    }

    /** systolic 2x2 weight-stationary, int8 x int8 -> int18 wrap: module ws2x2.v. */
    static Design ws2x2() {
        PeSpec pe = new PeSpec("mac", INT8, INT8, new IntType(18, true), OverflowPolicy.WRAP, SourceLoc.NONE);
        return design("ws2x2", new SystolicArray("top", pe, 2, 2, Dataflow.WEIGHT_STATIONARY, SourceLoc.NONE));
    }

    /** systolic 2x5 output-stationary, int48 x int26 -> int13 wrap (96/130/1-bit in, 130-bit out). */
    static Design wide() {
        PeSpec pe = new PeSpec("mac", new IntType(48, true), new IntType(26, true), new IntType(13, true),
                OverflowPolicy.WRAP, SourceLoc.NONE);
        return design("os2x5_wide", new SystolicArray("top", pe, 2, 5, Dataflow.OUTPUT_STATIONARY, SourceLoc.NONE));
    }

    // ---- reference arithmetic -------------------------------------------------------------------

    /** Two's-complement value of element i (w bits) of a packed field. */
    static BigInteger element(BigInteger packed, int i, int w) {
        BigInteger raw = packed.shiftRight(i * w).and(mask(w));
        return raw.testBit(w - 1) ? raw.subtract(BigInteger.ONE.shiftLeft(w)) : raw;
    }

    static BigInteger mask(int w) {
        return BigInteger.ONE.shiftLeft(w).subtract(BigInteger.ONE);
    }

    /** Packs signed element values (w bits each) into an unsigned field value. */
    static BigInteger pack(List<BigInteger> elems, int w) {
        BigInteger v = BigInteger.ZERO;
        for (int i = elems.size() - 1; i >= 0; i--) {
            v = v.shiftLeft(w).or(elems.get(i).and(mask(w)));
        }
        return v;
    }

    static BigInteger randomField(SplittableRandom rnd, int width) {
        BigInteger v = BigInteger.ZERO;
        for (int b = 0; b < width; b += 30) {
            v = v.or(BigInteger.valueOf(rnd.nextInt(1 << 30)).shiftLeft(b));
        }
        return v.and(mask(width));
    }

    /** Accumulating K=2 dot products in groups of 1..4 beats. */
    static VectorSet tree2Vectors(long seed, int vectors) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TopInterface iface = TopInterface.of(tree2().top());
        List<Beat> in = new ArrayList<>();
        List<Beat> out = new ArrayList<>();
        for (int v = 0; v < vectors; v++) {
            int beats = 1 + rnd.nextInt(4);
            BigInteger acc = BigInteger.ZERO;
            for (int k = 0; k < beats; k++) {
                BigInteger a = randomField(rnd, 16);
                BigInteger b = randomField(rnd, 16);
                for (int i = 0; i < 2; i++) {
                    acc = acc.add(element(a, i, 8).multiply(element(b, i, 8)));
                }
                BigInteger last = k == beats - 1 ? BigInteger.ONE : BigInteger.ZERO;
                in.add(new Beat("in", List.of(a, b, last), v));
            }
            out.add(new Beat("out", List.of(acc.and(mask(32))), v));
        }
        return new VectorSet(iface, in, out, vectors);
    }

    /** WS 2x2: a w beat every few vectors, each in beat one vector. */
    static VectorSet ws2x2Vectors(long seed, int vectors) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TopInterface iface = TopInterface.of(ws2x2().top());
        List<Beat> in = new ArrayList<>();
        List<Beat> out = new ArrayList<>();
        BigInteger w = BigInteger.ZERO;  // after reset
        for (int v = 0; v < vectors; v++) {
            if (v > 0 && rnd.nextInt(3) == 0) {
                w = randomField(rnd, 32);
                in.add(new Beat("w", List.of(w), v));
            }
            BigInteger x = randomField(rnd, 16);
            List<BigInteger> y = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                BigInteger p = BigInteger.ZERO;
                for (int r = 0; r < 2; r++) {
                    p = p.add(element(x, r, 8).multiply(element(w, r * 2 + c, 8)));
                }
                y.add(p);
            }
            in.add(new Beat("in", List.of(x), v));
            out.add(new Beat("out", List.of(pack(y, 18)), v));
        }
        return new VectorSet(iface, in, out, vectors);
    }

    /** OS 2x5 with wide ports: tiles of 1..3 beats. */
    static VectorSet wideVectors(long seed, int vectors) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TopInterface iface = TopInterface.of(wide().top());
        List<Beat> in = new ArrayList<>();
        List<Beat> out = new ArrayList<>();
        for (int v = 0; v < vectors; v++) {
            int beats = 1 + rnd.nextInt(3);
            BigInteger[] acc = new BigInteger[10];
            java.util.Arrays.fill(acc, BigInteger.ZERO);
            for (int k = 0; k < beats; k++) {
                BigInteger a = v == 0 ? mask(96) : randomField(rnd, 96);   // all ones first: edge value
                BigInteger b = v == 0 ? mask(130) : randomField(rnd, 130);
                for (int r = 0; r < 2; r++) {
                    for (int c = 0; c < 5; c++) {
                        acc[r * 5 + c] = acc[r * 5 + c].add(element(a, r, 48).multiply(element(b, c, 26)));
                    }
                }
                in.add(new Beat("in", List.of(a, b, k == beats - 1 ? BigInteger.ONE : BigInteger.ZERO), v));
            }
            out.add(new Beat("out", List.of(pack(List.of(acc), 13)), v));
        }
        return new VectorSet(iface, in, out, vectors);
    }
}
