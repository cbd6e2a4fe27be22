package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read-only dict and list methods; mutating ones are refused before they get here. */
final class CollectionMethods {

    private CollectionMethods() {}

    static PyCallable dict(Map<?, ?> m, String name) {
        return switch (name) {
            case "items" ->
                (a, k) -> {
                    Args.bind(name, a, k);
                    return new DictView("dict_items", items(m));
                };
            case "keys" ->
                (a, k) -> {
                    Args.bind(name, a, k);
                    return new DictView("dict_keys", new ArrayList<>(m.keySet()));
                };
            case "values" ->
                (a, k) -> {
                    Args.bind(name, a, k);
                    return new DictView("dict_values", new ArrayList<>(m.values()));
                };
            case "get" ->
                (a, k) -> {
                    Args args = Args.bind(name, a, k, "key", "default");
                    return Py.mapGet(m, args.required(0), args.get(1, null));
                };
            case "copy" ->
                (a, k) -> {
                    Args.bind(name, a, k);
                    return new LinkedHashMap<Object, Object>(m);
                };
            default -> null;
        };
    }

    static List<Object> items(Map<?, ?> m) {
        List<Object> out = new ArrayList<>(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            out.add(Tuple.of(e.getKey(), e.getValue()));
        }
        return out;
    }

    static PyCallable list(List<?> l, String name) {
        return switch (name) {
            case "index" ->
                (a, k) -> {
                    Object wanted = Args.bind(name, a, k, "value").required(0);
                    for (int i = 0; i < l.size(); i++) {
                        if (Py.eq(l.get(i), wanted)) {
                            return (long) i;
                        }
                    }
                    throw new JinjaException(Py.repr(wanted) + " is not in list");
                };
            case "count" ->
                (a, k) -> {
                    Object wanted = Args.bind(name, a, k, "value").required(0);
                    return l.stream().filter(item -> Py.eq(item, wanted)).count();
                };
            case "copy" ->
                (a, k) -> {
                    Args.bind(name, a, k);
                    return new ArrayList<Object>(l);
                };
            default -> null;
        };
    }
}
