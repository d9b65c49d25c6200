/**
 * The resource estimate of {@code bitweave estimate} (and the estimate column of {@code bitweave synth}): from the
 * RTL IR after the pass pipeline, without any tool. {@link bitweave.estimate.DatapathCounter} counts one datapath
 * graph's ops at the widths synthesis keeps, {@link bitweave.estimate.HierarchyCounter} multiplies the counts
 * through the array level (generate loops, branches, parameters), {@link bitweave.estimate.CostModel} prices
 * them per target with formulas calibrated against Yosys (compiler/src/test/resources/bitweave/estimate/measured.tsv).
 * The package reads the RTL IR and {@link bitweave.synth.SynthTarget} (the targets and their flows) only; it never
 * runs Yosys.
 */
package bitweave.estimate;
