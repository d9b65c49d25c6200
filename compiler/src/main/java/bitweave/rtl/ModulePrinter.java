package bitweave.rtl;

/**
 * Prints one module as the back end writes it (bitweave.emit.VerilogEmitter). The legalize-names pass
 * reads every identifier the printed text uses, so the names it must avoid come from the real output,
 * not from a list kept by hand beside the templates.
 */
@FunctionalInterface
public interface ModulePrinter {
    String print(RtlModule module);
}
