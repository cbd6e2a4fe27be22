package dev.llmfleet.model.chat.jinja;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** jinja2's builtin tests ({@code x is defined}, {@code x is string}, ...). */
final class Tests {

    static final Set<String> NAMES = Set.of(
            "defined",
            "undefined",
            "none",
            "string",
            "number",
            "integer",
            "float",
            "boolean",
            "true",
            "false",
            "mapping",
            "iterable",
            "sequence",
            "callable",
            "odd",
            "even",
            "divisibleby",
            "eq",
            "equalto",
            "==",
            "ne",
            "!=",
            "lt",
            "lessthan",
            "<",
            "le",
            "<=",
            "gt",
            "greaterthan",
            ">",
            "ge",
            ">=",
            "in",
            "lower",
            "upper",
            "sameas",
            "escaped",
            "filter",
            "test");

    private Tests() {}

    static boolean apply(String name, Object v, List<Object> args) {
        return switch (name) {
            case "defined" -> !(v instanceof Undefined);
            case "undefined" -> v instanceof Undefined;
            case "none" -> v == null;
            case "string" -> v instanceof String;
            case "number" -> Py.isNumber(v);
            case "integer" -> v instanceof Long;
            case "float" -> v instanceof Double;
            case "boolean" -> v instanceof Boolean;
            case "true" -> Boolean.TRUE.equals(v);
            case "false" -> Boolean.FALSE.equals(v);
            case "mapping" -> v instanceof Map;
            case "iterable" -> v instanceof String || v instanceof List || v instanceof Map || v instanceof Undefined;
            case "sequence" -> v instanceof String || v instanceof List || v instanceof Map || v instanceof Undefined;
            case "callable" -> v instanceof PyCallable || v instanceof Undefined;
            case "odd" -> Py.eq(Operators.arithmetic("%", v, 2L), 1L);
            case "even" -> Py.eq(Operators.arithmetic("%", v, 2L), 0L);
            case "divisibleby" -> Py.eq(Operators.arithmetic("%", v, arg(args, name)), 0L);
            case "eq", "equalto", "==" -> Operators.compare("==", v, arg(args, name));
            case "ne", "!=" -> Operators.compare("!=", v, arg(args, name));
            case "lt", "lessthan", "<" -> Operators.compare("<", v, arg(args, name));
            case "le", "<=" -> Operators.compare("<=", v, arg(args, name));
            case "gt", "greaterthan", ">" -> Operators.compare(">", v, arg(args, name));
            case "ge", ">=" -> Operators.compare(">=", v, arg(args, name));
            case "in" -> Py.contains(arg(args, name), v);
            case "lower" -> cased(Py.str(v), false);
            case "upper" -> cased(Py.str(v), true);
            case "sameas" -> sameAs(v, arg(args, name));
            case "escaped" -> false;
            case "filter" -> v instanceof String s && Filters.NAMES.contains(s);
            case "test" -> v instanceof String s && NAMES.contains(s);
            default -> throw new JinjaException("No test named '" + name + "'.");
        };
    }

    private static Object arg(List<Object> args, String name) {
        if (args.isEmpty()) {
            throw new JinjaException("test '" + name + "' missing required argument");
        }
        return args.get(0);
    }

    private static boolean cased(String s, boolean upper) {
        boolean any = false;
        for (int cp : s.codePoints().toArray()) {
            if (upper ? Character.isLowerCase(cp) : Character.isUpperCase(cp)) {
                return false;
            }
            any |= PyStrings.isCased(cp);
        }
        return any;
    }

    /** Python's {@code is}: singletons and CPython's cached small ints compare by value, the rest by identity. */
    private static boolean sameAs(Object a, Object b) {
        if (a == null || b == null || a instanceof Boolean || b instanceof Boolean) {
            return a == null ? b == null : a.equals(b);
        }
        if (a instanceof Long x && b instanceof Long y) {
            return x.equals(y) && x >= -5 && x <= 256;
        }
        return a == b;
    }
}
