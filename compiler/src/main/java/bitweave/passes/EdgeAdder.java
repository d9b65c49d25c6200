package bitweave.passes;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.rtl.ArrayItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The edge adder of compressed accumulation (OPT1): value = sum + carry mod 2^ACC, the one
 * carry-propagate adder a row (OS) or a column (WS, cube) keeps once the accumulation loop works on
 * (sum, carry) pairs.
 *
 * <p>Because it is outside the loop it can be pipelined without costing throughput, which is the point
 * of OPT1 (DOMAIN.md 2.2): {@code edge_pipeline N} (LANGUAGE.md 6.4) puts N register stages into it.
 * The first captures the pair; the ACC bits are then added in N chunks of balanced width, low chunk
 * first, one chunk per stage, each stage passing the finished low bits, its carry-out and the not yet
 * added high bits of both operands to the next. The edge then takes N cycles more, and its depth is
 * that of one chunk instead of one ACC-bit adder. With 0 stages it is one combinational adder.
 */
public final class EdgeAdder {
    private EdgeAdder() {
    }

    /**
     * @param stages the register stages, 0 (combinational) to accw
     * @param stalls whether the graph has an {@code en} input that holds every stage (arrays with a global
     *               stall); otherwise the stages shift every cycle
     */
    public static Datapath graph(int accw, int stages, boolean stalls, String loc) {
        if (stages < 0 || stages > accw) {
            throw new IllegalArgumentException("edge stages " + stages + " outside 0.." + accw);
        }
        DatapathBuilder g = new DatapathBuilder(loc);
        Value sum = g.input("sum", accw);
        Value carry = g.input("carry", accw);
        Value en = stages > 0 && stalls ? g.input("en", 1) : null;
        Value value = g.output("value", accw);
        if (stages == 0) {
            g.add(new Op.Add(value, sum, carry, false, loc));
            return g.build();
        }
        // the data stages have no reset: whatever they hold is qualified by the valid marker beside them
        Value a = g.registerData("sum_q", sum, en);
        Value b = g.registerData("carry_q", carry, en);
        Value done = null;      // the finished low bits
        Value carryIn = null;   // the carry out of the chunk below
        int lo = 0;
        for (int k = 0; k < stages; k++) {
            int width = chunkWidth(accw, stages, k);
            boolean last = k == stages - 1;
            Value ak = g.slice("sum_chunk" + k, a, 0, width);
            Value bk = g.slice("carry_chunk" + k, b, 0, width);
            // one bit more than the chunk, for its carry out (none needed from the last chunk)
            int w = last ? width : width + 1;
            Value t = g.add("chunk" + k + "_sum", g.extend("sum_chunk" + k + "_ext", ak, w, false),
                    g.extend("carry_chunk" + k + "_ext", bk, w, false));
            if (carryIn != null) {
                t = g.add("chunk" + k + "_total", t, g.extend("carry_in" + k + "_ext", carryIn, w, false));
            }
            Value bits = last ? t : g.slice("chunk" + k + "_bits", t, 0, width);
            Value doneNow = done == null ? bits : concat(g, "done" + k, bits, done);
            lo += width;
            if (last) {
                g.add(new Op.Concat(value, List.of(doneNow), loc));
                break;
            }
            Value cout = g.bit("chunk" + k + "_cout", t, width);
            int rest = accw - lo;
            done = g.registerData("done" + k + "_q", doneNow, en);
            carryIn = g.registerData("carry" + k + "_q", cout, en);
            a = g.registerData("sum_high" + k + "_q", g.slice("sum_high" + k, a, width, rest), en);
            b = g.registerData("carry_high" + k + "_q", g.slice("carry_high" + k, b, width, rest), en);
        }
        return g.build();
    }

    /**
     * The instance {@code u_edge} of an edge adder made by {@link #graph} with the same {@code stages}
     * and {@code stalls}: clk and rst when it has stages, en = {@code advance} when it stalls.
     */
    public static ArrayItem.Instance instance(String module, String locator, int stages, boolean stalls, String sum,
                                              String carry, String value) {
        List<String> ports = new ArrayList<>();
        if (stages > 0) {
            ports.addAll(List.of("clk", "clk", "rst", "rst"));
        }
        ports.addAll(List.of("sum", sum, "carry", carry));
        if (stages > 0 && stalls) {
            ports.addAll(List.of("en", "advance"));
        }
        ports.addAll(List.of("value", value));
        return Structure.instance(module, "u_edge", locator, ports.toArray(String[]::new));
    }

    /** Chunk k's width: accw split into {@code stages} chunks whose widths differ by at most one. */
    static int chunkWidth(int accw, int stages, int k) {
        return accw / stages + (k < accw % stages ? 1 : 0);
    }

    private static Value concat(DatapathBuilder g, String base, Value high, Value low) {
        Value out = g.fresh(base, high.width() + low.width());
        g.add(new Op.Concat(out, new ArrayList<>(List.of(high, low)), g.loc()));
        return out;
    }
}
