/**
 * Measurement and proof with Yosys: {@code bitweave synth} (gate counts, gate equivalents and logic
 * depth of the generated RTL in a fixed generic flow) and {@code bitweave equiv} (a SAT proof that two
 * units with the same top interface compute the same outputs, cycle by cycle from reset). Both work on
 * an {@link bitweave.emit.RtlOutput} only, so they apply to any unit the back end emits, transformed or
 * not. The Yosys scripts are built here, run in a scratch folder, and their logs parsed here; nothing
 * in this package reads the design IR. {@link bitweave.synth.Pnr} places and routes any top module of an RTL
 * folder on an iCE40 part (nextpnr-ice40, icepack), so a caller may hand it a wrapper instead of the unit.
 */
package bitweave.synth;
