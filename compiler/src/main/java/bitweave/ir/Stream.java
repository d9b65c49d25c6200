package bitweave.ir;

import java.util.List;

/**
 * A valid/ready stream of the top module. Ports are {@code <name>_valid}, {@code <name>_ready} and one
 * {@code <name>_<field>} per field. A beat transfers on a rising clock edge where valid and ready are
 * both high.
 */
public record Stream(String name, boolean input, List<Field> fields) {
    public String validPort() {
        return name + "_valid";
    }

    public String readyPort() {
        return name + "_ready";
    }

    public String portOf(Field f) {
        return name + "_" + f.name();
    }

    public Field field(String fieldName) {
        return fields.stream().filter(f -> f.name().equals(fieldName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + fieldName + " in stream " + name));
    }
}
