package bitweave.ir;

import java.util.List;

/**
 * A valid/ready stream of the top module. Ports are {@code <name>_valid}, {@code <name>_ready} and one
 * {@code <name>_<field>} per field (two for a carry-save field: {@link #rtlPortsOf}). A beat transfers
 * on a rising clock edge where valid and ready are both high.
 *
 * @param axis an AXI4-Stream channel of a wrapped top ({@code compile --wrap axis}): its handshake ports are
 *             {@code <name>_tvalid} and {@code <name>_tready}, the names vendor tools infer the interface from
 */
public record Stream(String name, boolean input, List<Field> fields, boolean axis) {
    public Stream {
        fields = List.copyOf(fields);
    }

    /** A stream of a generated unit (plain valid/ready naming). */
    public Stream(String name, boolean input, List<Field> fields) {
        this(name, input, fields, false);
    }

    public String validPort() {
        return name + (axis ? "_tvalid" : "_valid");
    }

    public String readyPort() {
        return name + (axis ? "_tready" : "_ready");
    }

    /** The field's name on the port level; the port itself unless the field is carry-save. */
    public String portOf(Field f) {
        return name + "_" + f.name();
    }

    /** The top module's ports that carry {@code f}: {@link #portOf}, or its _sum and _carry ports. */
    public List<String> rtlPortsOf(Field f) {
        String port = portOf(f);
        return f.carrySave() ? Field.PAIR_SUFFIXES.stream().map(s -> port + s).toList() : List.of(port);
    }

    public Field field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + fieldName + " in stream " + name));
    }
}
