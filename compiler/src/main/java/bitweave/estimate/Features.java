package bitweave.estimate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The quantities the cost formulas are linear in, from a {@link Tally} and the flow's DSP block (null: no DSPs):
 * a multiplier goes into DSP blocks when the flow has them and Yosys' mul2dsp would map it (both operands at least
 * 2 bits, the product at least {@code minProduct} bits; one that is wider than a block takes ⌈wide/A⌉·⌈narrow/B⌉
 * blocks), else it is built from LUTs or gates, which cost about one cell per partial-product bit
 * ({@code lutMultiplierBits} = Σ wide·narrow).
 */
final class Features {
    /** A family's multiplier block as Yosys' mul2dsp sees it (synth_ice40 -dsp, synth_xilinx). */
    record DspBlock(int maxA, int maxB, int minProduct) {
        static final DspBlock SB_MAC16 = new DspBlock(16, 16, 11);
        static final DspBlock DSP48E1 = new DspBlock(25, 18, 9);

        boolean takes(Tally.Shape s) {
            return s.narrow() >= 2 && s.wide() + s.narrow() >= minProduct;
        }

        long blocks(Tally.Shape s) {
            return ceilDiv(s.wide(), maxA) * ceilDiv(s.narrow(), maxB);
        }
    }

    private Features() {
    }

    static Map<String, Double> of(Tally t, DspBlock dsp) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("registerBits", (double) t.registerBits);
        f.put("resetBits", (double) t.resetBits);
        f.put("enableBits", (double) t.enableBits);
        f.put("adders", (double) t.adders);
        f.put("adderBits", (double) t.adderBits);
        long blocks = 0;
        long lutBits = 0;
        long lutMultipliers = 0;
        for (Map.Entry<Tally.Shape, Long> e : t.multipliers.entrySet()) {
            Tally.Shape s = e.getKey();
            if (dsp != null && dsp.takes(s)) {
                blocks += e.getValue() * dsp.blocks(s);
            } else {
                lutBits += e.getValue() * s.wide() * s.narrow();
                lutMultipliers += e.getValue();
            }
        }
        // a multiply-accumulate's adder: the DSP block's own adder takes part of it when the products are in DSPs
        boolean inDsp = blocks > 0;
        f.put("macAdderBits", inDsp ? 0.0 : (double) t.macAdderBits);
        f.put("dspMacAdderBits", inDsp ? (double) t.macAdderBits : 0.0);
        f.put("counters", (double) (t.fullAdders + t.halfAdders + 2 * t.compressors42));
        f.put("dspBlocks", (double) blocks);
        f.put("lutMultiplierBits", (double) lutBits);
        f.put("lutMultipliers", (double) lutMultipliers);
        f.put("fullAdders", (double) t.fullAdders);
        f.put("halfAdders", (double) t.halfAdders);
        f.put("compressors42", (double) t.compressors42);
        f.put("muxBits", (double) t.muxBits);
        f.put("constMuxBits", (double) t.constMuxBits);
        f.put("gateBits", (double) t.gateBits);
        f.put("encodedDigits", (double) t.encodedDigits);
        f.put("partialProductBits", (double) t.partialProductBits);
        f.put("saturateBits", (double) t.saturateBits);
        return f;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
