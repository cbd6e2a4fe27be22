package dev.llmfleet.model.chat.jinja;

/** Decodes string literals with Python's unicode-escape rules, which is what jinja2 applies to them. */
final class StringLiterals {

    private StringLiterals() {}

    static String decode(String body, int line) {
        if (body.indexOf('\\') < 0) {
            return body;
        }
        StringBuilder out = new StringBuilder(body.length());
        int i = 0;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 >= body.length()) {
                out.append(c);
                i++;
                continue;
            }
            char e = body.charAt(i + 1);
            i += 2;
            switch (e) {
                case '\n' -> {}
                case '\\' -> out.append('\\');
                case '\'' -> out.append('\'');
                case '"' -> out.append('"');
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case 'x' -> i = hex(body, i, 2, out, line);
                case 'u' -> i = hex(body, i, 4, out, line);
                case 'U' -> i = hex(body, i, 8, out, line);
                case 'N' -> i = named(body, i, out, line);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i - 1;
                        while (end < body.length()
                                && end < i + 2
                                && body.charAt(end) >= '0'
                                && body.charAt(end) <= '7') {
                            end++;
                        }
                        out.appendCodePoint(Integer.parseInt(body.substring(i - 1, end), 8));
                        i = end;
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
        return out.toString();
    }

    private static int hex(String body, int from, int digits, StringBuilder out, int line) {
        if (from + digits > body.length()) {
            throw new JinjaException("truncated \\" + body.charAt(from - 1) + " escape in string literal", line);
        }
        String hex = body.substring(from, from + digits);
        try {
            out.appendCodePoint(Integer.parseInt(hex, 16));
        } catch (IllegalArgumentException e) {
            throw new JinjaException("invalid \\" + body.charAt(from - 1) + " escape in string literal", line);
        }
        return from + digits;
    }

    private static int named(String body, int from, StringBuilder out, int line) {
        int close = body.indexOf('}', from);
        if (from >= body.length() || body.charAt(from) != '{' || close < 0) {
            throw new JinjaException("malformed \\N character escape in string literal", line);
        }
        try {
            out.appendCodePoint(Character.codePointOf(body.substring(from + 1, close)));
        } catch (IllegalArgumentException e) {
            throw new JinjaException("unknown Unicode character name in string literal", line);
        }
        return close + 1;
    }
}
