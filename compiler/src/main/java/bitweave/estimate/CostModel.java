package bitweave.estimate;

import bitweave.synth.SynthTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-target cost formulas: each resource row is a sum of coefficient × {@link Features} quantity, rounded.
 * The rows are those {@code bitweave synth} prints for the target (generic: DFF and GE; ice40: SB_LUT4,
 * SB_CARRY, DFF, SB_MAC16, BRAM; xilinx: LUT, FF, CARRY4, DSP48E1, BRAM). Nothing here infers memories, so BRAM
 * is always 0 (as Yosys measures on every shipped example: their tables are registers and muxes).
 *
 * <p>Calibration (see the table comments): the coefficients start from what the mapping builds (an n-bit adder is
 * n SB_LUT4 + n SB_CARRY on iCE40, n LUT + n/4 CARRY4 on 7-series, a register bit is one flip-flop) and were then
 * fitted to Yosys 0.23 on the shipped examples ({@code compiler/src/test/resources/bitweave/estimate/measured.tsv},
 * the figures and the commands that produced them); {@code EstimateCalibrationTest} keeps the error within the
 * bound the README states.
 */
final class CostModel {
    private CostModel() {
    }

    /** One row's formula: coefficient per feature name. */
    private record Row(String resource, Map<String, Double> terms) {
        static Row of(String resource, Object... nameCoefficient) {
            Map<String, Double> t = new LinkedHashMap<>();
            for (int i = 0; i < nameCoefficient.length; i += 2) {
                t.put((String) nameCoefficient[i], ((Number) nameCoefficient[i + 1]).doubleValue());
            }
            return new Row(resource, t);
        }

        long apply(Map<String, Double> features) {
            double sum = 0;
            for (Map.Entry<String, Double> e : terms.entrySet()) {
                Double f = features.get(e.getKey());
                if (f == null) {
                    throw new IllegalStateException("cost formula of " + resource + " names unknown feature " + e.getKey());
                }
                sum += e.getValue() * f;
            }
            return Math.round(Math.max(0, sum));
        }
    }

    /**
     * Generic gates (abc -g cmos2): a full adder is about 9 two-input gates + inverters, a flip-flop 5 GE plus
     * its reset gate and enable multiplexer (dfflegalize puts them in front of a plain DFF).
     */
    private static final List<Row> GENERIC = List.of(
            Row.of("DFF", "registerBits", 1),
            Row.of("GE", "registerBits", 5, "resetBits", 1.3, "enableBits", 3.3, "adderBits", 10.5,
                    "lutMultiplierBits", 11.5, "fullAdders", 10.5, "halfAdders", 4.2, "compressors42", 21,
                    "muxBits", 3.3, "gateBits", 1.8, "encodedDigits", 8, "partialProductBits", 5, "saturateBits", 6));

    private static final List<Row> ICE40 = List.of(
            Row.of("SB_LUT4", "adderBits", 1, "lutMultiplierBits", 1.2, "fullAdders", 2, "halfAdders", 1,
                    "compressors42", 4, "muxBits", 1, "gateBits", 0.5, "encodedDigits", 3, "partialProductBits", 2,
                    "saturateBits", 2),
            Row.of("SB_CARRY", "adderBits", 1, "lutMultiplierBits", 0.3),
            Row.of("DFF", "registerBits", 1),
            Row.of("SB_MAC16", "dspBlocks", 1),
            Row.of("BRAM"));

    private static final List<Row> XILINX = List.of(
            Row.of("LUT", "adderBits", 1, "lutMultiplierBits", 0.8, "fullAdders", 1, "halfAdders", 1,
                    "compressors42", 2, "muxBits", 0.6, "gateBits", 0.3, "encodedDigits", 2, "partialProductBits", 1,
                    "saturateBits", 1),
            Row.of("FF", "registerBits", 1),
            Row.of("CARRY4", "adderBits", 0.25, "adders", 0.5, "lutMultiplierBits", 0.08),
            Row.of("DSP48E1", "dspBlocks", 1),
            Row.of("BRAM"));

    static Map<String, Long> resources(SynthTarget target, boolean withDsp, Tally tally) {
        Features.DspBlock block = !withDsp ? null : switch (target) {
            case ICE40 -> Features.DspBlock.SB_MAC16;
            case XILINX -> Features.DspBlock.DSP48E1;
            case GENERIC -> null;
        };
        Map<String, Double> features = Features.of(tally, block);
        List<Row> rows = switch (target) {
            case GENERIC -> GENERIC;
            case ICE40 -> ICE40;
            case XILINX -> XILINX;
        };
        Map<String, Long> out = new LinkedHashMap<>();
        rows.forEach(r -> out.put(r.resource(), r.apply(features)));
        return out;
    }
}
