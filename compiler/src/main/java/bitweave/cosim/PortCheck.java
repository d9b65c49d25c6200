package bitweave.cosim;

import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.Field;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Checks, before a model is built, that the RTL's top module has exactly the ports the design's
 * interface needs (name, direction, width). Without it a hand-written module with a renamed port
 * fails deep inside the C++ build, and one with a narrower port silently truncates values. Verilator
 * itself elaborates the RTL ({@code --xml-only}), so parameters and generate blocks are resolved.
 */
final class PortCheck {
    /** One port as the RTL declares it. */
    record RtlPort(String direction, int width) {
    }

    private PortCheck() {
    }

    /** @param failedLog where the Verilator log is kept when it cannot read the RTL */
    static void verify(CosimRequest req, ToolLocator tools, Path verilator, Path work, Path failedLog) throws IOException {
        Path xml = work.resolve("ports.xml");
        List<String> cmd = new ArrayList<>(List.of(verilator.toString(), "--xml-only", "-Wno-fatal", "-Wno-lint", "-Wno-style",
                "--top-module", req.topModule(), "--xml-output", xml.toString(), "--Mdir", work.resolve("xml_dir").toString()));
        for (Path rtl : req.rtlFiles()) {
            cmd.add(rtl.toAbsolutePath().toString());
        }
        StringBuilder log = new StringBuilder();
        int status = ProcessRunner.run(cmd, work, tools.env(), line -> log.append(line).append('\n'));
        if (status != 0 || !Files.exists(xml)) {
            Files.createDirectories(failedLog.getParent());
            Files.writeString(failedLog, String.join(" ", cmd) + "\n" + log, java.nio.charset.StandardCharsets.UTF_8);
            throw new UserError(ErrorCode.TOOL_FAILED, "Verilator cannot read the RTL of " + req.topModule()
                    + ":\n" + ModelBuilder.firstErrors(log.toString()) + "full log: " + failedLog);
        }
        List<String> problems = compare(expected(req.iface()), topPorts(xml, req.topModule()));
        if (!problems.isEmpty()) {
            throw new UserError(ErrorCode.RTL_PORTS_MISMATCH, "the RTL's top module '" + req.topModule()
                    + "' does not have the ports this design's interface needs (dsl/INTERFACE.md):\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** The ports the harness drives and reads: clk, rst, then every stream's valid, ready and fields. */
    static Map<String, RtlPort> expected(TopInterface iface) {
        Map<String, RtlPort> ports = new LinkedHashMap<>();
        ports.put("clk", new RtlPort("input", 1));
        ports.put("rst", new RtlPort("input", 1));
        List<Stream> streams = new ArrayList<>(iface.inputs());
        streams.add(iface.output());
        for (Stream s : streams) {
            String in = s.input() ? "input" : "output";
            ports.put(s.validPort(), new RtlPort(in, 1));
            ports.put(s.readyPort(), new RtlPort(s.input() ? "output" : "input", 1));
            for (Field f : s.fields()) {
                for (String port : s.rtlPortsOf(f)) {
                    ports.put(port, new RtlPort(in, f.width()));
                }
            }
        }
        return ports;
    }

    static List<String> compare(Map<String, RtlPort> expected, Map<String, RtlPort> actual) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, RtlPort> e : expected.entrySet()) {
            RtlPort got = actual.get(e.getKey());
            RtlPort want = e.getValue();
            if (got == null) {
                problems.add("missing " + want.direction() + " " + e.getKey() + " [" + want.width() + " bits]");
            } else if (!got.equals(want)) {
                problems.add(e.getKey() + ": expected " + want.direction() + " of " + want.width() + " bits, found "
                        + got.direction() + " of " + got.width() + " bits");
            }
        }
        for (Map.Entry<String, RtlPort> e : actual.entrySet()) {
            if (!expected.containsKey(e.getKey()) && e.getValue().direction().equals("input")) {
                problems.add("unexpected input " + e.getKey() + " (the harness would leave it undriven)");
            }
        }
        return problems;
    }

    /** Ports of the top module in Verilator's XML: each var with a dir, its width from the dtype table. */
    static Map<String, RtlPort> topPorts(Path xml, String top) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            doc = f.newDocumentBuilder().parse(xml.toFile());
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("unreadable Verilator XML " + xml + ": " + e.getMessage(), e);
        }
        Map<String, Integer> widths = new HashMap<>();
        NodeList dtypes = doc.getElementsByTagName("basicdtype");
        for (int i = 0; i < dtypes.getLength(); i++) {
            Element d = (Element) dtypes.item(i);
            int width = d.hasAttribute("left")
                    ? Math.abs(Integer.parseInt(d.getAttribute("left")) - Integer.parseInt(d.getAttribute("right"))) + 1
                    : 1;
            widths.put(d.getAttribute("id"), width);
        }
        Map<String, RtlPort> ports = new LinkedHashMap<>();
        NodeList modules = doc.getElementsByTagName("module");
        for (int i = 0; i < modules.getLength(); i++) {
            Element m = (Element) modules.item(i);
            if (!"1".equals(m.getAttribute("topModule"))) {
                continue;
            }
            NodeList vars = m.getElementsByTagName("var");
            for (int j = 0; j < vars.getLength(); j++) {
                Element v = (Element) vars.item(j);
                if (v.hasAttribute("dir") && v.getParentNode() == m) {
                    // A port of a type other than a basic vector (a struct, an array) has no entry: width -1.
                    ports.put(v.getAttribute("name"),
                            new RtlPort(v.getAttribute("dir"), widths.getOrDefault(v.getAttribute("dtype_id"), -1)));
                }
            }
        }
        return ports;
    }
}
