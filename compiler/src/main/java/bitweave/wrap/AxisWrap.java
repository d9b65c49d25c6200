package bitweave.wrap;

import bitweave.diag.ErrorCode;
import bitweave.diag.UserError;
import bitweave.ir.Field;
import bitweave.ir.IntType;
import bitweave.ir.Stream;
import bitweave.ir.TopInterface;
import java.util.ArrayList;
import java.util.List;

/**
 * The AXI4-Stream form of a top (dsl/INTERFACE.md, "AXI4-Stream wrapper"): every stream of the unit becomes one
 * channel, input streams slave channels {@code s_axis_<stream>}, the output stream the master channel
 * {@code m_axis_<stream>}. A beat's fields are concatenated into one word (first field at bit 0, each field packed
 * as the unit's port is) and the word travels as {@link Channel#transfers} transfers of {@code tdataWidth} bits,
 * lowest bits first; on the master channel {@code tlast} marks a word's last transfer.
 *
 * @param core       the unit's own contract
 * @param tdataWidth bits of every channel's {@code tdata} (a whole number of bytes)
 * @param channels   one per stream of {@code core}: its inputs in order, then the output
 */
public record AxisWrap(TopInterface core, int tdataWidth, List<Channel> channels) {
    /**
     * The narrowest and widest tdata accepted ({@code --axis-width}). The default, 8, needs 24 port bits for a unit
     * with one input stream and 35 for two: the iCEBreaker's 35 pins take either.
     */
    public static final int MIN_WIDTH = 8;
    public static final int MAX_WIDTH = 1024;
    public static final int DEFAULT_WIDTH = 8;

    public AxisWrap {
        channels = List.copyOf(channels);
    }

    /**
     * One channel: the unit's stream, the channel's stream on the wrapper, the word's width and how many transfers
     * carry it, and each field's lowest bit in the word.
     */
    public record Channel(Stream unit, Stream axis, int wordWidth, int transfers, List<Integer> fieldOffsets) {
        public Channel {
            fieldOffsets = List.copyOf(fieldOffsets);
        }
    }

    /**
     * The wrapper of {@code core} with {@code tdataWidth}-bit channels.
     *
     * @throws UserError {@link ErrorCode#WRAP_NOT_APPLICABLE} when the contract has skewed lanes (they are timed in
     *                   clock cycles, which a word assembled from several transfers cannot keep) or carry-save
     *                   output pairs (raw pairs exist for a consumer inside the chip that adds them)
     */
    public static AxisWrap of(TopInterface core, int tdataWidth) {
        if (tdataWidth < MIN_WIDTH || tdataWidth > MAX_WIDTH || tdataWidth % 8 != 0) {
            throw new IllegalArgumentException("tdata width must be a multiple of 8 in " + MIN_WIDTH + ".." + MAX_WIDTH
                    + ": " + tdataWidth);
        }
        if (!core.skews().isEmpty()) {
            var k = core.skews().get(0);
            throw new UserError(ErrorCode.WRAP_NOT_APPLICABLE, "--wrap axis: " + k.stream() + "_" + k.field()
                    + " is a skewed lane (skew host or output direct): its elements are timed cycle by cycle, which a"
                    + " word assembled from AXI4-Stream transfers cannot keep; wrap the design without that member");
        }
        for (Field f : core.output().fields()) {
            if (f.carrySave()) {
                throw new UserError(ErrorCode.WRAP_NOT_APPLICABLE, "--wrap axis: " + core.output().portOf(f)
                        + " is a carry-save pair (raw_pairs), meant for an adder inside the chip; the AXI4-Stream"
                        + " wrapper carries values: wrap the design without raw_pairs");
            }
        }
        List<Channel> channels = new ArrayList<>();
        for (Stream s : core.inputs()) {
            channels.add(channel(s, "s_axis_" + s.name(), tdataWidth));
        }
        channels.add(channel(core.output(), "m_axis_" + core.output().name(), tdataWidth));
        return new AxisWrap(core, tdataWidth, channels);
    }

    private static Channel channel(Stream unit, String name, int tdataWidth) {
        List<Integer> offsets = new ArrayList<>();
        int word = 0;
        for (Field f : unit.fields()) {
            offsets.add(word);
            word += f.width();
        }
        // tdata as bytes: AXI4-Stream's TDATA is a whole number of bytes, TSTRB/TKEEP (not used) count them
        Stream axis = new Stream(name, unit.input(), List.of(new Field("tdata", BYTE, tdataWidth / 8),
                new Field("tlast", BIT, 1)), true);
        return new Channel(unit, axis, word, (word + tdataWidth - 1) / tdataWidth, offsets);
    }

    private static final IntType BYTE = new IntType(8, false);
    private static final IntType BIT = new IntType(1, false);

    /** The wrapper's contract: its slave channels in the unit's input order, then the master channel. */
    public TopInterface wrapped() {
        List<Stream> inputs = channels.subList(0, channels.size() - 1).stream().map(Channel::axis).toList();
        return new TopInterface(inputs, master().axis());
    }

    public Channel master() {
        return channels.get(channels.size() - 1);
    }

    public List<Channel> slaves() {
        return channels.subList(0, channels.size() - 1);
    }

    /** The channel that carries the unit's stream {@code unitStream}. */
    public Channel channelOf(String unitStream) {
        return channels.stream().filter(c -> c.unit().name().equals(unitStream)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stream " + unitStream));
    }
}
