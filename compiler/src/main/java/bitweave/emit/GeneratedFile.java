package bitweave.emit;

/**
 * One output file held in memory until the whole run has succeeded; the output writer then writes all
 * of them atomically. {@code name} is relative to the output directory (no absolute paths).
 */
public record GeneratedFile(String name, String content) {
}
