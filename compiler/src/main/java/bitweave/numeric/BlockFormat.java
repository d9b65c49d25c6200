package bitweave.numeric;

import java.util.List;

/**
 * A block format: {@code blockSize} element codes sharing one scale code. The OCP MX types are E8M0 scales
 * over an element format; classic block floating point has a shared exponent of any width over integer
 * mantissas.
 */
public record BlockFormat(String name, ElementFormat element, ScaleFormat scale, int blockSize) {
    public static final int MAX_BLOCK = 1024;

    /** The OCP MX types, by DSL name (block size 32; the block size is a separate DSL parameter). */
    public static final List<BlockFormat> MX = List.of(
            mx("mxfp8_e4m3", FloatFormat.E4M3), mx("mxfp8_e5m2", FloatFormat.E5M2),
            mx("mxfp6_e3m2", FloatFormat.E3M2), mx("mxfp6_e2m3", FloatFormat.E2M3),
            mx("mxfp4", FloatFormat.E2M1), mx("mxint8", IntElementFormat.MXINT8));

    public BlockFormat {
        if (blockSize < 1 || blockSize > MAX_BLOCK) {
            throw new IllegalArgumentException("block size " + blockSize);
        }
    }

    private static BlockFormat mx(String name, ElementFormat element) {
        return new BlockFormat(name, element, ScaleFormat.E8M0, 32);
    }

    /** Classic block floating point: a {@code exponentBits} shared exponent and {@code mantissaBits} mantissas. */
    public static BlockFormat bfp(int exponentBits, int mantissaBits, boolean signMagnitude, int blockSize) {
        String name = "bfp_e" + exponentBits + "m" + mantissaBits + (signMagnitude ? "_sm" : "");
        return new BlockFormat(name, new IntElementFormat(name, mantissaBits, mantissaBits - 2, signMagnitude),
                new ScaleFormat(exponentBits), blockSize);
    }

    public BlockFormat withBlockSize(int size) {
        return new BlockFormat(name, element, scale, size);
    }
}
