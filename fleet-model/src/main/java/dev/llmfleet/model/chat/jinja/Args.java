package dev.llmfleet.model.chat.jinja;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Binds positional and keyword arguments to parameter names the way a Python signature does. */
final class Args {

    private final String function;
    private final Object[] values;
    private final boolean[] given;

    private Args(String function, int size) {
        this.function = function;
        this.values = new Object[size];
        this.given = new boolean[size];
    }

    static Args bind(String function, List<Object> positional, Map<String, Object> keywords, String... names) {
        if (positional.size() > names.length) {
            throw new JinjaException(
                    function + "() takes at most " + names.length + " argument(s) (" + positional.size() + " given)");
        }
        Args args = new Args(function, names.length);
        for (int i = 0; i < positional.size(); i++) {
            args.values[i] = positional.get(i);
            args.given[i] = true;
        }
        for (Map.Entry<String, Object> e : keywords.entrySet()) {
            int i = Arrays.asList(names).indexOf(e.getKey());
            if (i < 0) {
                throw new JinjaException(function + "() got an unexpected keyword argument '" + e.getKey() + "'");
            }
            if (args.given[i]) {
                throw new JinjaException(function + "() got multiple values for argument '" + e.getKey() + "'");
            }
            args.values[i] = e.getValue();
            args.given[i] = true;
        }
        return args;
    }

    Object get(int i, Object fallback) {
        return given[i] ? values[i] : fallback;
    }

    Object required(int i) {
        if (!given[i]) {
            throw new JinjaException(function + "() missing required argument " + (i + 1));
        }
        return values[i];
    }

    /** A str argument; None counts as absent, as in Python's {@code strip(None)}. */
    String string(int i, String fallback) {
        Object v = get(i, fallback);
        if (v == null || v instanceof String) {
            return (String) v;
        }
        throw new JinjaException(function + "() argument must be str or None, not " + Py.typeName(v));
    }

    String requiredString(int i) {
        Object v = required(i);
        if (v instanceof String s) {
            return s;
        }
        throw new JinjaException(function + "() argument must be str, not " + Py.typeName(v));
    }

    long integer(int i, long fallback) {
        Object v = get(i, fallback);
        if (Py.isInteger(v)) {
            return Py.toLong(v);
        }
        throw new JinjaException("'" + Py.typeName(v) + "' object cannot be interpreted as an integer");
    }

    boolean bool(int i, boolean fallback) {
        return Py.truthy(get(i, fallback));
    }
}
