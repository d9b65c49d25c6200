package bitweave.ir;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How generated files name the design's source: its file name and a short hash of its bytes, e.g.
 * {@code dot16_int8.bw (sha256:1a2b3c4d5e6f7a8b)}. Unlike the path the user typed (which diagnostics
 * show), this does not depend on the working directory or on how the path was spelled, carries no
 * absolute path, and still tells which version of the source a generated file came from.
 *
 * @param fileName the last part of the source path ("dot16_int8.bw")
 * @param sha256   the first {@link #HASH_DIGITS} hex digits of the SHA-256 of the source bytes
 */
public record SourceId(String fileName, String sha256) {
    /** 64 bits of the hash: plenty to tell versions of one file apart, short enough for a header. */
    public static final int HASH_DIGITS = 16;

    /** The id of a source known under {@code path} (as typed, any spelling) whose bytes are {@code content}. */
    public static SourceId of(String path, byte[] content) {
        return new SourceId(fileNameOf(path), HexFormat.of().formatHex(sha256(content)).substring(0, HASH_DIGITS));
    }

    /** As {@link #of} for source text held in memory; the same as the file's id when the file holds this text. */
    public static SourceId ofText(String path, String text) {
        return of(path, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The form used in provenance headers and reports: {@code dot16_int8.bw (sha256:1a2b3c4d5e6f7a8b)}. */
    public String label() {
        return fileName + " (sha256:" + sha256 + ")";
    }

    /** The text after the last '/' or '\' (a path may be spelled for either kind of system). */
    static String fileNameOf(String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && (trimmed.endsWith("/") || trimmed.endsWith("\\"))) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        int cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        return trimmed.substring(cut + 1);
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
