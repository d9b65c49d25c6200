package bitweave.emit;

import bitweave.ir.Dataflow;
import bitweave.ir.Design;
import bitweave.ir.OverflowPolicy;
import java.nio.file.Files;
import java.nio.file.Path;

/** Throwaway helper for manual runs: writes a few designs' Verilog to a directory. Not a test. */
final class DumpRtl {
    private DumpRtl() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Design[] designs = {
            RtlTestDesigns.systolic("os_a", Dataflow.OUTPUT_STATIONARY, 2, 3, "int8", "uint4", "int12", OverflowPolicy.SATURATE),
            RtlTestDesigns.systolic("ws_a", Dataflow.WEIGHT_STATIONARY, 2, 3, "int8", "int4", "int10", OverflowPolicy.SATURATE),
            RtlTestDesigns.tree("tr_a", 3, 1, true, "int8", "uint8", "uint16", OverflowPolicy.SATURATE),
            RtlTestDesigns.tree("tr_b", 5, 0, false, "int1", "int1", "int1", OverflowPolicy.WRAP),
        };
        for (Design d : designs) {
            Path sub = dir.resolve(d.name());
            Files.createDirectories(sub);
            RtlOutput out = VerilogBackend.generate(d);
            for (GeneratedFile f : out.verilogFiles()) {
                Files.writeString(sub.resolve(f.name()), f.content());
            }
            Files.writeString(sub.resolve(out.fileList().name()), out.fileList().content());
        }
    }
}
