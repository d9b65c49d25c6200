/**
 * Wrappers around a generated top (after the pass pipeline): {@code compile --wrap axis} puts the unit behind
 * AXI4-Stream channels. {@link bitweave.wrap.AxisWrap} decides the channels and the packing (dsl/INTERFACE.md,
 * "AXI4-Stream wrapper"), {@link bitweave.wrap.WrapAxis} adds the wrapper module to the RTL IR and
 * {@link bitweave.wrap.AxisVectors} turns the golden model's beats into the channels' transfers for co-simulation.
 */
package bitweave.wrap;
