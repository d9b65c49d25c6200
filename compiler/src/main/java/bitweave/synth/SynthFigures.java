package bitweave.synth;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the generic flow measured for one top module: the count of every cell type left after mapping,
 * and the longest topological path in gates with flip-flops excluded (ltp -noff).
 *
 * @param cells every cell type of the final {@code stat}, e.g. {@code $_NAND_ -> 12508}
 * @param depth the ltp length: gates on the longest flip-flop-to-flip-flop (or port) path
 */
public record SynthFigures(Map<String, Long> cells, int depth) {
    static final String NAND = "$_NAND_";
    static final String NOR = "$_NOR_";
    static final String NOT = "$_NOT_";
    static final String DFF = "$_DFF_P_";

    public SynthFigures {
        cells = java.util.Collections.unmodifiableMap(new TreeMap<>(cells));
    }

    public long nand() {
        return cells.getOrDefault(NAND, 0L);
    }

    public long nor() {
        return cells.getOrDefault(NOR, 0L);
    }

    public long not() {
        return cells.getOrDefault(NOT, 0L);
    }

    public long dff() {
        return cells.getOrDefault(DFF, 0L);
    }

    /**
     * Cell types other than the four above. The generic flow should leave none; any that appear (a
     * latch, a negative-edge flop, a buffer) are not in GE and are reported beside it, never dropped.
     */
    public Map<String, Long> others() {
        Map<String, Long> rest = new TreeMap<>(cells);
        rest.keySet().removeAll(java.util.List.of(NAND, NOR, NOT, DFF));
        return rest;
    }

    /** Gate equivalents, exactly: NAND + NOR + 0.67·NOT + 5·DFF (two decimals at most). */
    public BigDecimal ge() {
        return BigDecimal.valueOf(nand() + nor() + 5 * dff()).add(BigDecimal.valueOf(not()).multiply(new BigDecimal("0.67")));
    }

    /** GE × depth, the area-delay stand-in of DOMAIN.md §2.4. */
    public BigDecimal geTimesDepth() {
        return ge().multiply(BigDecimal.valueOf(depth));
    }
}
