package bitweave.cosim;

import bitweave.diag.ErrorCode;
import bitweave.diag.IoReason;
import bitweave.diag.UserError;
import bitweave.emit.GeneratedFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Builds the co-simulation binary (Verilated RTL + harness + glue) or reuses a cached one.
 *
 * <p>Cache layout under {@code <cacheDir>/cosim/}: {@code <key>/sim} (with build.log, the glue and
 * key.txt beside it), {@code failed/<key>.log} for failed builds, {@code tmp/} for builds in progress.
 * The key is a SHA-256 of everything that determines the binary: RTL contents, harness sources, glue,
 * Verilator flags and {@code verilator --version}. The vector file is a run-time input, never part of
 * it. A build happens in its own temporary directory and its result is renamed into place in one step,
 * so concurrent runs never see a half-written entry; if two runs build the same key, one rename wins
 * and the other run uses the winner's binary.
 */
final class ModelBuilder {
    static final String BINARY = "sim";
    private static final int MAX_ERROR_LINES = 15;

    private ModelBuilder() {
    }

    /** A runnable model binary. */
    record Model(Path binary, boolean cacheHit, Duration buildTime, String key) {
    }

    /** The Verilator command line except the tool itself, ccache, the object directory and the sources. */
    static List<String> flags(String topModule, boolean trace) {
        List<String> f = new ArrayList<>(List.of(
                "--cc", "--exe", "--build", "-j", "2", "--no-timing",
                "--x-assign", "unique", "--x-initial", "unique", "-O3",
                // Verilator 5.006's DFG optimizer miscompiles some bit-level logic (found by the datapath
                // printer's random co-simulation: a reduced XOR/majority graph gives 1 where Icarus and the
                // IR give 0). A verdict must not depend on an optimizer bug, so DFG is off.
                "-fno-dfg",
                // Our RTL is lint-clean; lint/style warnings must not stop a user's hand-edited RTL.
                "-Wno-lint", "-Wno-style",
                "--top-module", topModule, "--prefix", GlueEmitter.modelClass(topModule), "-o", BINARY,
                "-CFLAGS", "-DBW_GLUE=" + GlueEmitter.fileName(topModule),
                // Verilator's -O3 is its own optimizer; the C++ level comes from these make variables.
                "-MAKEFLAGS", "OPT_FAST=-O1 OPT_GLOBAL=-O1"));
        if (trace) {
            f.add("--trace");
        }
        return f;
    }

