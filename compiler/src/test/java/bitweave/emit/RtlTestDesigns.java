package bitweave.emit;

import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.ir.SourceLoc;
import bitweave.units.addertree.AdderTree;
import bitweave.units.systolic.Dataflow;
import bitweave.units.systolic.SystolicArray;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds checked designs directly (no parser) for the RTL tests. */
public final class RtlTestDesigns {
    private RtlTestDesigns() {
    }

    public static IntType type(String dsl) {
        boolean signed = dsl.startsWith("int");
        return new IntType(Integer.parseInt(dsl.substring(signed ? 3 : 4)), signed);
    }

    public static PeSpec pe(String file, String a, String b, String acc, OverflowPolicy policy) {
        return new PeSpec("mac", type(a), type(b), type(acc), policy, new SourceLoc(file, 3, 1));
    }

    public static Design systolic(String name, Dataflow flow, int rows, int cols, String a, String b, String acc,
                                  OverflowPolicy policy) {
        String file = "dsl/examples/" + name + ".bw";
        PeSpec pe = pe(file, a, b, acc, policy);
        SystolicArray array = new SystolicArray("top", pe, rows, cols, flow, new SourceLoc(file, 9, 1));
        Map<String, Long> params = new LinkedHashMap<>();
        params.put("ROWS", (long) rows);
        params.put("COLS", (long) cols);
        return design(name, file, params, pe, array);
    }

    public static Design tree(String name, int k, int pipeline, boolean accumulate, String a, String b, String acc,
                              OverflowPolicy policy) {
        String file = "dsl/examples/" + name + ".bw";
        PeSpec pe = pe(file, a, b, acc, policy);
        AdderTree tree = new AdderTree("top", pe, k, pipeline, accumulate, new SourceLoc(file, 9, 1));
        Map<String, Long> params = new LinkedHashMap<>();
        params.put("K", (long) k);
        return design(name, file, params, pe, tree);
    }

    private static Design design(String name, String file, Map<String, Long> params, PeSpec pe, ArraySpec top) {
        // Built in code: there is no source text, so the id hashes the empty text.
        return new Design(name, file, bitweave.ir.SourceId.ofText(file, ""), params, Map.of(), List.of(pe), List.of(top), top);
    }
}
