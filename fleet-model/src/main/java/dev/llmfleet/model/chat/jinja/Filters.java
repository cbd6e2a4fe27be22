package dev.llmfleet.model.chat.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** jinja2's builtin filters, with transformers' {@code tojson} in place of jinja2's HTML-safe one. */
final class Filters {

    static final Set<String> NAMES = Set.of(
            "abs",
            "attr",
            "batch",
            "capitalize",
            "center",
            "count",
            "d",
            "default",
            "dictsort",
            "e",
            "escape",
            "first",
            "float",
            "forceescape",
            "format",
            "indent",
            "int",
            "items",
            "join",
            "last",
            "length",
            "list",
            "lower",
            "map",
            "max",
            "min",
            "reject",
            "rejectattr",
            "replace",
            "reverse",
            "round",
            "safe",
            "select",
            "selectattr",
            "slice",
            "sort",
            "string",
            "striptags",
            "sum",
            "title",
            "tojson",
            "trim",
            "truncate",
            "unique",
            "upper",
            "wordcount");

    private Filters() {}

    static Object apply(String name, Object v, List<Object> a, Map<String, Object> k) {
        return switch (name) {
            case "length", "count" -> {
                Args.bind(name, a, k);
                yield (long) Py.length(v);
            }
            case "string", "safe", "forceescape" -> {
                Args.bind(name, a, k);
                yield name.equals("forceescape") ? Html.escape(Py.str(v)) : Py.str(v);
            }
            case "escape", "e" -> {
                Args.bind(name, a, k);
                yield Html.escape(Py.str(v));
            }
            case "upper" -> text(name, a, k, v).toUpperCase(Locale.ROOT);
            case "lower" -> text(name, a, k, v).toLowerCase(Locale.ROOT);
            case "capitalize" -> PyStrings.capitalize(text(name, a, k, v));
            case "title" -> Html.titleWords(text(name, a, k, v));
            case "striptags" -> Html.stripTags(text(name, a, k, v));
            case "wordcount" -> Html.wordCount(text(name, a, k, v));
            case "trim" ->
                PyStrings.strip(Py.str(v), Args.bind(name, a, k, "chars").string(0, null));
            case "replace" -> {
                Args args = Args.bind(name, a, k, "old", "new", "count");
                Object count = args.get(2, null);
                String result = PyStrings.replace(
                        Py.str(v),
                        Py.str(args.required(0)),
                        Py.str(args.required(1)),
                        count == null ? -1 : args.integer(2, -1));
                Limits.checkSize(result.length());
                yield result;
            }
            case "center" ->
                PyStrings.pad(Py.str(v), Args.bind(name, a, k, "width").integer(0, 80), " ", '^');
            case "indent" -> indent(requireString(v, "+="), Args.bind(name, a, k, "width", "first", "blank"));
            case "truncate" -> {
                Args args = Args.bind(name, a, k, "length", "killwords", "end", "leeway");
                yield v instanceof String s ? truncate(s, args) : shortEnough(v, args);
            }
            case "format" -> {
                if (!a.isEmpty() && !k.isEmpty()) {
                    throw new JinjaException("can't handle positional and keyword arguments at the same time");
                }
                yield StrFormat.percent(Py.str(v), k.isEmpty() ? new Tuple(a) : k);
            }
            case "default", "d" -> {
                Args args = Args.bind(name, a, k, "default_value", "boolean");
                boolean useDefault = args.bool(1, false) ? !Py.truthy(v) : v instanceof Undefined;
                yield useDefault ? args.get(0, "") : v;
            }
            case "first" -> {
                Args.bind(name, a, k);
                List<?> items = Py.iterate(v);
                yield items.isEmpty() ? Undefined.because("No first item, sequence was empty.") : items.get(0);
            }
            case "last" -> {
                Args.bind(name, a, k);
                List<?> items = Py.iterate(v);
                yield items.isEmpty()
                        ? Undefined.because("No last item, sequence was empty.")
                        : items.get(items.size() - 1);
            }
            case "list" -> {
                Args.bind(name, a, k);
                yield new ArrayList<Object>(Py.iterate(v));
            }
            case "reverse" -> {
                Args.bind(name, a, k);
                if (v instanceof String s) {
                    yield new StringBuilder(s).reverse().toString();
                }
                List<Object> items = new ArrayList<>(Py.iterate(v));
                Collections.reverse(items);
                yield items;
            }
            case "items" -> {
                Args.bind(name, a, k);
                if (v instanceof Undefined) {
                    yield new ArrayList<>();
                }
                if (!(v instanceof Map<?, ?> m)) {
                    throw new JinjaException("Can only get item pairs from a mapping.");
                }
                yield CollectionMethods.items(m);
            }
            case "join" -> {
                Args args = Args.bind(name, a, k, "d", "attribute");
                List<?> items = Py.iterate(v);
                if (args.get(1, null) != null) {
                    items = CollectionFilters.mapAttribute(items, args.get(1, null), null);
                }
                yield StringMethods.join(
                        Py.str(args.get(0, "")), items.stream().map(Py::str).toList());
            }
            case "int" -> Numbers.toInt(v, Args.bind(name, a, k, "default", "base"));
            case "float" -> Numbers.toFloat(v, Args.bind(name, a, k, "default").get(0, 0.0));
            case "abs" -> {
                Args.bind(name, a, k);
                yield Numbers.abs(v);
            }
            case "round" -> round(v, Args.bind(name, a, k, "precision", "method"));
            case "tojson" -> {
                Args args = Args.bind(name, a, k, "ensure_ascii", "indent", "separators", "sort_keys");
                yield JsonWriter.dumps(
                        v, args.bool(0, false), args.get(1, null), args.get(2, null), args.bool(3, false));
            }
            case "attr" ->
                Attributes.attributeOnly(
                        v instanceof Undefined u ? fail(u) : v,
                        Py.str(Args.bind(name, a, k, "name").required(0)));
            default -> CollectionFilters.apply(name, v, a, k);
        };
    }

