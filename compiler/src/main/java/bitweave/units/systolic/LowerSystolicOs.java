package bitweave.units.systolic;

import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.PeSpec;
import bitweave.ir.TopInterface;
import bitweave.passes.LoweringPass;
import bitweave.passes.LoweringSupport;
import bitweave.rtl.OsPeBody;
import bitweave.rtl.OsTopBody;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlParam;
import bitweave.rtl.RtlPort;
import java.util.List;
import java.util.Map;

/**
 * lower-systolic-os: an output-stationary ROWS x COLS array.
 *
 * <p>Row r of A enters PE(r,0) after r skew registers together with the beat's valid/last marker;
 * column c of B enters PE(0,c) after c registers; each PE forwards both through one register, so the
 * step meets in PE(r,c) r+c cycles after the beat was accepted. The result of PE(r,c) is captured in
 * slice (r,c) of the top's out register when the tile's last step reaches it; the out beat is valid
 * once the corner PE has delivered. Only a tile's last beat can be refused: while an earlier tile's out
 * beat has not transferred, a beat with in_last = 1 waits (it would overwrite the out register); beats with
 * in_last = 0 always stream in. Latency = ROWS + COLS - 1.
 */
public final class LowerSystolicOs implements LoweringPass {
    @Override
    public String name() {
        return "lower-systolic-os";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof SystolicArray s && s.dataflow() == Dataflow.OUTPUT_STATIONARY;
    }

    @Override
    public RtlDesign lower(Design design) {
        SystolicArray array = (SystolicArray) design.top();
        PeSpec pe = array.pe();
        String prefix = design.unitName();
        int aw = pe.a().width();
        int bw = pe.b().width();
        int accw = pe.acc().width();

        RtlModule fit = LoweringSupport.fitModule(prefix, pe);
        RtlModule delay = LoweringSupport.delayModule(prefix, array.loc().locator());
        List<RtlParam> peParams = List.of(
                new RtlParam("A_W", aw, "width of a (" + pe.a().dslName() + ")"),
                new RtlParam("B_W", bw, "width of b (" + pe.b().dslName() + ")"),
                new RtlParam("ACC_W", accw, "width of acc (" + pe.acc().dslName() + ", " + pe.policy().dslName() + ")"));
        RtlModule peModule = new RtlModule(LoweringSupport.moduleName(prefix, "pe"),
                "output-stationary PE '" + pe.name() + "': acc = fit(acc + a*b) per step, result handed out at the tile's last step",
                pe.loc().locator(), peParams,
                List.of(RtlPort.inBit("clk"), RtlPort.inBit("rst"),
                        RtlPort.in("a_in", "A_W", aw), RtlPort.inBit("valid_in"), RtlPort.inBit("last_in"),
                        RtlPort.in("b_in", "B_W", bw),
                        RtlPort.out("a_out", "A_W", aw), RtlPort.outBit("valid_out"), RtlPort.outBit("last_out"),
                        RtlPort.out("b_out", "B_W", bw),
                        RtlPort.outBit("result_load"), RtlPort.out("result_value", "ACC_W", accw)),
                new OsPeBody(fit.name(),
                        LoweringSupport.fillBit(pe.a(), "a_in", "A_W-1"),
                        LoweringSupport.fillBit(pe.b(), "b_in", "B_W-1"),
                        LoweringSupport.fillBit(pe.acc(), "acc_q", "ACC_W-1")));

        List<RtlParam> topParams = List.of(
                new RtlParam("ROWS", array.rows(), "rows of the PE grid"),
                new RtlParam("COLS", array.cols(), "columns of the PE grid"),
                peParams.get(0), peParams.get(1), peParams.get(2));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(array), Map.of(
                "in_a", "ROWS*A_W", "in_b", "COLS*B_W", "out_c", "ROWS*COLS*ACC_W"));
        RtlModule top = new RtlModule(prefix,
                "systolic array '" + array.name() + "' " + array.rows() + "x" + array.cols()
                        + ", output_stationary, of PE '" + pe.name() + "'",
                array.loc().locator(), topParams, ports,
                new OsTopBody(peModule.name(), delay.name(), pe.loc().locator()));
        return new RtlDesign(List.of(fit, delay, peModule, top), top.name(),
                array.rows() + array.cols() - 1, array.peakMacsPerCycle());
    }
}
