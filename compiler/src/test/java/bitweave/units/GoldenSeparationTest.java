package bitweave.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bitweave.golden.Problem;
import bitweave.golden.UnitGolden;
import bitweave.passes.LoweringPass;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The golden model is the numeric definition co-simulation holds the RTL to, so it must never be derived
 * from the RTL side. This reads the compiled classes (their constant pools name every class they use,
 * also same-package and fully qualified uses that an import scan misses) and walks the references from
 * the golden side: every class of {@code bitweave.golden} and every {@link UnitGolden} and
 * {@link Problem} of a unit kind, and whatever they reach. Reaching the RTL side (rtl, passes, datapath,
 * emit, or a {@link LoweringPass} in a kind's package) fails. The walk stops at the registry
 * ({@link UnitKinds}, {@link UnitKind}): dispatching through it is how golden code finds a kind's golden
 * side, and every kind has a lowering behind it.
 */
class GoldenSeparationTest {
    private static final List<String> RTL_SIDE = List.of("bitweave/rtl/", "bitweave/passes/", "bitweave/datapath/",
            "bitweave/emit/");
    private static final Set<String> REGISTRY = Set.of(name(UnitKinds.class), name(UnitKind.class));

    @Test
    void goldenSideNeverReachesTheRtlSide() throws Exception {
        Map<String, Class<?>> classes = compiledClasses();
        Deque<String> todo = new ArrayDeque<>();
        Map<String, String> reachedFrom = new LinkedHashMap<>();
        for (Map.Entry<String, Class<?>> e : classes.entrySet()) {
            Class<?> c = e.getValue();
            boolean golden = e.getKey().startsWith("bitweave/golden/")
                    || (e.getKey().startsWith("bitweave/units/") && (UnitGolden.class.isAssignableFrom(c)
                            || Problem.class.isAssignableFrom(c)));
            if (golden) {
                todo.add(e.getKey());
                reachedFrom.put(e.getKey(), "(golden side)");
            }
        }
        assertTrue(reachedFrom.keySet().stream().anyMatch(n -> n.startsWith("bitweave/units/")),
                "found no UnitGolden in bitweave.units: the scan is broken");
        List<String> violations = new ArrayList<>();
        while (!todo.isEmpty()) {
            String from = todo.removeFirst();
            for (String to : referencedClasses(from)) {
                if (!to.startsWith("bitweave/") || reachedFrom.containsKey(to) || REGISTRY.contains(to)) {
                    continue;
                }
                reachedFrom.put(to, from);
                Class<?> target = classes.get(to);
                boolean rtl = RTL_SIDE.stream().anyMatch(to::startsWith)
                        || (target != null && LoweringPass.class.isAssignableFrom(target));
                if (rtl) {
                    violations.add(chain(to, reachedFrom));
                } else {
                    todo.add(to);
                }
            }
        }
        assertEquals(List.of(), violations, "the golden side depends on the RTL side (class <- used by <- ...)");
    }

    @Test
    void theScanSeesSamePackageReferences() throws Exception {
        // The lowering pass names its record without an import; the constant pool still lists it.
        assertTrue(referencedClasses("bitweave/units/systolic/LowerSystolicOs")
                .contains("bitweave/units/systolic/SystolicArray"));
        assertFalse(referencedClasses("bitweave/units/systolic/OutputStationaryModel").stream()
                .anyMatch(n -> n.startsWith("bitweave/rtl/")));
    }

    private static String chain(String to, Map<String, String> reachedFrom) {
        StringBuilder sb = new StringBuilder(to);
        for (String at = reachedFrom.get(to); at != null && !at.startsWith("("); at = reachedFrom.get(at)) {
            sb.append(" <- ").append(at);
        }
        return sb.toString();
    }

    private static String name(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    /** Every compiled main class, by internal name (bitweave/golden/Stimulus, bitweave/golden/Stimulus$OverflowRun). */
    private static Map<String, Class<?>> compiledClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(UnitKinds.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, Class<?>> out = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(root.resolve("bitweave"))) {
            for (Path p : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String internal = root.relativize(p).toString().replace('\\', '/').replaceAll("\\.class$", "");
                out.put(internal, Class.forName(internal.replace('/', '.'), false,
                        GoldenSeparationTest.class.getClassLoader()));
            }
        }
        return out;
    }

    /**
     * The classes a class file names: its CONSTANT_Class entries, plus class names inside descriptors
     * (field and method types), read from the constant pool (JVMS 4.4).
     */
    static Set<String> referencedClasses(String internalName) throws IOException {
        try (InputStream in = GoldenSeparationTest.class.getClassLoader().getResourceAsStream(internalName + ".class")) {
            if (in == null) {
                throw new IOException("no class file for " + internalName);
            }
            DataInputStream data = new DataInputStream(in);
            data.readInt(); // magic
            data.readUnsignedShort(); // minor
            data.readUnsignedShort(); // major
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            List<Integer> classIndexes = new ArrayList<>();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 7 -> classIndexes.add(data.readUnsignedShort());
                    case 8, 16, 19, 20 -> data.readUnsignedShort();
                    case 15 -> data.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.readInt();
                    case 5, 6 -> {
                        data.readLong();
                        i++; // 8-byte constants take two slots
                    }
                    default -> throw new IOException(internalName + ": unknown constant pool tag " + tag);
                }
            }
            Set<String> out = new TreeSet<>();
            for (int index : classIndexes) {
                out.add(utf8[index].replaceAll("^\\[+L|;$", ""));
            }
            for (String s : utf8) {
                if (s == null) {
                    continue;
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("L(bitweave/[A-Za-z0-9_/$]+);").matcher(s);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
            return out;
        }
    }
}
