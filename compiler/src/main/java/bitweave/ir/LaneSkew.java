package bitweave.ir;

/**
 * Part of a contract's timing (dsl/INTERFACE.md, "Skewed lanes"): element i of {@code field} of
 * {@code stream} is offset by i steps from the beat it belongs to. A step is every clock cycle when
 * {@code clockStream} is null, else a cycle in which input stream {@code clockStream}'s ready is high.
 *
 * <p>On an input stream, in each step element i of the field carries element i of the beat that
 * transferred i steps earlier (element 0: the beat offered now); it is ignored when no beat transferred
 * then. On the output stream, element i of the beat that transfers in step n is on the port in step
 * n + i (element 0 with the beat). The golden side states these offsets; the harness applies them, so the
 * stimulus and the expected beats stay the unskewed beats of the golden model.
 */
public record LaneSkew(String stream, String field, String clockStream) {
}
