package bitweave.units.lut;

import bitweave.ir.ArraySpec;
import bitweave.ir.Field;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import bitweave.numeric.LowBitGemm;
import bitweave.numeric.LutTables;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code lut_core(M, N, K) of PE}: an M x N tile of the LUT tensor core (DOMAIN.md 4, LANGUAGE.md 6.10). The PE
 * names the types: {@code a} the activations, {@code b} the b-bit weight codes (uintN with {@code zeroPoint}, or
 * intN two's complement), {@code acc} the result with its overflow policy. O = fit(c_in + A·(W − z)ᵀ).
 *
 * @param group        g, K elements per table
 * @param signBitHigh  whether bit g − 1 (else bit 0) of a table index selects negation
 * @param preEncoded   whether the weights arrive re-encoded ({@link LutTables#encode}), so the PE does no complement
 * @param accumulateIn whether an {@code in_c} field is added to O
 * @param compressedAccumulation {@code transform compressed_accumulation}: the PE keeps its plane accumulator as
 *                     a carry-save pair and adds each plane's entries in one bit heap (no carry-propagate adder in
 *                     the step loop); the pair is resolved once, after the last plane
 * @param macDatapath  {@code datapath mac}: the reference build of the same tile (same ports and cycles): each PE
 *                     holds its row's activations and its column's codes and multiplies, Σ x·(w − z), no table
 */
public record LutCore(String name, PeSpec pe, int m, int n, int k, int group, long zeroPoint, boolean symmetrize,
                      boolean signBitHigh, boolean preEncoded, boolean accumulateIn, boolean compressedAccumulation,
                      boolean macDatapath, SourceLoc loc)
        implements ArraySpec {

    /** The arithmetic (the golden model's). */
    public LowBitGemm gemm() {
        return new LowBitGemm(pe.b().width(), pe.b().signed(), zeroPoint);
    }

    /** The table datapath's parameters (the lowering's). */
    public LutTables tables() {
        return new LutTables(gemm(), group, symmetrize, signBitHigh ? group - 1 : 0, preEncoded);
    }

    public int weightBits() {
        return pe.b().width();
    }

    public int groups() {
        return k / group;
    }

    /** Stream {@code in}: A (M x K), W (N x K codes), both row-major, and C_in (M x N) with accumulate_in. */
    @Override
    public TopInterface topInterface() {
        List<Field> in = new ArrayList<>(List.of(new Field("a", pe.a(), m * k), new Field("w", pe.b(), n * k)));
        if (accumulateIn) {
            in.add(new Field("c", pe.acc(), m * n));
        }
        return new TopInterface(List.of(new Stream("in", true, in)),
                new Stream("out", false, List.of(new Field("o", pe.acc(), m * n))));
    }

    /** M·N·K products per tile of b cycles. */
    @Override
    public long peakMacsPerCycle() {
        return Math.max(1, (long) m * n * k / weightBits());
    }

    /**
     * What {@code bitweave equiv} proves the tile against: the same tile built with multipliers ({@code datapath
     * mac}, no transform), so the proof says the tables, the bit-serial planes and the correction compute the GEMM.
     */
    @Override
    public LutCore baseline() {
        return new LutCore(name, pe, m, n, k, group, zeroPoint, symmetrize, signBitHigh, preEncoded, accumulateIn,
                false, true, loc);
    }
}
