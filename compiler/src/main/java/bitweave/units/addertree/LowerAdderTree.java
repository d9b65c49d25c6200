package bitweave.units.addertree;

import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.PeSpec;
import bitweave.ir.TopInterface;
import bitweave.passes.LoweringPass;
import bitweave.passes.LoweringSupport;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlParam;
import bitweave.rtl.TreeTopBody;
import java.util.List;
import java.util.Map;

/**
 * lower-adder-tree: K multipliers feeding a binary adder tree.
 *
 * <p>The tree has LEVELS = ceil(log2 K) adder levels above the product level (level 0). Level j is
 * followed by a register when j >= LEVELS + 1 - PIPE, i.e. the PIPE stages sit nearest the root
 * (PIPE = 1 registers the finished dot product; PIPE = LEVELS + 1 also registers the products). After
 * the tree: fit (and the accumulator) into the output register. All registers shift together when the
 * output register is empty or being read (in_ready = !out_valid || out_ready).
 * Latency = PIPE + 1.
 */
public final class LowerAdderTree implements LoweringPass {
    private static int maxPipeline(int k) {
        return AdderTree.maxPipeline(k);
    }

    @Override
    public String name() {
        return "lower-adder-tree";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof AdderTree;
    }

    @Override
    public RtlDesign lower(Design design) {
        AdderTree tree = (AdderTree) design.top();
        PeSpec pe = tree.pe();
        if (tree.k() < 1 || tree.pipeline() < 0 || tree.pipeline() > maxPipeline(tree.k())) {
            throw new IllegalStateException(name() + ": unchecked adder tree: K=" + tree.k()
                    + " pipeline=" + tree.pipeline() + " (pipeline must be 0.." + maxPipeline(tree.k()) + ")");
        }
        String prefix = design.unitName();
        RtlModule fit = LoweringSupport.fitModule(prefix, pe);
        List<RtlParam> params = List.of(
                new RtlParam("K", tree.k(), "number of products per beat"),
                new RtlParam("PIPE", tree.pipeline(), "register stages inside the tree (0.." + maxPipeline(tree.k()) + ")"),
                new RtlParam("A_W", pe.a().width(), "width of a (" + pe.a().dslName() + ")"),
                new RtlParam("B_W", pe.b().width(), "width of b (" + pe.b().dslName() + ")"),
                new RtlParam("ACC_W", pe.acc().width(), "width of the result (" + pe.acc().dslName() + ", " + pe.policy().dslName() + ")"));
        RtlModule top = new RtlModule(prefix,
                "multiplier-adder tree '" + tree.name() + "' K=" + tree.k() + ", pipeline " + tree.pipeline()
                        + (tree.accumulate() ? ", accumulate" : "") + ", of PE '" + pe.name() + "'",
                tree.loc().locator(), params,
                LoweringSupport.topPorts(TopInterface.of(tree), Map.of(
                        "in_a", "K*A_W", "in_b", "K*B_W", "out_sum", "ACC_W")),
                new TreeTopBody(fit.name(),
                        LoweringSupport.fillBit(pe.a(), "a_elem", "A_W-1"),
                        LoweringSupport.fillBit(pe.b(), "b_elem", "B_W-1"),
                        LoweringSupport.fillBit(pe.acc(), "acc_q", "ACC_W-1"),
                        tree.accumulate() ? "in_last" : "1'b1",
                        tree.accumulate(), pe.loc().locator()));
        return new RtlDesign(List.of(fit, top), top.name(), tree.pipeline() + 1, tree.peakMacsPerCycle());
    }
}
