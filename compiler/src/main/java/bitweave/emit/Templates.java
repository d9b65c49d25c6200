package bitweave.emit;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.net.URL;
import org.stringtemplate.v4.Interpreter;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.STErrorListener;
import org.stringtemplate.v4.STGroup;
import org.stringtemplate.v4.STGroupFile;
import org.stringtemplate.v4.misc.ObjectModelAdaptor;
import org.stringtemplate.v4.misc.STMessage;
import org.stringtemplate.v4.misc.STNoSuchPropertyException;

/**
 * Loads a StringTemplate group from {@code templates/NAME.stg} on the class path (the Maven build copies
 * the top-level templates/ folder into the jar).
 *
 * <p>Three decisions, made once here for every emitter:
 * <ul>
 *   <li>Delimiters are {@code «} and {@code »}: {@code <} and {@code $} are Verilog and C++ syntax.</li>
 *   <li>Records are readable as attributes ({@code «port.name»}): ST4 only knows getters, so a model
 *       adaptor calls the record accessor (or a public no-argument method of that name).</li>
 *   <li>Any template error (missing attribute, unknown template) throws: empty text from a typo is a
 *       compiler bug that must not reach a user's RTL.</li>
 * </ul>
 */
public final class Templates {
    private Templates() {
    }

    public static STGroup load(String name) {
        URL url = Templates.class.getClassLoader().getResource("templates/" + name + ".stg");
        if (url == null) {
            throw new IllegalStateException("template group not on the class path: templates/" + name + ".stg");
        }
        STGroup group = new STGroupFile(url, "UTF-8", '«', '»');
        group.setListener(THROWING);
        group.registerModelAdaptor(Record.class, new RecordAdaptor());
        return group;
    }

    /** Renders template {@code name} of {@code group} with the given attribute pairs (name, value, ...). */
    public static String render(STGroup group, String name, Object... attributes) {
        ST st = group.getInstanceOf(name);
        if (st == null) {
            throw new IllegalStateException("no template '" + name + "' in group " + group.getName());
        }
        for (int i = 0; i < attributes.length; i += 2) {
            st.add((String) attributes[i], attributes[i + 1]);
        }
        return st.render();
    }

    private static final STErrorListener THROWING = new STErrorListener() {
        @Override
        public void compileTimeError(STMessage msg) {
            throw new IllegalStateException("template compile error: " + msg);
        }

        @Override
        public void runTimeError(STMessage msg) {
            throw new IllegalStateException("template run-time error: " + msg);
        }

        @Override
        public void IOError(STMessage msg) {
            throw new IllegalStateException("template I/O error: " + msg);
        }

        @Override
        public void internalError(STMessage msg) {
            throw new IllegalStateException("template internal error: " + msg);
        }
    };

    /** Lets templates read record components by name; falls back to ST's getter/field lookup. */
    private static final class RecordAdaptor extends ObjectModelAdaptor<Record> {
        @Override
        public synchronized Object getProperty(Interpreter interp, ST self, Record model, Object property,
                                               String propertyName) throws STNoSuchPropertyException {
            for (RecordComponent rc : model.getClass().getRecordComponents()) {
                if (rc.getName().equals(propertyName)) {
                    try {
                        Method accessor = rc.getAccessor();
                        accessor.setAccessible(true);
                        return accessor.invoke(model);
                    } catch (ReflectiveOperationException e) {
                        throw new STNoSuchPropertyException(e, model, propertyName);
                    }
                }
            }
            // A record's derived values (e.g. an item's template name) are no-argument public methods.
            try {
                Method derived = model.getClass().getMethod(propertyName);
                if (derived.getReturnType() != void.class) {
                    derived.setAccessible(true);
                    return derived.invoke(model);
                }
            } catch (NoSuchMethodException e) {
                // not a method: fall through to ST's getter/field lookup
            } catch (ReflectiveOperationException e) {
                throw new STNoSuchPropertyException(e, model, propertyName);
            }
            return super.getProperty(interp, self, model, property, propertyName);
        }
    }
}
