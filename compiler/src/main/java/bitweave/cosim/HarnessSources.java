package bitweave.cosim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generic C++ harness (top-level testbenches/ folder, packaged into the jar). The file list is
 * explicit because a jar cannot be listed like a directory; a test checks it against the folder.
 */
final class HarnessSources {
    /** Every file of testbenches/ the build needs; MAIN is the one given to Verilator. */
    static final List<String> FILES = List.of("harness.cpp", "bw_ports.h", "bw_vectors.h", "bw_trace.h");
    static final String MAIN = "harness.cpp";

    private HarnessSources() {
    }

    /** File name to content, in {@link #FILES} order. */
    static Map<String, String> load() {
        Map<String, String> files = new LinkedHashMap<>();
        for (String name : FILES) {
            String resource = "testbenches/" + name;
            try (InputStream in = HarnessSources.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("harness source not on the class path: " + resource);
                }
                files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + resource, e);
            }
        }
        return files;
    }
}
