package bitweave.synth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * What an FPGA flow used, from the cell table of its final {@code stat}: the family's resource rows (each a sum
 * over the cell types it covers: every SB_DFF* variant is one DFF, LUT1..LUT6 are LUTs, ...) and every other
 * cell type left (MUXF7, BUFG, ...), reported beside them, never dropped.
 */
public record FpgaResources(SynthTarget target, Map<String, Long> cells) {
    /** A resource row: its name and the cell types it counts. */
    record Row(String name, Predicate<String> covers) {
    }

    private static final List<Row> ICE40 = List.of(
            new Row("SB_LUT4", "SB_LUT4"::equals),
            new Row("SB_CARRY", "SB_CARRY"::equals),
            new Row("DFF", t -> t.startsWith("SB_DFF")),
            new Row("SB_MAC16", "SB_MAC16"::equals),
            new Row("BRAM", t -> t.startsWith("SB_RAM40_4K")));
    private static final List<Row> XILINX = List.of(
            new Row("LUT", t -> t.matches("LUT[1-6](_2)?")),
            new Row("FF", t -> t.matches("FD[RSCP]E(_1)?")),
            new Row("CARRY4", "CARRY4"::equals),
            new Row("DSP48E1", "DSP48E1"::equals),
            new Row("BRAM", t -> t.matches("RAMB(18|36)E1")));

    public FpgaResources {
        cells = java.util.Collections.unmodifiableMap(new TreeMap<>(cells));
    }

    static List<Row> rows(SynthTarget target) {
        return switch (target) {
            case ICE40 -> ICE40;
            case XILINX -> XILINX;
            case GENERIC -> throw new IllegalArgumentException("generic has no FPGA resources");
        };
    }

    /** The resource rows' names in table order. */
    public static List<String> names(SynthTarget target) {
        return rows(target).stream().map(Row::name).toList();
    }

    /** Each resource row's count, in table order. */
    public Map<String, Long> resources() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Row r : rows(target)) {
            out.put(r.name(), cells.entrySet().stream().filter(e -> r.covers().test(e.getKey()))
                    .mapToLong(Map.Entry::getValue).sum());
        }
        return out;
    }

    /** Cell types no row covers. */
    public Map<String, Long> others() {
        Map<String, Long> rest = new TreeMap<>();
        cells.forEach((type, n) -> {
            if (rows(target).stream().noneMatch(r -> r.covers().test(type))) {
                rest.put(type, n);
            }
        });
        return rest;
    }
}
