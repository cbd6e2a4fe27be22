package dev.llmfleet.model.chat.jinja;

import java.math.BigDecimal;

/** The {@code int}, {@code float} and {@code abs} filters, which parse strings like Python's int() and float(). */
final class Numbers {

    private Numbers() {}

    static Object toInt(Object v, Args args) {
        Object fallback = args.get(0, 0L);
        long base = args.integer(1, 10);
        switch (v) {
            case null -> {
                return fallback;
            }
            case Boolean b -> {
                return b ? 1L : 0L;
            }
            case Long l -> {
                return l;
            }
            case Double d -> {
                return Double.isFinite(d) ? (Object) (long) d.doubleValue() : fallback;
            }
            case String s -> {
                Long parsed = parseInt(s, (int) base);
                if (parsed != null) {
                    return parsed;
                }
                Double f = parseFloat(s);
                return f != null && Double.isFinite(f) ? (Object) (long) f.doubleValue() : fallback;
            }
            case Undefined u -> throw u.error();
            default -> {
                return fallback;
            }
        }
    }

    static Object toFloat(Object v, Object fallback) {
        return switch (v) {
            case null -> fallback;
            case Boolean b -> b ? 1.0 : 0.0;
            case Long l -> (double) l;
            case Double d -> d;
            case String s -> {
                Double f = parseFloat(s);
                yield f != null ? f : fallback;
            }
            case Undefined u -> throw u.error();
            default -> fallback;
        };
    }

    static Object abs(Object v) {
        return switch (v) {
            case null -> throw new JinjaException("bad operand type for abs(): 'NoneType'");
            case Boolean b -> b ? 1L : 0L;
            case Long l -> {
                if (l == Long.MIN_VALUE) {
                    throw new JinjaException("integer overflow in abs");
                }
                yield Math.abs(l);
            }
            case Double d -> Math.abs(d);
            case Undefined u -> throw u.error();
            default -> throw new JinjaException("bad operand type for abs(): '" + Py.typeName(v) + "'");
        };
    }

    private static Long parseInt(String s, int base) {
        String t = PyStrings.strip(s, null).replace("_", "");
        if (t.startsWith("_") || t.endsWith("_") || s.contains("__")) {
            return null;
        }
        boolean negative = t.startsWith("-");
        if (negative || t.startsWith("+")) {
            t = t.substring(1);
        }
        if (base == 16 && t.toLowerCase().startsWith("0x")
                || base == 8 && t.toLowerCase().startsWith("0o")
                || base == 2 && t.toLowerCase().startsWith("0b")) {
            t = t.substring(2);
        }
        if (t.isEmpty() || !t.chars().allMatch(c -> Character.digit(c, base) >= 0)) {
            return null;
        }
        try {
            long n = Long.parseLong(t, base);
            return negative ? -n : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseFloat(String s) {
        String t = PyStrings.strip(s, null).replace("_", "").toLowerCase();
        String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
        if (unsigned.equals("inf") || unsigned.equals("infinity")) {
            return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (unsigned.equals("nan")) {
            return Double.NaN;
        }
        if (!unsigned.matches("(\\d+\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
            return null;
        }
        return new BigDecimal(t).doubleValue();
    }
}
