package dev.llmfleet.model.chat.jinja;

import java.util.HashMap;
import java.util.Map;

/**
 * One level of variables. jinja2 gives each loop iteration, macro call and {@code with} block its own
 * level, so a {@code set} there does not leak out, while {@code if} shares its enclosing level.
 */
final class Scope {

    private static final Object MISSING = new Object();
    private static final Object UNASSIGNED = new Object();

    private final Scope parent;
    private final Map<String, Object> vars = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Scope child() {
        return new Scope(this);
    }

    Object lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Object v = s.vars.getOrDefault(name, MISSING);
            if (v == UNASSIGNED) {
                return Undefined.name(name);
            }
            if (v != MISSING) {
                return v;
            }
        }
        return Undefined.name(name);
    }

    void set(String name, Object value) {
        vars.put(name, value);
    }

    /** Shadows outer values with "not assigned yet", see {@link FrameAnalysis}. */
    void unassign(Iterable<String> names) {
        names.forEach(name -> vars.put(name, UNASSIGNED));
    }
}
