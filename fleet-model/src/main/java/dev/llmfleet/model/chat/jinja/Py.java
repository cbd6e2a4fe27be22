package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Python's object protocol for the runtime values: truthiness, {@code str}, {@code repr}, equality,
 * ordering and iteration. Values are String, Boolean, Long, Double, List, Tuple, Map, Namespace,
 * PyCallable, Undefined and null (None).
 */
final class Py {

    private Py() {}

    static String typeName(Object v) {
        return switch (v) {
            case null -> "NoneType";
            case String s -> "str";
            case Boolean b -> "bool";
            case Long l -> "int";
            case Double d -> "float";
            case Tuple t -> "tuple";
            case DictView view -> view.kind();
            case List<?> l -> "list";
            case Map<?, ?> m -> "dict";
            case Namespace n -> "Namespace";
            case Undefined u -> "Undefined";
            case LoopContext l -> "LoopContext";
            case Macro m -> "Macro";
            default -> "function";
        };
    }

    static boolean truthy(Object v) {
        return switch (v) {
            case null -> false;
            case Boolean b -> b;
            case Long l -> l != 0;
            case Double d -> d != 0.0;
            case String s -> !s.isEmpty();
            case List<?> l -> !l.isEmpty();
            case Map<?, ?> m -> !m.isEmpty();
            case Undefined u -> false;
            default -> true;
        };
    }

    static String str(Object v) {
        return switch (v) {
            case null -> "None";
            case String s -> s;
            case Undefined u -> "";
            default -> PyRepr.repr(v);
        };
    }

    static String repr(Object v) {
        return PyRepr.repr(v);
    }

    static String floatRepr(double d) {
        return PyRepr.floatRepr(d);
    }

    static boolean isNumber(Object v) {
        return v instanceof Long || v instanceof Double || v instanceof Boolean;
    }

    static boolean isInteger(Object v) {
        return v instanceof Long || v instanceof Boolean;
    }

    static long toLong(Object v) {
        return v instanceof Boolean b ? (b ? 1 : 0) : (Long) v;
    }

    static double toDouble(Object v) {
        return switch (v) {
            case Boolean b -> b ? 1 : 0;
            case Long l -> l;
            default -> (Double) v;
        };
    }

    static boolean eq(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (isNumber(a) && isNumber(b)) {
            if (isInteger(a) && isInteger(b)) {
                return toLong(a) == toLong(b);
            }
            return toDouble(a) == toDouble(b);
        }
        if (a instanceof Undefined || b instanceof Undefined) {
            return a instanceof Undefined && b instanceof Undefined;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if ((a instanceof Tuple) != (b instanceof Tuple) || la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !eq(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** Python ordering; mixed types fail like Python's TypeError. */
    static int compare(Object a, Object b, String op) {
        if (isNumber(a) && isNumber(b)) {
            if (isInteger(a) && isInteger(b)) {
                return Long.compare(toLong(a), toLong(b));
            }
            return Double.compare(toDouble(a), toDouble(b));
        }
        if (a instanceof String sa && b instanceof String sb) {
            return PyStrings.compare(sa, sb);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && (a instanceof Tuple) == (b instanceof Tuple)) {
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return compare(la.get(i), lb.get(i), op);
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (b instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaException(
                "'" + op + "' not supported between instances of '" + typeName(a) + "' and '" + typeName(b) + "'");
    }

    /** The items a for loop (or list()) sees: characters, list items, dict keys; Undefined gives none. */
    static List<?> iterate(Object v) {
        return switch (v) {
            case null -> throw new JinjaException("'NoneType' object is not iterable");
            case List<?> l -> l;
            case Map<?, ?> m -> new ArrayList<>(m.keySet());
            case String s -> PyStrings.chars(s);
            case Undefined u -> List.of();
            default -> throw new JinjaException("'" + typeName(v) + "' object is not iterable");
        };
    }

    static int length(Object v) {
        return switch (v) {
            case null -> throw new JinjaException("object of type 'NoneType' has no len()");
            case String s -> s.codePointCount(0, s.length());
            case List<?> l -> l.size();
            case Map<?, ?> m -> m.size();
            case Undefined u -> 0;
            case Namespace n -> throw new JinjaException("object of type 'Namespace' has no len()");
            default -> throw new JinjaException("object of type '" + typeName(v) + "' has no len()");
        };
    }

    static boolean contains(Object container, Object item) {
        switch (container) {
            case null -> throw new JinjaException("argument of type 'NoneType' is not iterable");
            case String s -> {
                if (!(item instanceof String sub)) {
                    throw new JinjaException("'in <string>' requires string as left operand, not " + typeName(item));
                }
                return s.contains(sub);
            }
            case Map<?, ?> m -> {
                if (item instanceof Map || item instanceof List && !(item instanceof Tuple)) {
                    throw new JinjaException("unhashable type: '" + typeName(item) + "'");
                }
                return containsKey(m, item);
            }
            case List<?> l -> {
                for (Object o : l) {
                    if (eq(o, item)) {
                        return true;
                    }
                }
                return false;
            }
            case Undefined u -> {
                return false;
            }
            default -> throw new JinjaException("argument of type '" + typeName(container) + "' is not iterable");
        }
    }

    static boolean containsKey(Map<?, ?> m, Object key) {
        if (key instanceof String || m.containsKey(key)) {
            return m.containsKey(key);
        }
        for (Iterator<?> it = m.keySet().iterator(); it.hasNext(); ) {
            if (eq(it.next(), key)) {
                return true;
            }
        }
        return false;
    }

    /** Python dict assignment: 1, 1.0 and True are one key, and the first spelling of it stays. */
    static void put(Map<Object, Object> map, Object key, Object value) {
        if (isNumber(key) && !map.containsKey(key)) {
            for (Object existing : map.keySet()) {
                if (isNumber(existing) && eq(existing, key)) {
                    map.put(existing, value);
                    return;
                }
            }
        }
        map.put(key, value);
    }

    static Object mapGet(Map<?, ?> m, Object key, Object fallback) {
        if (m.containsKey(key)) {
            return m.get(key);
        }
        if (!(key instanceof String)) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (eq(e.getKey(), key)) {
                    return e.getValue();
                }
            }
        }
        return fallback;
    }
}
