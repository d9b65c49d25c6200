package bitweave.golden;

/**
 * One problem instance of a unit: what one co-simulation "vector" is. Each unit kind has its own
 * records (e.g. {@code bitweave.units.systolic.Tile}); its {@link UnitGolden} rejects the others. Plain
 * numbers only (no ports); the arrays are used as given and not copied, so do not change them after
 * handing them over. Records with array components compare by identity.
 */
public interface Problem {
}
