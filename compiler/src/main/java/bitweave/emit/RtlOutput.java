package bitweave.emit;

import java.util.List;

/**
 * What the Verilog back end produced for one design.
 *
 * @param verilogFiles  one file per module, in dependency order (submodules first, the top last)
 * @param topModule     the top module's name (the design name, unless legalize-names had to change it)
 * @param fileList      {@code <top>.f}: the .v file names, relative to its folder, one per line, same order
 * @param portableLists {@code <top>_env.f} and {@code <top>_yosys.tcl}: the same files for tools that
 *                      resolve paths against the working directory (see VerilogEmitter#portableLists), and the
 *                      integration files {@code <top>.core} (FuseSoC) and {@code <top>_vivado.tcl} (IntegrationEmitter)
 * @param parameters    the top's parameters as {@code NAME=value}, in declaration order
 * @param latencyCycles cycles from the cycle in which the input beat that completes a vector transfers
 *                      (a tile's or group's last beat, or the only beat) to the first cycle with
 *                      {@code out_valid} high, with no back-pressure and nothing else in flight:
 *                      systolic (both dataflows) ROWS + COLS - 1; adder tree PIPE + 1
 * @param macsPerCycle  multiplies per cycle when the array is busy
 */
public record RtlOutput(List<GeneratedFile> verilogFiles, String topModule, GeneratedFile fileList,
                        List<GeneratedFile> portableLists, List<String> parameters, int latencyCycles,
                        long macsPerCycle) {
    public RtlOutput {
        verilogFiles = List.copyOf(verilogFiles);
        portableLists = List.copyOf(portableLists);
        parameters = List.copyOf(parameters);
    }
}
