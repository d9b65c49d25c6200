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
     * Generic gates (abc -g cmos2, GE = NAND + NOR + 0.67 NOT + 5 DFF). Fixed from what the flow builds: a register
     * bit is 5 GE, plus its reset gate (1.3) and enable multiplexer (3.3) that dfflegalize puts in front of a plain
     * DFF; a full or half adder cell about 9 GE; a mux bit 2.5 (1 with a constant side); a Booth/EN-T digit 6. The
     * rest fitted by weighted least squares (weights 1/measured, coefficients ≥ 0) to the 10 generic rows of
     * measured.tsv (4 of them synth --fast): an adder bit 4.2 GE (ABC shares the carry logic of adder trees and
     * of constant operands, well under a full adder per bit), a multiply-accumulate's adder bit 5.4, a multiplier's
     * partial-product bit 15.7 (its AND and its share of the tree), a gate bit 1.4, a partial-product select bit 5.7.
     */
    private static final List<Row> GENERIC = List.of(
            Row.of("DFF", "registerBits", 1),
            Row.of("GE", "registerBits", 5, "resetBits", 1.3, "enableBits", 3.3, "counters", 9, "encodedDigits", 6,
                    "muxBits", 2.5, "constMuxBits", 1, "adderBits", 4.2, "macAdderBits", 5.36,
                    "lutMultiplierBits", 15.66, "gateBits", 1.43, "partialProductBits", 5.7, "saturateBits", 6));

    /**
     * iCE40 (synth_ice40, Yosys 0.23): weighted least squares (weights 1/measured, coefficients ≥ 0) over both
     * flows of the 11 shipped examples measured.tsv records for iCE40 (its tree_wrap rows came after the fit and
     * check it). An adder bit costs less than one SB_LUT4 + SB_CARRY because alumacc merges chained adders (an
     * adder tree across PEs) into one $macc compressor; a multiplier left to LUTs (Yosys 0.23 has no Booth
     * mapping) is about 2.3 SB_LUT4 per partial-product bit and almost no carries, and its accumulator's adder
     * (macAdderBits) joins that tree; with the product in an SB_MAC16 the accumulator adder costs about one LUT
     * per bit. Register bits are flip-flops one for one (the SB_DFF* variants take enable and reset).
     */
    private static final List<Row> ICE40 = List.of(
            Row.of("SB_LUT4", "adderBits", 1.17, "macAdderBits", 3.22, "dspMacAdderBits", 1.06,
                    "lutMultiplierBits", 2.31, "muxBits", 0.15, "gateBits", 0.32, "counters", 1.33),
            Row.of("SB_CARRY", "adderBits", 0.45, "macAdderBits", 0.88, "dspMacAdderBits", 0.3,
                    "lutMultiplierBits", 0.04),
            Row.of("DFF", "registerBits", 1),
            Row.of("SB_MAC16", "dspBlocks", 1),
            Row.of("BRAM"));

    /**
     * Xilinx 7-series (synth_xilinx -flatten -noiopad): 9 shipped examples measured (a run takes a minute or two),
     * too few to fit eight LUT coefficients, so the LUT row is the iCE40 row rescaled where the least squares over
     * the first 6 agreed (a LUT6 holds about 0.9 of what a LUT4 does on these datapaths). A DSP48E1 takes the
     * accumulator's adder and its clear mux in (an output-stationary 4×4 int8 array: 34 LUTs), so dspMacAdderBits
     * costs nothing. CARRY4: rounded least-squares values (about a tenth of an adder's bits plus a third per
     * adder: alumacc merges chains). Flip-flops as registers; the DSP flow's FF row ignores the pipeline registers
     * Yosys packs into DSP48E1s (the README's bound leaves that row out).
     */
    private static final List<Row> XILINX = List.of(
            Row.of("LUT", "adderBits", 0.9, "macAdderBits", 2.6, "dspMacAdderBits", 0,
                    "lutMultiplierBits", 2.1, "muxBits", 0.1, "gateBits", 0.4, "counters", 1.0),
            Row.of("FF", "registerBits", 1),
            Row.of("CARRY4", "adderBits", 0.1, "adders", 0.3, "macAdderBits", 0.08, "lutMultiplierBits", 0.07),
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
