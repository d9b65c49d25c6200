package bitweave.units.systolic;

import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.PeSpec;
import bitweave.ir.TopInterface;
import bitweave.passes.LoweringPass;
import bitweave.passes.LoweringSupport;
import bitweave.rtl.RtlDesign;
import bitweave.rtl.RtlModule;
import bitweave.rtl.RtlParam;
import bitweave.rtl.RtlPort;
import bitweave.rtl.WsPeBody;
import bitweave.rtl.WsTopBody;
import java.util.List;
import java.util.Map;

/**
 * lower-systolic-ws: a weight-stationary ROWS x COLS array.
 *
 * <p>A w beat writes every PE's weight register at once; w_ready is high only when no accepted
 * activation is still waiting for its out beat. x_r is skewed by r registers; partial sums enter row 0
 * as zero and flow down, each PE adding x_r * W[r][c] with fit (row 0 first). Column c's bottom result
 * is delayed by COLS-1-c registers so the out beat is aligned; a valid bit travels in a delay line of
 * ROWS+COLS-1 registers beside the data. Back-pressure stalls the whole array: every register shifts
 * only when the out stage is empty or being read (in_ready = !out_valid || out_ready).
 * Latency = ROWS + COLS - 1.
 */
public final class LowerSystolicWs implements LoweringPass {
    @Override
    public String name() {
        return "lower-systolic-ws";
    }

    @Override
    public boolean accepts(ArraySpec top) {
        return top instanceof SystolicArray s && s.dataflow() == Dataflow.WEIGHT_STATIONARY;
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
                new RtlParam("A_W", aw, "width of an activation x (" + pe.a().dslName() + ")"),
                new RtlParam("B_W", bw, "width of a weight w (" + pe.b().dslName() + ")"),
                new RtlParam("ACC_W", accw, "width of a partial sum (" + pe.acc().dslName() + ", " + pe.policy().dslName() + ")"));
        RtlModule peModule = new RtlModule(LoweringSupport.moduleName(prefix, "pe"),
                "weight-stationary PE '" + pe.name() + "': p_out = fit(p_in + x*w)",
                pe.loc().locator(), peParams,
                List.of(RtlPort.inBit("clk"), RtlPort.inBit("rst"), RtlPort.inBit("en"),
                        RtlPort.inBit("w_load"), RtlPort.in("w_in", "B_W", bw),
                        RtlPort.in("x_in", "A_W", aw), RtlPort.out("x_out", "A_W", aw),
                        RtlPort.in("p_in", "ACC_W", accw), RtlPort.out("p_out", "ACC_W", accw)),
                new WsPeBody(fit.name(),
                        LoweringSupport.fillBit(pe.a(), "x_in", "A_W-1"),
                        LoweringSupport.fillBit(pe.b(), "w_q", "B_W-1"),
                        LoweringSupport.fillBit(pe.acc(), "p_in", "ACC_W-1")));

        List<RtlParam> topParams = List.of(
                new RtlParam("ROWS", array.rows(), "rows of the PE grid (length of x)"),
                new RtlParam("COLS", array.cols(), "columns of the PE grid (length of y)"),
                peParams.get(0), peParams.get(1), peParams.get(2));
        List<RtlPort> ports = LoweringSupport.topPorts(TopInterface.of(array), Map.of(
                "w_data", "ROWS*COLS*B_W", "in_x", "ROWS*A_W", "out_y", "COLS*ACC_W"));
        RtlModule top = new RtlModule(prefix,
                "systolic array '" + array.name() + "' " + array.rows() + "x" + array.cols()
                        + ", weight_stationary, of PE '" + pe.name() + "'",
                array.loc().locator(), topParams, ports,
                new WsTopBody(peModule.name(), delay.name(), pe.loc().locator()));
        return new RtlDesign(List.of(fit, delay, peModule, top), top.name(),
                array.rows() + array.cols() - 1, array.peakMacsPerCycle());
    }
}
