package bitweave.cosim;

import bitweave.golden.VectorSet;
import bitweave.ir.Design;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything one co-simulation needs. Make one with {@link #of} and adjust it with the {@code with...}
 * methods, e.g. {@code CosimRequest.of(design, "top", rtl, vectors, 42).withTrace(Path.of("top.vcd"))}.
 *
 * @param design         the checked design (its top array defines the ports, see TopInterface)
 * @param topModule      the Verilog module to simulate
 * @param rtlFiles       Verilog sources, already on disk
 * @param vectors        stimulus and expected beats; for TopInterface.of(design.top()), or for the AXI4-Stream
 *                       wrapper's channels when {@code topModule} is the wrapper (AxisVectors)
 * @param seed           seeds register randomization at reset and the handshake randomness
 * @param trace          write a VCD here (the model is then built with --trace)
 * @param cacheDir       where built models are kept; empty: {@link CacheDirs#defaultDir} of {@code env}
 * @param progress       receives human-readable progress messages (build, vectors done)
 * @param env            environment for finding and running tools (PATH, HOME, ...)
 * @param watchdogCycles the harness gives up after this many cycles without any transfer
 */
public record CosimRequest(Design design, String topModule, List<Path> rtlFiles, VectorSet vectors, long seed,
                           Optional<Path> trace, Optional<Path> cacheDir, Consumer<String> progress,
                           Map<String, String> env, long watchdogCycles) {
    public static final long DEFAULT_WATCHDOG_CYCLES = 10_000;

    public CosimRequest {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(topModule, "topModule");
        rtlFiles = List.copyOf(rtlFiles);
        Objects.requireNonNull(vectors, "vectors");
        Objects.requireNonNull(trace, "trace");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(progress, "progress");
        env = Map.copyOf(env);
        if (watchdogCycles < 1) {
            throw new IllegalArgumentException("watchdogCycles must be positive: " + watchdogCycles);
        }
    }

    /** A request with no trace, the default cache directory, no progress output and the JVM's environment. */
    public static CosimRequest of(Design design, String topModule, List<Path> rtlFiles, VectorSet vectors, long seed) {
        return new CosimRequest(design, topModule, rtlFiles, vectors, seed, Optional.empty(), Optional.empty(),
                message -> { }, System.getenv(), DEFAULT_WATCHDOG_CYCLES);
    }

    public CosimRequest withTrace(Path vcd) {
        return new CosimRequest(design, topModule, rtlFiles, vectors, seed, Optional.of(vcd), cacheDir, progress, env,
                watchdogCycles);
    }

    public CosimRequest withCacheDir(Path dir) {
        return new CosimRequest(design, topModule, rtlFiles, vectors, seed, trace, Optional.of(dir), progress, env,
                watchdogCycles);
    }

    public CosimRequest withProgress(Consumer<String> sink) {
        return new CosimRequest(design, topModule, rtlFiles, vectors, seed, trace, cacheDir, sink, env,
                watchdogCycles);
    }

    public CosimRequest withEnv(Map<String, String> environment) {
        return new CosimRequest(design, topModule, rtlFiles, vectors, seed, trace, cacheDir, progress, environment,
                watchdogCycles);
    }

    public CosimRequest withSeed(long newSeed) {
        return new CosimRequest(design, topModule, rtlFiles, vectors, newSeed, trace, cacheDir, progress, env,
                watchdogCycles);
    }

    public CosimRequest withWatchdogCycles(long cycles) {
        return new CosimRequest(design, topModule, rtlFiles, vectors, seed, trace, cacheDir, progress, env, cycles);
    }

    /** The top module's ports: those of the vectors' interface. */
    public bitweave.ir.TopInterface iface() {
        return vectors.iface();
    }

    /** The cache directory to use: the explicit one, else the default for {@link #env}. */
    public Path effectiveCacheDir() {
        return cacheDir.orElseGet(() -> CacheDirs.defaultDir(env));
    }
}
