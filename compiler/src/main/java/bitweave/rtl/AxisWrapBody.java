package bitweave.rtl;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The AXI4-Stream wrapper's body ({@code bitweave.wrap.WrapAxis}): one assembler per slave channel, one splitter
 * for the master channel, and the unit's instance between them. Every name, width and constant is computed by the
 * pass; templates/verilog.stg ({@code axis_wrap}) only places the text.
 */
public record AxisWrapBody(List<Slave> slaves, Master master, ArrayItem.Instance unit) implements RtlBody {
    public AxisWrapBody {
        slaves = List.copyOf(slaves);
    }

    /**
     * The names and constants of one channel.
     *
     * @param comment    what the channel carries (field offsets, transfers)
     * @param prefix     the channel's port prefix ({@code s_axis_in})
     * @param word       the wire holding the unit stream's word ({@code in_word}); {@code word}_valid / _ready beside it
     * @param wordRange  its declaration range including the trailing space ({@code "[16:0] "}), empty for 1 bit
     * @param serial     more than one transfer per word (a counter is needed)
     * @param count      the counter register (transfers of the word already taken or sent)
     * @param countRange its declaration range
     * @param zero       the counter's reset value as a sized literal, {@code one} its increment, {@code lastIndex}
     *                   the index of a word's final transfer
     * @param finalWire  high when the next transfer is a word's last
     * @param full       the word padded to whole transfers ({@code prefix}_full, assembled or split), with its range
     * @param unusedBits bits read by nothing (tlast of a slave, padding): the lint waiver names them; null if none
     * @param transfers  transfers per word, {@code tdataWidth} bits each, {@code countWidth} the counter's bits (what
     *                   the resource estimate counts)
     */
    public record Channel(String comment, String prefix, String word, String wordRange, boolean serial, String count,
                          String countRange, String zero, String one, String lastIndex, String finalWire, String full,
                          String fullRange, String unusedBits, int transfers, int tdataWidth, int countWidth) {
    }

    /**
     * A slave channel: {@code heldRange} declares the register of the word's earlier transfers, {@code heldNext}
     * is its next value (the new transfer shifted in at the top), {@code fullExpr} the assembled word padded, and
     * {@code wordExpr} the word taken from it (or from tdata directly when one transfer carries it).
     */
    public record Slave(Channel c, String held, String heldRange, String heldNext, String fullExpr, String wordExpr) {
    }

    /**
     * The master channel: {@code fullExpr} pads the word to whole transfers, {@code tdataExpr} selects the current
     * transfer ({@code full[count*T +: T]}, or the padded word itself when one transfer carries it).
     */
    public record Master(Channel c, String fullExpr, String tdataExpr) {
    }

    @Override
    public String templateName() {
        return "axis_wrap";
    }

    @Override
    public List<String> instantiates() {
        return List.of(unit.module());
    }

    @Override
    public RtlBody renameModules(UnaryOperator<String> rename) {
        return new AxisWrapBody(slaves, master, (ArrayItem.Instance) unit.renameModules(rename));
    }
}
