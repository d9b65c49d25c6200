package bitweave.emit;

import bitweave.golden.GoldenModel;
import bitweave.ir.ArraySpec;
import bitweave.ir.Design;
import bitweave.ir.GeneratedNames;
import bitweave.ir.IntType;
import bitweave.ir.OverflowPolicy;
import bitweave.ir.PeSpec;
import bitweave.units.UnitKinds;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.stringtemplate.v4.STGroup;

/**
 * Emits a readable, self-contained Java golden model of a design's top array ({@code <Name>Golden.java},
 * no package, JDK only). It computes the same numbers as {@link bitweave.golden.GoldenModel}, written out
 * from dsl/INTERFACE.md for users who embed the model, and its {@code main} reads and prints the text
 * format of dsl/GOLDEN.md like {@code bitweave golden}. Every name and number is computed here and by
 * the unit's kind ({@link GoldenJavaUnit}); the template {@code templates/golden_java.stg} and the kind's
 * group (e.g. {@code templates/golden_java_systolic.stg}) only print them.
 */
public final class GoldenJavaEmitter {
    private GoldenJavaEmitter() {
    }

    /** One {@code static final} constant of the emitted class. */
    public record Constant(String type, String name, String value, String comment) {
    }

    /**
     * What the template prints; {@code unitTemplate} and {@code computeTemplate} name templates of the
     * kind's group {@code templateGroup}.
     */
    public record JavaModel(String header, String className, List<String> description, List<Constant> constants,
                            String templateGroup, String unitTemplate, String computeTemplate) {
    }

    /**
     * Whether {@code d}'s kind has an emitted Java model; the MX/BFP units do not have one yet (their golden
     * model is {@code bitweave.numeric}, run by {@code bitweave golden}).
     */
    public static boolean hasModel(Design d) {
        return UnitKinds.of(d.top()).goldenJava(d.top()) != null;
    }

    public static GeneratedFile emit(Design d) {
        JavaModel model = model(d);
        STGroup group = Templates.load("golden_java");
        group.importTemplates(Templates.load(model.templateGroup()));
        String text = Templates.render(group, "file", "m", model);
        return new GeneratedFile(model.className() + ".java", text);
    }

    /** The template model for {@code d}'s top array. */
    public static JavaModel model(Design d) {
        ArraySpec top = d.top();
        PeSpec pe = top.pe();
        List<Constant> constants = new ArrayList<>();
        operandConstants(constants, "A", "operand a", pe.a());
        operandConstants(constants, "B", "operand b", pe.b());
        IntType acc = pe.acc();
        constants.add(new Constant("int", "ACC_WIDTH", Integer.toString(acc.width()), "accumulator type " + acc));
        constants.add(new Constant("boolean", "ACC_SIGNED", Boolean.toString(acc.signed()),
                acc.signed() ? "two's complement" : "unsigned"));
        constants.add(bigConstant("ACC_MIN", acc.min(), "smallest " + acc));
        constants.add(bigConstant("ACC_MAX", acc.max(), "largest " + acc));
        constants.add(bigConstant("ACC_MODULUS", BigInteger.ONE.shiftLeft(acc.width()), "2^ACC_WIDTH"));
        boolean saturate = pe.policy() == OverflowPolicy.SATURATE;
        constants.add(new Constant("boolean", "SATURATE", Boolean.toString(saturate),
                "overflow policy: " + pe.policy().dslName()));
        GoldenJavaUnit unit = UnitKinds.of(top).goldenJava(top);
        List<String> description = new ArrayList<>();
        description.add("Golden model of design " + d.name() + ", array " + top.name() + ": " + unit.signature()
                + " of PE " + pe.name() + " (a " + pe.a() + ", b " + pe.b() + ", acc " + acc + " "
                + pe.policy().dslName() + ").");
        description.add("fit(v) puts an exact integer into the accumulator type: "
                + (saturate ? "clamp to [ACC_MIN, ACC_MAX]." : "v mod 2^ACC_WIDTH, read in the type's signedness."));
        description.add(unit.description());
        constants.addAll(unit.constants());
        List<String> inputs = GoldenModel.unit(top).inputNames();
        constants.add(new Constant("List<String>", "INPUTS", javaStringList(inputs), "input names for --in NAME=FILE"));
        String className = className(d.unitName());
        StringBuilder usage = new StringBuilder("usage: java " + className + ".java");
        for (String in : inputs) {
            usage.append(" --in ").append(in).append("=FILE");
        }
        constants.add(new Constant("String", "USAGE", javaString(usage.toString()), "command line"));
        return new JavaModel(Provenance.comment(d, "// "), className, wrap(description, 100), constants,
                unit.templateGroup(), unit.unitTemplate(), unit.computeTemplate());
    }

    /** Word-wraps each paragraph to lines of at most {@code width} characters (the doc comment's lines). */
    static List<String> wrap(List<String> paragraphs, int width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : paragraphs) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.split(" ")) {
                if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /** {@code systolic_os_int8} becomes {@code SystolicOsInt8Golden} (the rule is {@link GeneratedNames#goldenClass}). */
    public static String className(String unitName) {
        return GeneratedNames.goldenClass(unitName);
    }

    private static void operandConstants(List<Constant> out, String prefix, String what, IntType t) {
        out.add(bigConstant(prefix + "_MIN", t.min(), what + ": " + t + ", smallest value"));
        out.add(bigConstant(prefix + "_MAX", t.max(), what + ": " + t + ", largest value"));
    }

    private static Constant bigConstant(String name, BigInteger value, String comment) {
        return new Constant("BigInteger", name, "new BigInteger(\"" + value + "\")", comment);
    }

    private static String javaString(String s) {
        // Only names and fixed words go here; none contains a quote or a backslash.
        if (s.indexOf('"') >= 0 || s.indexOf('\\') >= 0) {
            throw new IllegalArgumentException("unexpected character in " + s);
        }
        return "\"" + s + "\"";
    }

    private static String javaStringList(List<String> items) {
        List<String> quoted = new ArrayList<>();
        for (String item : items) {
            quoted.add(javaString(item));
        }
        return "List.of(" + String.join(", ", quoted) + ")";
    }
}
