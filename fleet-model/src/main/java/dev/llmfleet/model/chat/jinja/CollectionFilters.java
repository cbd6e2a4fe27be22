package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Filters over sequences. jinja2 returns generators from several of them (map, select, unique,
 * batch, slice, reverse); these return lists, which iterate, join and convert the same way.
 */
final class CollectionFilters {

    private CollectionFilters() {}

    static Object apply(String name, Object v, List<Object> a, Map<String, Object> k) {
        return switch (name) {
            case "map" -> map(v, a, k);
            case "select", "reject" -> select(v, a, k, name.equals("select"), false);
            case "selectattr", "rejectattr" -> select(v, a, k, name.equals("selectattr"), true);
            case "sort" -> {
                Args args = Args.bind(name, a, k, "reverse", "case_sensitive", "attribute");
                List<Object> items = new ArrayList<>(Py.iterate(v));
                Comparator<Object> order = keyOrder(args.get(2, null), args.bool(1, false));
                items.sort(args.bool(0, false) ? order.reversed() : order);
                yield items;
            }
            case "unique" -> {
                Args args = Args.bind(name, a, k, "case_sensitive", "attribute");
                List<Object> seen = new ArrayList<>();
                List<Object> out = new ArrayList<>();
                for (Object item : Py.iterate(v)) {
                    Object key = fold(attribute(item, args.get(1, null)), args.bool(0, false));
                    if (seen.stream().noneMatch(s -> Py.eq(s, key))) {
                        seen.add(key);
                        out.add(item);
                    }
                }
                yield out;
            }
            case "dictsort" -> dictsort(v, Args.bind(name, a, k, "case_sensitive", "by", "reverse"));
            case "sum" -> {
                Args args = Args.bind(name, a, k, "attribute", "start");
                Object total = args.get(1, 0L);
                for (Object item : Py.iterate(v)) {
                    total = Operators.arithmetic("+", total, attribute(item, args.get(0, null)));
                }
                yield total;
            }
            case "min", "max" -> {
                Args args = Args.bind(name, a, k, "case_sensitive", "attribute");
                List<?> items = Py.iterate(v);
                if (items.isEmpty()) {
                    yield Undefined.because("No aggregated item, sequence was empty.");
                }
                Comparator<Object> order = keyOrder(args.get(1, null), args.bool(0, false));
                Object best = items.get(0);
                for (Object item : items.subList(1, items.size())) {
                    int c = order.compare(item, best);
                    if (name.equals("min") ? c < 0 : c > 0) {
                        best = item;
                    }
                }
                yield best;
            }
            case "batch" -> batch(v, Args.bind(name, a, k, "linecount", "fill_with"));
            case "slice" -> slice(v, Args.bind(name, a, k, "slices", "fill_with"));
            default -> throw new JinjaException("No filter named '" + name + "'.");
        };
    }

    /** jinja2's attribute getter: a dotted path of keys, digits meaning list indices. */
    static Object attribute(Object item, Object path) {
        if (path == null) {
            return item;
        }
        List<Object> parts = new ArrayList<>();
        if (path instanceof String s) {
            for (String part : s.split("\\.", -1)) {
                parts.add(
                        !part.isEmpty() && part.chars().allMatch(Character::isDigit)
                                ? (Object) Long.parseLong(part)
                                : part);
            }
        } else {
            parts.add(path);
        }
        Object current = item;
        for (Object part : parts) {
            if (current instanceof Undefined u) {
                throw u.error();
            }
            current = Attributes.getitem(current, part);
        }
        return current;
    }

