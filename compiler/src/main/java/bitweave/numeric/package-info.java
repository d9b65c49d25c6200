/**
 * Exact number formats of the golden side: binary floating point of any exponent/mantissa split
 * ({@link FloatFormat}), scaled integers ({@link IntElementFormat}), shared block scales
 * ({@link ScaleFormat}, E8M0 among them) and block formats ({@link BlockFormat}: OCP MX and classic block
 * floating point), with {@link BlockQuantizer} and {@link BlockDequantizer}.
 *
 * <p>Every value is an exact {@link FpValue} (an integer significand times a power of two); every rounding
 * point is an explicit {@link Rounding} applied to integers. Nothing here computes with Java
 * {@code float} or {@code double} (even decimal input is read exactly, {@link FloatText}). dsl/LANGUAGE.md section 4.1 records each choice the OCP MX v1.0 specification leaves
 * open.
 */
package bitweave.numeric;
