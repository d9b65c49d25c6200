package bitweave.units.addertree;

import bitweave.datapath.Datapath;
import bitweave.datapath.DatapathBuilder;
import bitweave.datapath.Op;
import bitweave.datapath.Value;
import bitweave.ir.PeSpec;
import bitweave.passes.DatapathModules;
import bitweave.passes.LoweringSupport;
import bitweave.passes.MacDatapath;
import bitweave.passes.Structure;
import bitweave.rtl.ArrayItem.Assign;
import bitweave.rtl.ArrayItem.Branch;
import bitweave.rtl.ArrayItem.Comment;
import bitweave.rtl.ArrayItem.LocalParam;
import bitweave.rtl.ArrayItem.Loop;
import bitweave.rtl.ArrayItem.Wire;
import bitweave.rtl.ArrayItem;
import bitweave.rtl.RtlModule;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A K-wide dot-product unit, Σ_i a_i·b_i exact in DOT_W bits, as the adder tree (one unit per column)
 * and the 2D-Matrix (one unit per grid cell) build it: the modules, the localparams and the array-level
 * items of one unit, plus the items shared by all units (OPT2's encoders). The caller says where a
 * unit's operands come from and wraps the unit in its own loops; the result is the wire {@code dot}.
 *
 * <p>Plain: K multipliers (the exact product sign-extended to DOT_W) and a binary heap of adders in a
 * generate loop (leaves = products, zero beyond K); LEVELS = ceil(log2 K) adder levels above the
 * product level 0, level j followed by a register when j >= LEVELS + 1 - PIPE ({@link #STAGED}).
 * With {@code transform same_bit_weight_reduction}: {@link SameBitWeightTree}. Either way the unit
 * holds PIPE registers, so the flags that travel beside it through {@link #STAGED} stages stay aligned.
 */
public final class DotUnit {
    /** The register-stage condition of a tree level (LEVEL in the generate scope). */
    public static final String STAGED = "(LEVEL >= LEVELS + 1 - PIPE) ? 1 : 0";

    private final PeSpec pe;
    private final int k;
    private final String unitLoc;
    private final int dotw;
    private final SameBitWeightTree opt2;
    private final RtlModule mul;
    private final RtlModule add;
    private final boolean pairOut;

    /**
     * @param unit    the design's unit name (module-name prefix)
     * @param unitLoc the DSL declaration of the array (the trees' locator)
     */
    public DotUnit(PeSpec pe, int k, boolean sameBitWeight, String unit, String unitLoc) {
        this(pe, k, sameBitWeight, unit, unitLoc, 0);
    }

    /**
     * @param pairWidth with OPT2 and W > 0, the unit ends in an unfused (sum, carry) pair mod 2^W, the wire
     *                  {@code dot_pair} (sum in the high half; see {@link #endsInPair}); otherwise in {@code dot}
     */
    public DotUnit(PeSpec pe, int k, boolean sameBitWeight, String unit, String unitLoc, int pairWidth) {
        this(pe, k, sameBitWeight, unit, unitLoc, pairWidth, null, null);
    }

    /**
     * The plain tree with another multiplier: {@code mulGraph} (inputs {@code a}, {@code b} as the caller's
     * operand codes, output {@code product}, DOT_W bits) computes each exact product, e.g. of block-format
     * elements from their codes.
     */
    public static DotUnit withMultiplier(PeSpec pe, int k, String unit, String unitLoc, String mulSummary,
                                         Datapath mulGraph) {
        return new DotUnit(pe, k, false, unit, unitLoc, 0, mulSummary, mulGraph);
    }

    private DotUnit(PeSpec pe, int k, boolean sameBitWeight, String unit, String unitLoc, int pairWidth,
                    String mulSummary, Datapath customMul) {
        this.pe = pe;
        this.pairOut = sameBitWeight && pairWidth > 0;
        this.k = k;
        this.unitLoc = unitLoc;
        this.dotw = dotWidth(pe, k);
        String peLoc = pe.loc().locator();
        if (sameBitWeight) {
            this.opt2 = new SameBitWeightTree(pe, k, unit, unitLoc, dotw, pairWidth);
            this.mul = null;
            this.add = null;
        } else {
            this.opt2 = null;
            this.mul = DatapathModules.module(LoweringSupport.moduleName(unit, "mul"), customMul != null ? mulSummary
                    : "one product a*b of PE '" + pe.name() + "', exact, sign-extended to the tree width", peLoc,
                    customMul != null ? customMul : mulGraph(pe, dotw));
            this.add = DatapathModules.module(LoweringSupport.moduleName(unit, "add"),
                    "one adder of the tree (exact: the tree width has a bit per level)", unitLoc, addGraph(dotw, unitLoc));
        }
    }

    public static int levels(int k) {
        return k <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(k - 1);
    }

    /** Every partial sum is exact: the product width plus one bit per adder level. */
    public static int dotWidth(PeSpec pe, int k) {
        return MacDatapath.productWidth(pe.a(), pe.b()) + levels(k);
    }

    public int dotWidth() {
        return dotw;
    }

    /** Whether the unit's result is the pair {@code dot_pair} rather than the value {@code dot}. */
    public boolean endsInPair() {
        return pairOut;
    }

    public List<RtlModule> modules() {
        return opt2 != null ? opt2.modules() : List.of(mul, add);
    }

    /** LEVELS, the plain tree's LEAVES, DOT_W and OPT2's widths: the flags' stages use LEVELS in every variant. */
    public List<ArrayItem> localParams() {
        List<ArrayItem> out = new ArrayList<>(List.of(new LocalParam("LEVELS", String.valueOf(levels(k)))));
        if (opt2 == null) {
            out.add(new LocalParam("LEAVES", String.valueOf(1 << levels(k))));
        }
        if (!pairOut) {  // a unit ending in its pair has no DOT_W-wide wire
            out.add(new LocalParam("DOT_W", String.valueOf(dotw)));
        }
        if (opt2 != null) {
            out.addAll(opt2.localParams());
        }
        return out;
    }

    /**
     * Before the units, once: OPT2 encodes each of the {@code aCount} operands a_j = in_a[j] here, so the
     * units that share an a share its encoding (nothing for the plain tree).
     */
    public List<ArrayItem> sharedItems(String aCount) {
        return sharedItems(aCount, "in_a");
    }

    /** As {@link #sharedItems(String)} with the operands a_j in {@code aWire} (A_W bits each) instead of in_a. */
    public List<ArrayItem> sharedItems(String aCount, String aWire) {
        return opt2 != null ? opt2.encoderItems(aCount, aWire) : List.of();
    }

    /**
     * One unit's items (inside the caller's loops). Multiplier i of the unit multiplies a_j, j =
     * {@code aIndex.apply(i)} (an element of in_a), by {@code b.apply(i)} (a Verilog expression);
     * {@code scope} is the unit's hierarchical prefix (e.g. {@code g_m[m].g_n[n].}, or empty) for the
     * plain tree's references between its nodes.
     */
    public List<ArrayItem> unitItems(String delay, UnaryOperator<String> aIndex, UnaryOperator<String> b,
                                     String scope) {
        return unitItems(delay, aIndex, b, scope, "in_a");
    }

    /** As {@link #unitItems(String, UnaryOperator, UnaryOperator, String)} with the operands a_j in {@code aWire}. */
    public List<ArrayItem> unitItems(String delay, UnaryOperator<String> aIndex, UnaryOperator<String> b,
                                     String scope, String aWire) {
        if (opt2 != null) {
            return opt2.unitItems(delay, i -> "g_enc[" + aIndex.apply(i) + "].code", b);
        }
        String peLoc = pe.loc().locator();
        List<ArrayItem> node = List.of(
                new LocalParam("LEVEL", "LEVELS + 1 - $clog2(i + 1)"),
                new Wire("value_d", "DOT_W", false), new Wire("value", "DOT_W", false),
                new Branch("i >= LEAVES", "g_leaf", List.of(
                        new Branch("i - LEAVES < K", "g_product", List.of(
                                Structure.instance(mul.name(), "u_mul", peLoc,
                                        "a", aWire + "[(" + aIndex.apply("i-LEAVES") + ")*A_W +: A_W]",
                                        "b", b.apply("i-LEAVES"), "product", "value_d")),
                                "g_padding", List.of(new Assign("value_d", "{DOT_W{1'b0}}")))),
                        "g_add", List.of(Structure.instance(add.name(), "u_add", unitLoc,
                                "l", scope + "g_node[2*i].value", "r", scope + "g_node[2*i+1].value", "sum", "value_d"))),
                Structure.delay(delay, "u_stage", "DOT_W", STAGED, "advance", "value_d", "value", unitLoc));
        return List.of(
                new Comment("node i of a binary heap: 1 is the root, LEAVES..2*LEAVES-1 are the products (zero beyond K)"),
                new Wire("dot", "DOT_W", false),
                new Loop("i", "1", "2*LEAVES", "g_node", node),
                new Assign("dot", scope + "g_node[1].value"));
    }

    static Datapath mulGraph(PeSpec pe, int dotw) {
        DatapathBuilder g = new DatapathBuilder(pe.loc().locator());
        Value a = g.input("a", pe.a().width());
        Value b = g.input("b", pe.b().width());
        Value out = g.output("product", dotw);
        Value product = MacDatapath.product(g, a, pe.a(), b, pe.b(), "exact_product");
        g.add(new Op.Extend(out, product, true, g.loc()));
        return g.build();
    }

    static Datapath addGraph(int dotw, String loc) {
        DatapathBuilder g = new DatapathBuilder(loc);
        Value l = g.input("l", dotw);
        Value r = g.input("r", dotw);
        Value sum = g.output("sum", dotw);
        g.add(new Op.Add(sum, l, r, false, loc));
        return g.build();
    }
}
