package bitweave.passes;

import bitweave.rtl.ArrayItem;
import java.util.ArrayList;
import java.util.List;

/** Small constructors for array-level items, so the lowerings read as the structure they build. */
public final class Structure {
    private Structure() {
    }

    /** An instance without parameters; {@code portPairs} alternate port name and connected expression. */
    public static ArrayItem.Instance instance(String module, String name, String locator, String... portPairs) {
        return new ArrayItem.Instance(module, name, List.of(), pairs(portPairs), locator);
    }

    /** A delay line of {@code depth} stages of {@code width} bits (both Verilog expressions). */
    public static ArrayItem.Instance delay(String module, String instanceName, String width, String depth, String enable,
                                    String din, String dout, String locator) {
        return new ArrayItem.Instance(module, instanceName,
                List.of(new ArrayItem.Connection("W", width), new ArrayItem.Connection("DEPTH", depth)),
                pairs("clk", "clk", "rst", "rst", "en", enable, "din", din, "dout", dout), locator);
    }

    /**
     * A delay line of data bits without reset (RESET = 0): for values a valid bit travelling in a reset
     * line qualifies, so their power-up contents never reach a valid output.
     */
    public static ArrayItem.Instance dataDelay(String module, String instanceName, String width, String depth,
                                               String enable, String din, String dout, String locator) {
        return new ArrayItem.Instance(module, instanceName,
                List.of(new ArrayItem.Connection("W", width), new ArrayItem.Connection("DEPTH", depth),
                        new ArrayItem.Connection("RESET", "0")),
                pairs("clk", "clk", "rst", "rst", "en", enable, "din", din, "dout", dout), locator);
    }

    private static List<ArrayItem.Connection> pairs(String... portPairs) {
        List<ArrayItem.Connection> out = new ArrayList<>();
        for (int i = 0; i < portPairs.length; i += 2) {
            out.add(new ArrayItem.Connection(portPairs[i], portPairs[i + 1]));
        }
        return out;
    }
}
