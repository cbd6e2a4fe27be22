package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's {@code json.dumps} as transformers' {@code tojson} filter calls it: {@code ", "} and
 * {@code ": "} separators by default, non-ASCII kept unless ensure_ascii, floats in Python repr.
 * Tool schemas reach the model through this, so it must match to the byte.
 */
final class JsonWriter {

    private final boolean ensureAscii;
    private final String indent;
    private final String itemSeparator;
    private final String keySeparator;
    private final boolean sortKeys;
    private final StringBuilder out = new StringBuilder();

    private JsonWriter(
            boolean ensureAscii, String indent, String itemSeparator, String keySeparator, boolean sortKeys) {
        this.ensureAscii = ensureAscii;
        this.indent = indent;
        this.itemSeparator = itemSeparator;
        this.keySeparator = keySeparator;
        this.sortKeys = sortKeys;
    }

    static String dumps(Object value, boolean ensureAscii, Object indent, Object separators, boolean sortKeys) {
        String indentText = switch (indent) {
            case null -> null;
            case String s -> s;
            default -> {
                if (!Py.isInteger(indent)) {
                    throw new JinjaException("indent must be an int or str");
                }
                yield " ".repeat((int) Math.max(0, Math.min(Py.toLong(indent), 1024)));
            }
        };
        String itemSep = indentText == null ? ", " : ",";
        String keySep = ": ";
        if (separators != null) {
            if (!(separators instanceof List<?> pair)
                    || pair.size() != 2
                    || !(pair.get(0) instanceof String)
                    || !(pair.get(1) instanceof String)) {
                throw new JinjaException("separators must be a pair of strings");
            }
            itemSep = (String) pair.get(0);
            keySep = (String) pair.get(1);
        }
        JsonWriter writer = new JsonWriter(ensureAscii, indentText, itemSep, keySep, sortKeys);
        writer.write(value, 0);
        return writer.out.toString();
    }

    private void write(Object v, int level) {
        if (level > Limits.MAX_CALL_DEPTH * 5) {
            throw new JinjaException("value too deeply nested for tojson");
        }
        Limits.checkSize(out.length());
        switch (v) {
            case null -> out.append("null");
            case Boolean b -> out.append(b ? "true" : "false");
            case Long l -> out.append(l);
            case Double d -> out.append(number(d));
            case String s -> string(s);
            case DictView view ->
                throw new JinjaException("Object of type " + view.kind() + " is not JSON serializable");
            case List<?> l -> list(l, level);
            case Map<?, ?> m -> map(m, level);
            default -> throw new JinjaException("Object of type " + Py.typeName(v) + " is not JSON serializable");
        }
    }

    private static String number(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Py.floatRepr(d);
    }

    private void newline(int level) {
        if (indent != null) {
            out.append('\n');
            for (int i = 0; i < level; i++) {
                out.append(indent);
            }
        }
    }

    private void list(List<?> l, int level) {
        if (l.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append('[');
        for (int i = 0; i < l.size(); i++) {
            if (i > 0) {
                out.append(itemSeparator);
            }
            newline(level + 1);
            write(l.get(i), level + 1);
        }
        newline(level);
        out.append(']');
    }

    private void map(Map<?, ?> m, int level) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
        if (sortKeys) {
            entries.sort((x, y) -> Py.compare(x.getKey(), y.getKey(), "<"));
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : entries) {
            if (!first) {
                out.append(itemSeparator);
            }
            first = false;
            newline(level + 1);
            string(key(e.getKey()));
            out.append(keySeparator);
            write(e.getValue(), level + 1);
        }
        newline(level);
        out.append('}');
    }

    private static String key(Object k) {
        return switch (k) {
            case String s -> s;
            case null -> "null";
            case Boolean b -> b ? "true" : "false";
            case Long l -> l.toString();
            case Double d -> number(d);
            default -> throw new JinjaException("keys must be str, int, float, bool or None, not " + Py.typeName(k));
        };
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || ensureAscii && c > 0x7e) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