    static Model obtain(CosimRequest req, ToolLocator tools, Path verilator) {
        long start = System.nanoTime();
        GeneratedFile glue = GlueEmitter.emit(req.design(), req.topModule(), req.iface());
        Map<String, String> harness = HarnessSources.load();
        List<String> flags = flags(req.topModule(), req.trace().isPresent());
        String version = verilatorVersion(verilator, tools.env());
        String key = key(req, glue, harness, flags, version);
        Path root = req.effectiveCacheDir().toAbsolutePath().resolve("cosim");
        Path entry = root.resolve(key);
        Path binary = entry.resolve(BINARY);
        if (Files.isExecutable(binary)) {
            req.progress().accept("co-sim: reusing cached model " + key.substring(0, 12));
            return new Model(binary, true, Duration.ofNanos(System.nanoTime() - start), key);
        }
        req.progress().accept("co-sim: building model with Verilator (" + req.topModule() + ")");
        try {
            Files.createDirectories(root.resolve("tmp"));
            Path work = Files.createTempDirectory(root.resolve("tmp"), key.substring(0, 12) + "-");
            try {
                build(req, tools, verilator, glue, harness, flags, version, key, root, work);
                Path staged = work.resolve("entry");
                try {
                    Files.move(staged, entry, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // Another run finished the same build first (rename(2) reports ENOTEMPTY, which the
                    // JDK does not always map to a specific exception): its entry is complete, use it.
                    if (!Files.isExecutable(binary)) {
                        throw e;
                    }
                }
            } finally {
                deleteTree(work);
            }
        } catch (IOException e) {
            Path given = req.effectiveCacheDir();
            throw new UserError(ErrorCode.OUTPUT_UNWRITABLE, "cannot use the cache directory " + given + ": "
                    + IoReason.of(e, given));
        }
        return new Model(binary, false, Duration.ofNanos(System.nanoTime() - start), key);
    }

    private static void build(CosimRequest req, ToolLocator tools, Path verilator, GeneratedFile glue,
                              Map<String, String> harness, List<String> flags, String version, String key,
                              Path root, Path work) throws IOException {
        PortCheck.verify(req, tools, verilator, work, root.resolve("failed").resolve(key + ".log"));
        for (Map.Entry<String, String> f : harness.entrySet()) {
            Files.writeString(work.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
        Files.writeString(work.resolve(glue.name()), glue.content(), StandardCharsets.UTF_8);
        List<String> cmd = new ArrayList<>();
        cmd.add(verilator.toString());
        cmd.addAll(flags);
        if (tools.find("ccache").isPresent()) {
            cmd.add("-MAKEFLAGS");   // does not change the binary, so it is not part of the key
            cmd.add("OBJCACHE=ccache");
        }
        cmd.add("--Mdir");
        cmd.add("obj_dir");
        for (Path rtl : req.rtlFiles()) {
            cmd.add(rtl.toAbsolutePath().toString());
        }
        cmd.add(HarnessSources.MAIN);
        StringBuilder log = new StringBuilder();
        log.append(String.join(" ", cmd)).append('\n');
        int status = ProcessRunner.run(cmd, work, tools.env(), line -> log.append(line).append('\n'));
        Path objBinary = work.resolve("obj_dir").resolve(BINARY);
        if (status != 0 || !Files.isExecutable(objBinary)) {
            Path failed = root.resolve("failed").resolve(key + ".log");
            Files.createDirectories(failed.getParent());
            Files.writeString(failed, log.toString(), StandardCharsets.UTF_8);
            throw new UserError(ErrorCode.TOOL_FAILED, "Verilator build of " + req.topModule() + " failed (exit "
                    + status + "):\n" + firstErrors(log.toString()) + "full log: " + failed);
        }
        Path staged = Files.createDirectory(work.resolve("entry"));
        Files.move(objBinary, staged.resolve(BINARY));
        Files.writeString(staged.resolve("build.log"), log.toString(), StandardCharsets.UTF_8);
        Files.writeString(staged.resolve(glue.name()), glue.content(), StandardCharsets.UTF_8);
        Files.writeString(staged.resolve("key.txt"), "top " + req.topModule() + "\nflags " + String.join(" ", flags)
                + "\nverilator " + version + "\nrtl " + req.rtlFiles() + "\n", StandardCharsets.UTF_8);
    }

    /** The lines of a build log a user needs first: Verilator and compiler errors, else the tail. */
    static String firstErrors(String log) {
        List<String> lines = log.lines().toList();
        StringBuilder sb = new StringBuilder();
        int n = 0;
        for (String line : lines) {
            // Verilator warnings are fatal in a build: a %Warning line is often the actual cause.
            if ((line.startsWith("%Error") || line.startsWith("%Warning") || line.contains("error:"))
                    && n < MAX_ERROR_LINES) {
                sb.append("  ").append(line).append('\n');
                n++;
            }
        }
        if (n == 0) {
            for (String line : lines.subList(Math.max(0, lines.size() - MAX_ERROR_LINES), lines.size())) {
                sb.append("  ").append(line).append('\n');
            }
        }
        return sb.toString();
    }

    private static String verilatorVersion(Path verilator, Map<String, String> env) {
        StringBuilder out = new StringBuilder();
        Path cwd = Path.of("").toAbsolutePath();
        int status = ProcessRunner.run(List.of(verilator.toString(), "--version"), cwd, env,
                line -> out.append(line).append('\n'));
        if (status != 0) {
            throw new UserError(ErrorCode.TOOL_FAILED, "'" + verilator + " --version' failed (exit " + status + "): "
                    + out.toString().strip());
        }
        return out.toString().strip();
    }

    /** SHA-256 over length-prefixed parts, so no two different inputs share a byte stream. */
    static String key(CosimRequest req, GeneratedFile glue, Map<String, String> harness, List<String> flags,
                      String version) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            part(sha, "bitweave-cosim-model 1");
            part(sha, version);
            part(sha, String.join("\u0000", flags));
            for (Path rtl : req.rtlFiles()) {
                if (!Files.isRegularFile(rtl)) {
                    throw new UserError(ErrorCode.SOURCE_NOT_FOUND, "RTL file not found: " + rtl);
                }
                part(sha, rtl.getFileName().toString());
                part(sha, readRtl(rtl));
            }
            for (Map.Entry<String, String> f : harness.entrySet()) {
                part(sha, f.getKey());
                part(sha, f.getValue());
            }
            part(sha, glue.name());
            part(sha, glue.content());
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    private static byte[] readRtl(Path rtl) {
        try {
            return Files.readAllBytes(rtl);
        } catch (IOException e) {
            throw new UserError(ErrorCode.SOURCE_UNREADABLE, "cannot read the RTL file " + rtl + ": " + IoReason.of(e, rtl));
        }
    }

    private static void part(MessageDigest sha, String s) {
        part(sha, s.getBytes(StandardCharsets.UTF_8));
    }

    private static void part(MessageDigest sha, byte[] bytes) {
        sha.update(java.nio.ByteBuffer.allocate(8).putLong(bytes.length).array());
        sha.update(bytes);
    }

    static void deleteTree(Path dir) {
        bitweave.output.FileTrees.deleteQuietly(dir);
    }
}
