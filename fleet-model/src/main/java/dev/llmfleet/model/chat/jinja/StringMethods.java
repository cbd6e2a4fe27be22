package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/** The Python str methods templates call, e.g. {@code content.split('</think>')[-1].lstrip('\n')}. */
final class StringMethods {

    private StringMethods() {}

    /** The bound method, or null where Python's str has no such (safe) method. */
    static PyCallable bind(String s, String name) {
        return switch (name) {
            case "startswith", "endswith" -> (a, k) -> affix(s, name, Args.bind(name, a, k, "prefix", "start", "end"));
            case "strip" ->
                (a, k) -> PyStrings.strip(s, Args.bind(name, a, k, "chars").string(0, null));
            case "lstrip" ->
                (a, k) -> PyStrings.lstrip(s, Args.bind(name, a, k, "chars").string(0, null));
            case "rstrip" ->
                (a, k) -> PyStrings.rstrip(s, Args.bind(name, a, k, "chars").string(0, null));
            case "split", "rsplit" ->
                (a, k) -> {
                    Args args = Args.bind(name, a, k, "sep", "maxsplit");
                    String sep = args.string(0, null);
                    long max = args.integer(1, -1);
                    return new ArrayList<Object>(
                            name.equals("split") ? PyStrings.split(s, sep, max) : PyStrings.rsplit(s, sep, max));
                };
            case "splitlines" ->
                (a, k) -> new ArrayList<Object>(PyStrings.splitlines(
                        s, Args.bind(name, a, k, "keepends").bool(0, false)));
            case "upper" -> none(name, () -> s.toUpperCase(Locale.ROOT));
            case "lower" -> none(name, () -> s.toLowerCase(Locale.ROOT));
            case "casefold" -> none(name, () -> s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT));
            case "title" -> none(name, () -> PyStrings.title(s));
            case "capitalize" -> none(name, () -> PyStrings.capitalize(s));
            case "swapcase" -> none(name, () -> PyStrings.swapcase(s));
            case "replace" ->
                (a, k) -> {
                    Args args = Args.bind(name, a, k, "old", "new", "count");
                    String result =
                            PyStrings.replace(s, args.requiredString(0), args.requiredString(1), args.integer(2, -1));
                    Limits.checkSize(result.length());
                    return result;
                };
            case "find", "rfind", "index", "rindex", "count" ->
                (a, k) -> search(s, name, Args.bind(name, a, k, "sub", "start", "end"));
            case "join" -> (a, k) -> join(s, Args.bind(name, a, k, "iterable").required(0));
            case "format" -> (a, k) -> StrFormat.format(s, a, k);
            case "isdigit", "isdecimal" -> none(name, () -> all(s, Character::isDigit));
            case "isnumeric" ->
                none(
                        name,
                        () -> all(
                                s,
                                cp -> Character.isDigit(cp)
                                        || Character.getNumericValue(cp) >= 0 && !Character.isLetter(cp)));
            case "isalpha" -> none(name, () -> all(s, Character::isLetter));
            case "isalnum" -> none(name, () -> all(s, Character::isLetterOrDigit));
            case "isspace" -> none(name, () -> all(s, PyStrings::isSpace));
            case "isupper" -> none(name, () -> cased(s, true));
            case "islower" -> none(name, () -> cased(s, false));
            case "istitle" ->
                none(
                        name,
                        () -> !s.isEmpty()
                                && PyStrings.title(s).equals(s)
                                && s.codePoints().anyMatch(PyStrings::isCased));
            case "center", "ljust", "rjust" ->
                (a, k) -> {
                    Args args = Args.bind(name, a, k, "width", "fillchar");
                    String fill = args.string(1, " ");
                    if (fill.codePointCount(0, fill.length()) != 1) {
                        throw new JinjaException("The fill character must be exactly one character long");
                    }
                    char align = name.equals("center") ? '^' : name.equals("ljust") ? '<' : '>';
                    return PyStrings.pad(s, args.integer(0, 0), fill, align);
                };
            case "zfill" -> (a, k) -> zfill(s, Args.bind(name, a, k, "width").integer(0, 0));
            case "partition", "rpartition" ->
                (a, k) -> partition(s, name, Args.bind(name, a, k, "sep").requiredString(0));
            case "removeprefix" ->
                (a, k) -> {
                    String p = Args.bind(name, a, k, "prefix").requiredString(0);
                    return s.startsWith(p) ? s.substring(p.length()) : s;
                };
            case "removesuffix" ->
                (a, k) -> {
                    String p = Args.bind(name, a, k, "suffix").requiredString(0);
                    return !p.isEmpty() && s.endsWith(p) ? s.substring(0, s.length() - p.length()) : s;
                };
            default -> null;
        };
    }

    private static PyCallable none(String name, Supplier<Object> body) {
        return (a, k) -> {
            Args.bind(name, a, k);
            return body.get();
        };
    }

    private static boolean all(String s, IntPredicate test) {
        return !s.isEmpty() && s.codePoints().allMatch(test);
    }

    private static boolean cased(String s, boolean upper) {
        boolean any = false;
        for (int cp : s.codePoints().toArray()) {
            if (upper
                    ? Character.isLowerCase(cp) || Character.isTitleCase(cp)
                    : Character.isUpperCase(cp) || Character.isTitleCase(cp)) {
                return false;
            }
            any |= PyStrings.isCased(cp);
        }
        return any;
    }

    /** The part of {@code s} between Python-style start/end code point indices, and its offset. */
    private record Window(String text, int offset) {}

    private static Window window(String s, Args args) {
        int size = s.codePointCount(0, s.length());
        long start = clamp(args.get(1, null), size, 0);
        long end = clamp(args.get(2, null), size, size);
        if (end < start) {
            return new Window(null, (int) start);
        }
        return new Window(s.substring(PyStrings.charIndex(s, start), PyStrings.charIndex(s, end)), (int) start);
    }

    private static long clamp(Object v, int size, long fallback) {
        if (v == null) {
            return fallback;
        }
        if (!Py.isInteger(v)) {
            throw new JinjaException("slice indices must be integers or None");
        }
        long i = Py.toLong(v);
        if (i < 0) {
            i += size;
        }
        return Math.max(0, Math.min(size, i));
    }

    private static Object affix(String s, String name, Args args) {
        Object prefix = args.required(0);
        List<?> options = prefix instanceof Tuple t ? t : List.of(prefix);
        Window w = window(s, args);
        for (Object option : options) {
            if (!(option instanceof String p)) {
                throw new JinjaException(name + " first arg must be str or a tuple of str, not " + Py.typeName(option));
            }
            if (w.text() != null
                    && (name.equals("startswith")
                            ? w.text().startsWith(p)
                            : w.text().endsWith(p))) {
                return true;
            }
        }
        return false;
    }

    private static Object search(String s, String name, Args args) {
        String sub = args.requiredString(0);
        Window w = window(s, args);
        if (name.equals("count")) {
            if (w.text() == null) {
                return 0L;
            }
            if (sub.isEmpty()) {
                return (long) w.text().codePointCount(0, w.text().length()) + 1;
            }
            long n = 0;
            for (int i = w.text().indexOf(sub); i >= 0; i = w.text().indexOf(sub, i + sub.length())) {
                n++;
            }
            return n;
        }
        int found = -1;
        if (w.text() != null) {
            found = name.startsWith("r") ? w.text().lastIndexOf(sub) : w.text().indexOf(sub);
        }
        if (found < 0) {
            if (name.endsWith("index")) {
                throw new JinjaException("substring not found");
            }
            return -1L;
        }
        return (long) w.offset() + w.text().codePointCount(0, found);
    }

    static String join(String separator, Object iterable) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (Object item : Py.iterate(iterable)) {
            if (!(item instanceof String str)) {
                throw new JinjaException(
                        "sequence item " + i + ": expected str instance, " + Py.typeName(item) + " found");
            }
            if (i++ > 0) {
                sb.append(separator);
            }
            sb.append(str);
            Limits.checkSize(sb.length());
        }
        return sb.toString();
    }

    private static String zfill(String s, long width) {
        int len = s.codePointCount(0, s.length());
        if (width <= len) {
            return s;
        }
        Limits.checkSize(width);
        String zeros = "0".repeat((int) (width - len));
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            return s.charAt(0) + zeros + s.substring(1);
        }
        return zeros + s;
    }

    private static Object partition(String s, String name, String sep) {
        if (sep.isEmpty()) {
            throw new JinjaException("empty separator");
        }
        int at = name.equals("partition") ? s.indexOf(sep) : s.lastIndexOf(sep);
        if (at < 0) {
            return name.equals("partition") ? Tuple.of(s, "", "") : Tuple.of("", "", s);
        }
        return Tuple.of(s.substring(0, at), sep, s.substring(at + sep.length()));
    }
}
