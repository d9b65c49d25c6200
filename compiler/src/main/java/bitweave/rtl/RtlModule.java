package bitweave.rtl;

import java.util.List;

/**
 * One generated Verilog module (one file). Everything the template prints is here already computed.
 *
 * @param name    module name (= file name without {@code .v})
 * @param summary one line saying what the module is, printed as a comment
 * @param locator the DSL declaration this module comes from, as {@code file:line:col}
 * @param params  Verilog parameters with their default values
 * @param ports   ports in declaration order
 * @param body    the kind-specific body, printed by the template named {@link RtlBody#templateName()}
 */
public record RtlModule(String name, String summary, String locator, List<RtlParam> params, List<RtlPort> ports,
                        RtlBody body) {
    public RtlModule {
        params = List.copyOf(params);
        ports = List.copyOf(ports);
    }

    public RtlModule withName(String newName, RtlBody newBody) {
        return new RtlModule(newName, summary, locator, params, ports, newBody);
    }
}