    private static Object fail(Undefined u) {
        throw u.error();
    }

    private static String text(String name, List<Object> a, Map<String, Object> k, Object v) {
        Args.bind(name, a, k);
        return Py.str(v);
    }

    private static String requireString(Object v, String op) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        throw new JinjaException("unsupported operand type(s) for " + op + ": '" + Py.typeName(v) + "' and 'str'");
    }

    /** truncate on a non-string: jinja2 only measures it, so short sequences pass through unchanged. */
    private static Object shortEnough(Object v, Args args) {
        long leeway = args.get(3, null) == null ? 5 : args.integer(3, 5);
        if (Py.length(v) <= args.integer(0, 255) + leeway) {
            return v;
        }
        throw new JinjaException("can only truncate strings");
    }

    private static String indent(String s, Args args) {
        Object width = args.get(0, 4L);
        String indention =
                width instanceof String w ? w : " ".repeat((int) Math.min(args.integer(0, 4), Limits.MAX_OUTPUT_CHARS));
        List<String> lines = PyStrings.splitlines(s + "\n", false);
        StringBuilder rv = new StringBuilder();
        if (args.bool(2, false)) {
            rv.append(String.join("\n" + indention, lines));
        } else {
            rv.append(lines.get(0));
            for (String line : lines.subList(1, lines.size())) {
                rv.append('\n').append(line.isEmpty() ? line : indention + line);
                Limits.checkSize(rv.length());
            }
        }
        return args.bool(1, false) ? indention + rv : rv.toString();
    }

    private static String truncate(String s, Args args) {
        long length = args.integer(0, 255);
        boolean killwords = args.bool(1, false);
        String end = Py.str(args.get(2, "..."));
        long leeway = args.get(3, null) == null ? 5 : args.integer(3, 5);
        int size = s.codePointCount(0, s.length());
        if (length < end.length()) {
            throw new JinjaException("expected length >= " + end.length() + ", got " + length);
        }
        if (size <= length + leeway) {
            return s;
        }
        String head = s.substring(0, PyStrings.charIndex(s, length - end.length()));
        if (killwords) {
            return head + end;
        }
        int space = head.lastIndexOf(' ');
        return (space < 0 ? head : head.substring(0, space)) + end;
    }

    private static Object round(Object v, Args args) {
        long precision = args.integer(0, 0);
        String method = Py.str(args.get(1, "common"));
        if (!Py.isNumber(v)) {
            throw new JinjaException("type " + Py.typeName(v) + " doesn't define __round__ method");
        }
        RoundingMode mode = switch (method) {
            case "common" -> RoundingMode.HALF_EVEN;
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            default -> throw new JinjaException("method must be common, ceil or floor");
        };
        if (Py.isInteger(v) && method.equals("common")) {
            return Py.toLong(v);
        }
        double d = Py.toDouble(v);
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return d;
        }
        if (method.equals("common")) {
            double rounded = new BigDecimal(d).setScale((int) precision, mode).doubleValue();
            return rounded == 0 ? Math.copySign(0.0, d) : rounded;
        }
        double scale = Math.pow(10, precision);
        double scaled = d * scale;
        return (method.equals("ceil") ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
    }
}