    static List<Object> mapAttribute(List<?> items, Object path, Object fallback) {
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            Object value = attribute(item, path);
            out.add(fallback != null && value instanceof Undefined ? fallback : value);
        }
        return out;
    }

    private static Object map(Object v, List<Object> a, Map<String, Object> k) {
        List<?> items = Py.truthy(v) ? Py.iterate(v) : List.of();
        if (a.isEmpty() && k.containsKey("attribute")) {
            Map<String, Object> rest = new HashMap<>(k);
            Object path = rest.remove("attribute");
            Object fallback = rest.remove("default");
            if (!rest.isEmpty()) {
                throw new JinjaException("Unexpected keyword argument '"
                        + rest.keySet().iterator().next() + "'");
            }
            return mapAttribute(items, path, fallback);
        }
        if (a.isEmpty()) {
            throw new JinjaException("map requires a filter argument");
        }
        String filter = Py.str(a.get(0));
        List<Object> rest = a.subList(1, a.size());
        List<Object> out = new ArrayList<>(items.size());
        for (Object item : items) {
            out.add(Filters.apply(filter, item, rest, k));
        }
        return out;
    }

    private static Object select(Object v, List<Object> a, Map<String, Object> k, boolean keep, boolean byAttribute) {
        int offset = byAttribute ? 1 : 0;
        if (byAttribute && a.isEmpty()) {
            throw new JinjaException("Missing parameter for attribute name");
        }
        List<Object> out = new ArrayList<>();
        if (!Py.truthy(v)) {
            return out;
        }
        String test = a.size() > offset ? Py.str(a.get(offset)) : null;
        List<Object> testArgs = a.size() > offset + 1 ? a.subList(offset + 1, a.size()) : List.of();
        for (Object item : Py.iterate(v)) {
            Object subject = byAttribute ? attribute(item, a.get(0)) : item;
            boolean passed = test == null ? Py.truthy(subject) : Tests.apply(test, subject, testArgs);
            if (passed == keep) {
                out.add(item);
            }
        }
        return out;
    }

    private static Object fold(Object value, boolean caseSensitive) {
        return !caseSensitive && value instanceof String s ? s.toLowerCase(Locale.ROOT) : value;
    }

    /** Orders by one or more comma-separated attributes, ignoring case unless asked not to. */
    private static Comparator<Object> keyOrder(Object attributes, boolean caseSensitive) {
        List<Object> paths = new ArrayList<>();
        if (attributes instanceof String s) {
            paths.addAll(List.of((Object[]) s.split(",")));
        } else {
            paths.add(attributes);
        }
        return (x, y) -> {
            for (Object path : paths) {
                int c = Py.compare(
                        fold(attribute(x, path), caseSensitive), fold(attribute(y, path), caseSensitive), "<");
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    private static Object dictsort(Object v, Args args) {
        if (!(v instanceof Map<?, ?> m)) {
            throw new JinjaException("dictsort expects a mapping");
        }
        String by = Py.str(args.get(1, "key"));
        if (!by.equals("key") && !by.equals("value")) {
            throw new JinjaException("You can only sort by either \"key\" or \"value\"");
        }
        int pos = by.equals("key") ? 0 : 1;
        boolean caseSensitive = args.bool(0, false);
        List<Object> items = CollectionMethods.items(m);
        Comparator<Object> order = (x, y) ->
                Py.compare(fold(((Tuple) x).get(pos), caseSensitive), fold(((Tuple) y).get(pos), caseSensitive), "<");
        items.sort(args.bool(2, false) ? order.reversed() : order);
        return items;
    }

    private static Object batch(Object v, Args args) {
        long size = args.integer(0, 1);
        if (size <= 0) {
            throw new JinjaException("batch size must be positive");
        }
        Object fill = args.get(1, null);
        List<Object> out = new ArrayList<>();
        List<Object> row = new ArrayList<>();
        for (Object item : Py.iterate(v)) {
            if (row.size() == size) {
                out.add(row);
                row = new ArrayList<>();
            }
            row.add(item);
        }
        if (!row.isEmpty()) {
            while (fill != null && row.size() < size) {
                row.add(fill);
            }
            out.add(row);
        }
        return out;
    }

    private static Object slice(Object v, Args args) {
        List<?> seq = Py.iterate(v);
        long slices = args.integer(0, 1);
        if (slices <= 0 || slices > Limits.MAX_RANGE) {
            throw new JinjaException("slice count out of range");
        }
        Object fill = args.get(1, null);
        int perSlice = (int) (seq.size() / slices);
        int withExtra = (int) (seq.size() % slices);
        int offset = 0;
        List<Object> out = new ArrayList<>();
        for (int n = 0; n < slices; n++) {
            int start = offset + n * perSlice;
            if (n < withExtra) {
                offset++;
            }
            int end = offset + (n + 1) * perSlice;
            List<Object> part = new ArrayList<>(seq.subList(start, end));
            if (fill != null && n >= withExtra) {
                part.add(fill);
            }
            out.add(part);
        }
        return out;
    }
}
