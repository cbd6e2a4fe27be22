package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code a.b} and {@code a[b]} as jinja2's sandbox resolves them: {@code a.b} prefers the Python
 * attribute (so {@code dict.items} is the method), {@code a[b]} prefers the item, each falls back to
 * the other, and a miss is Undefined rather than an error. Only whitelisted methods exist, so nothing
 * reaches Java reflection.
 */
final class Attributes {

    private static final Set<String> MUTATING_LIST =
            Set.of("append", "extend", "insert", "pop", "remove", "reverse", "sort", "clear");
    private static final Set<String> MUTATING_DICT = Set.of("pop", "popitem", "setdefault", "update", "clear");

    private static final Object MISSING = new Object();

    private Attributes() {}

    static Object getattr(Object owner, String name) {
        if (owner == null) {
            return Undefined.because("'None' has no attribute '" + name + "'");
        }
        Object attribute = attribute(owner, name);
        if (attribute != MISSING) {
            return attribute;
        }
        if (owner instanceof Map<?, ?> m && m.containsKey(name)) {
            return m.get(name);
        }
        return Undefined.attribute(owner, name);
    }

    static Object getitem(Object owner, Object key) {
        switch (owner) {
            case null -> {
                return Undefined.because("'None' has no attribute '" + key + "'");
            }
            case Map<?, ?> m -> {
                if (Py.containsKey(m, key)) {
                    return Py.mapGet(m, key, null);
                }
            }
            case List<?> l -> {
                if (Py.isInteger(key)) {
                    long i = Py.toLong(key);
                    long index = i < 0 ? i + l.size() : i;
                    return index >= 0 && index < l.size()
                            ? l.get((int) index)
                            : Undefined.because("list index out of range");
                }
            }
            case String s -> {
                if (Py.isInteger(key)) {
                    List<String> chars = PyStrings.simple(s) ? null : PyStrings.chars(s);
                    int size = chars == null ? s.length() : chars.size();
                    long i = Py.toLong(key);
                    long index = i < 0 ? i + size : i;
                    if (index < 0 || index >= size) {
                        return Undefined.because("string index out of range");
                    }
                    return chars == null ? String.valueOf(s.charAt((int) index)) : chars.get((int) index);
                }
            }
            default -> {}
        }
        if (key instanceof String name) {
            Object attribute = attribute(owner, name);
            if (attribute != MISSING) {
                return attribute;
            }
        }
        return Undefined.attribute(owner, key);
    }

    /** jinja2's {@code attr} filter: the Python attribute only, never an item. */
    static Object attributeOnly(Object owner, String name) {
        Object attribute = owner == null ? MISSING : attribute(owner, name);
        return attribute != MISSING ? attribute : Undefined.attribute(owner, name);
    }

    /** A Python attribute of the value, or MISSING where it has none. */
    private static Object attribute(Object owner, String name) {
        return switch (owner) {
            case String s -> orMissing(StringMethods.bind(s, name));
            case Map<?, ?> m -> {
                if (MUTATING_DICT.contains(name)) {
                    yield unsafe(owner, name);
                }
                yield orMissing(CollectionMethods.dict(m, name));
            }
            case List<?> l -> {
                if (MUTATING_LIST.contains(name) && !(owner instanceof Tuple)) {
                    yield unsafe(owner, name);
                }
                yield orMissing(CollectionMethods.list(l, name));
            }
            case Namespace ns -> ns.attributes.containsKey(name) ? ns.attributes.get(name) : MISSING;
            case LoopContext loop -> loop.attribute(name);
            default -> MISSING;
        };
    }

    private static Object orMissing(Object method) {
        return method == null ? MISSING : method;
    }

    /** jinja2's ImmutableSandboxedEnvironment answers mutating methods with an undefined that fails on use. */
    private static Object unsafe(Object owner, String name) {
        return Undefined.because(
                "access to attribute '" + name + "' of '" + Py.typeName(owner) + "' object is unsafe.");
    }

    static Object slice(Object owner, Object start, Object stop, Object step) {
        List<?> items = switch (owner) {
            case null -> throw new JinjaException("'NoneType' object is not subscriptable");
            case String s -> PyStrings.simple(s) ? null : PyStrings.chars(s);
            case List<?> l -> l;
            default -> throw new JinjaException("'" + Py.typeName(owner) + "' object is not subscriptable");
        };
        int size = items == null ? ((String) owner).length() : items.size();
        long st = step == null ? 1 : index(step);
        if (st == 0) {
            throw new JinjaException("slice step cannot be zero");
        }
        long lo = bound(start, size, st, true);
        long hi = bound(stop, size, st, false);
        StringBuilder text = owner instanceof String ? new StringBuilder() : null;
        List<Object> out = new ArrayList<>();
        for (long i = lo; st > 0 ? i < hi : i > hi; i += st) {
            if (text != null) {
                if (items == null) {
                    text.append(((String) owner).charAt((int) i));
                } else {
                    text.append(items.get((int) i));
                }
            } else {
                out.add(items.get((int) i));
            }
        }
        if (text != null) {
            return text.toString();
        }
        return owner instanceof Tuple ? new Tuple(out) : out;
    }

    private static long index(Object v) {
        if (!Py.isInteger(v)) {
            throw new JinjaException("slice indices must be integers or None");
        }
        return Py.toLong(v);
    }

    /** CPython's PySlice_AdjustIndices for one end of a slice. */
    private static long bound(Object value, int size, long step, boolean start) {
        if (value == null) {
            return step > 0 ? (start ? 0 : size) : (start ? size - 1 : -1);
        }
        long v = index(value);
        if (v < 0) {
            v += size;
            if (v < 0) {
                v = step < 0 ? -1 : 0;
            }
        } else if (v >= size) {
            v = step < 0 ? size - 1 : size;
        }
        return v;
    }
}
