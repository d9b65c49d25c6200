package bitweave.units.cube;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.PeSpec;
import bitweave.passes.MacDatapath;
import java.util.ArrayList;
import java.util.List;

/**
 * The datapath graphs of {@code transform compressed_accumulation} (TPE OPT1, DOMAIN.md 2.2) on the
 * 3D-Cube, built like the systolic weight-stationary ones (units/systolic/CompressedAccumulation): the
 * partial sum of a (z, x) column flows along y as a carry-save pair (sum, carry), each ACC bits wide,
 * whose value is sum + carry mod 2^ACC. Each PE reduces the partial products of a·b to a pair in one bit
 * heap and adds it to the incoming pair in a second, 4-row heap (the incoming pair arrives last, see
 * {@link #pe}); compress-bit-heaps builds the counter trees from the PE's {@code reduction}. There is no carry-propagate adder along the chain: the column end has the only one
 * (fusing the pair before the out register), or none with {@code raw_pairs}, where the out registers
 * hold the pair itself.
 *
 * <p>Exact only modulo 2^ACC, hence {@code wrap} (E0217): with wrap, fit(p + a·b) is (p + a·b) mod 2^ACC,
 * and so is every pair a heap produces.
 */
final class CubePairs {
    private CubePairs() {
    }

    /** One step of a column: (p_sum_out, p_carry_out) = heap(a*b, p_sum_in, p_carry_in), combinational. */
    static Datapath pe(PeSpec pe) {
        int accw = pe.acc().width();
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value a = g.input("a", pe.a().width());
        Value b = g.input("b", pe.b().width());
        Value sumIn = g.input("p_sum_in", accw);
        Value carryIn = g.input("p_carry_in", accw);
        Value sumOut = g.output("p_sum_out", accw);
        Value carryOut = g.output("p_carry_out", accw);
        List<Op.HeapRow> rows = new ArrayList<>(MacDatapath.productRows(g, a, pe.a(), b, pe.b(),
                pe.mac().multiplier(), "product", accw));
        if (rows.size() > 1) {
            // The y chain is combinational, so the incoming pair arrives late: Y heaps in series. A heap
            // that took it with the product rows would pass it through its whole counter tree in every
            // PE (measured: depth 73 at 4x4x4, against Booth's 56). So the product rows are reduced first,
            // in parallel in all PEs, and the pair meets their (sum, carry) in a 4-row heap of its own:
            // two counter levels (one 4:2) per PE on the chain.
            Value productSum = g.fresh("product_sum", accw);
            Value productCarry = g.fresh("product_carry", accw);
            g.add(new Op.BitHeap(productSum, productCarry, rows, MacDatapath.reduction(pe.mac()), pe.mac().fourTwo(),
                    g.loc()));
            rows = new ArrayList<>(List.of(new Op.HeapRow(productSum, 0, false), new Op.HeapRow(productCarry, 0, false)));
        }
        rows.add(new Op.HeapRow(sumIn, 0, false));
        rows.add(new Op.HeapRow(carryIn, 0, false));
        g.add(new Op.BitHeap(sumOut, carryOut, rows, MacDatapath.reduction(pe.mac()), pe.mac().fourTwo(), g.loc()));
        return g.build();
    }
}
