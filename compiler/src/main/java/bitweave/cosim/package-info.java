/**
 * Co-simulation: proves the generated RTL and the golden model agree bit for bit.
 *
 * <p>Pieces, in the order a run uses them:
 * <ul>
 *   <li>{@link bitweave.cosim.GlueEmitter}: {@code <top>_glue.h}, the design-specific half of the C++
 *       harness (the generic half is testbenches/harness.cpp, bw_ports.h, bw_vectors.h);</li>
 *   <li>{@link bitweave.cosim.VectorFile}: the text file carrying a VectorSet to the harness;</li>
 *   <li>ModelBuilder: Verilator build of RTL + harness + glue, cached by a SHA-256 of its inputs;</li>
 *   <li>{@link bitweave.cosim.Cosim#run}: builds or reuses the model, runs it with the vector file and a
 *       seed, and returns a {@link bitweave.cosim.CosimResult}.</li>
 * </ul>
 */
package bitweave.cosim;
