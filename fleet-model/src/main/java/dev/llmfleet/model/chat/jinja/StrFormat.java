package dev.llmfleet.model.chat.jinja;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Python's {@code str.format} and {@code %} formatting for the common specs: fill, align, sign, width, precision, s/d/f. */
final class StrFormat {

    private static final Pattern SPEC = Pattern.compile("(?:(.)?([<>^=]))?([+\\- ])?(0)?(\\d+)?(\\.\\d+)?([sdf%])?");
    private static final Pattern PERCENT = Pattern.compile("%(?:\\(([^)]*)\\))?([-+ 0#]*)(\\d+)?(\\.\\d+)?([sridf%])");

    private StrFormat() {}

    static String format(String template, List<Object> args, Map<String, Object> kwargs) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{'
                    || c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                out.append(c);
                i += 2;
                continue;
            }
            if (c == '}') {
                throw new JinjaException("Single '}' encountered in format string");
            }
            if (c != '{') {
                out.append(c);
                i++;
                continue;
            }
            int close = template.indexOf('}', i);
            if (close < 0) {
                throw new JinjaException("Single '{' encountered in format string");
            }
            String field = template.substring(i + 1, close);
            String spec = "";
            int colon = field.indexOf(':');
            if (colon >= 0) {
                spec = field.substring(colon + 1);
                field = field.substring(0, colon);
            }
            char conversion = 0;
            int bang = field.indexOf('!');
            if (bang >= 0) {
                conversion = field.length() > bang + 1 ? field.charAt(bang + 1) : 0;
                field = field.substring(0, bang);
            }
            Object value;
            if (field.isEmpty()) {
                value = positional(args, auto++);
            } else if (field.chars().allMatch(Character::isDigit)) {
                value = positional(args, Integer.parseInt(field));
            } else if (kwargs.containsKey(field)) {
                value = kwargs.get(field);
            } else {
                throw new JinjaException("KeyError: '" + field + "'");
            }
            if (conversion == 'r') {
                value = Py.repr(value);
            } else if (conversion == 's') {
                value = Py.str(value);
            }
            out.append(applySpec(value, spec));
            Limits.checkSize(out.length());
            i = close + 1;
        }
        return out.toString();
    }

    private static Object positional(List<Object> args, int index) {
        if (index >= args.size()) {
            throw new JinjaException("Replacement index " + index + " out of range for positional args tuple");
        }
        return args.get(index);
    }

    private static String applySpec(Object value, String spec) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new JinjaException("Invalid format specifier '" + spec + "'");
        }
        String type = m.group(7);
        String precision = m.group(6);
        String body;
        if ("f".equals(type) || "%".equals(type)) {
            double d = Py.toDouble(number(value));
            int digits = precision == null ? 6 : Integer.parseInt(precision.substring(1));
            body = fixed("%".equals(type) ? d * 100 : d, digits) + ("%".equals(type) ? "%" : "");
        } else if ("d".equals(type)) {
            Object n = number(value);
            body = Long.toString(n instanceof Double d ? (long) d.doubleValue() : Py.toLong(n));
        } else {
            body = value instanceof Double d && precision != null
                    ? Py.floatRepr(
                            Double.parseDouble(String.format(Locale.ROOT, "%." + precision.substring(1) + "g", d)))
                    : Py.str(value);
            if (precision != null && value instanceof String) {
                body = body.substring(0, Math.min(body.length(), Integer.parseInt(precision.substring(1))));
            }
        }
        if ("+".equals(m.group(3)) && Py.isNumber(value) && !body.startsWith("-")) {
            body = "+" + body;
        }
        long width = m.group(5) == null ? 0 : Long.parseLong(m.group(5));
        String fill = m.group(1) != null ? m.group(1) : m.group(4) != null ? "0" : " ";
        char align = m.group(2) != null ? m.group(2).charAt(0) : Py.isNumber(value) ? '>' : '<';
        if (align == '=') {
            align = '>';
        }
        return PyStrings.pad(body, width, fill, align);
    }

    private static Object number(Object value) {
        if (!Py.isNumber(value)) {
            throw new JinjaException("Unknown format code for object of type '" + Py.typeName(value) + "'");
        }
        return value;
    }

    static String fixed(double d, int digits) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Py.floatRepr(d);
        }
        return new BigDecimal(d).setScale(digits, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** {@code "%s and %d" % (a, b)}, which jinja2's {@code format} filter also uses. */
    static String percent(String template, Object args) {
        List<?> values = args instanceof Tuple t ? t : Collections.singletonList(args);
        StringBuilder out = new StringBuilder();
        Matcher m = PERCENT.matcher(template);
        int last = 0;
        int next = 0;
        while (m.find()) {
            out.append(template, last, m.start());
            last = m.end();
            if (m.group(5).equals("%")) {
                out.append('%');
                continue;
            }
            Object value;
            if (m.group(1) != null) {
                if (!(args instanceof Map<?, ?> map)) {
                    throw new JinjaException("format requires a mapping");
                }
                value = Py.mapGet(map, m.group(1), null);
            } else {
                if (next >= values.size()) {
                    throw new JinjaException("not enough arguments for format string");
                }
                value = values.get(next++);
            }
            String spec = (m.group(2).contains("-") ? "<" : m.group(2).contains("0") ? "0" : ">")
                    + (m.group(2).contains("+") ? "+" : "")
                    + (m.group(3) == null ? "" : m.group(3))
                    + (m.group(4) == null ? "" : m.group(4));
            String type = m.group(5);
            if (type.equals("r")) {
                value = Py.repr(value);
                type = "s";
            }
            out.append(applySpec(value, spec + (type.equals("i") ? "d" : type.equals("s") ? "" : type)));
        }
        boolean mappingLike =
                args instanceof Map || args instanceof Undefined || args instanceof List && !(args instanceof Tuple);
        if (args instanceof Tuple ? next < values.size() : next == 0 && !mappingLike) {
            throw new JinjaException("not all arguments converted during string formatting");
        }
        return out.append(template.substring(last)).toString();
    }
}
