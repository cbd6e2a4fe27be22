package dev.llmfleet.model.chat.jinja;

import dev.llmfleet.model.chat.jinja.Token.Kind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a template into text and tag tokens the way jinja2's lexer does with {@code
 * trim_blocks=True, lstrip_blocks=True}: the whitespace rules must agree to the byte, since chat
 * templates lean on them for every newline they emit.
 */
final class Lexer {

    private static final Pattern FLOAT =
            Pattern.compile("(?<!\\.)(\\d+_)*\\d+((\\.(\\d+_)*\\d+)?[eE][+\\-]?(\\d+_)*\\d+|\\.(\\d+_)*\\d+)");
    private static final Pattern INTEGER =
            Pattern.compile("(?i)(0b(_?[01])+|0o(_?[0-7])+|0x(_?[\\da-f])+|[1-9](_?\\d)*|0(_?0)*)");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final Pattern RAW_BEGIN = Pattern.compile("\\s*raw\\s*(-%}\\s*|%})");
    private static final Pattern RAW_END = Pattern.compile("\\{%([-+]?)\\s*endraw\\s*(\\+%}|-%}\\s*|%}\\n?)");
    private static final List<String> OPERATORS = List.of(
            "//", "**", "==", "!=", ">=", "<=", "+", "-", "/", "*", "%", "~", "[", "]", "(", ")", "{", "}", ">", "<",
            "=", ".", ":", "|", ",", ";");

    private final String src;
    private final int[] lineStarts;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private boolean lineStarting = true;
    private final Matcher floatMatcher;
    private final Matcher integerMatcher;
    private final Matcher nameMatcher;

    private Lexer(String source) {
        this.src = normalize(source);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        this.floatMatcher = FLOAT.matcher(src).useTransparentBounds(true);
        this.integerMatcher = INTEGER.matcher(src).useTransparentBounds(true);
        this.nameMatcher = NAME.matcher(src).useTransparentBounds(true);
    }

    static List<Token> tokenize(String source) {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    /** jinja2 turns every line ending into \n and drops one trailing newline. */
    private static String normalize(String source) {
        String s = source.replace("\r\n", "\n").replace('\r', '\n');
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private int lineAt(int index) {
        int found = Arrays.binarySearch(lineStarts, index);
        return found >= 0 ? found + 1 : -found - 1;
    }

    private void run() {
        int n = src.length();
        while (pos < n) {
            int tag = nextTagStart(pos);
            if (tag < 0) {
                emitText(src.substring(pos), pos);
                break;
            }
            char kind = src.charAt(tag + 1);
            char sign = tag + 2 < n ? src.charAt(tag + 2) : 0;
            boolean signed = sign == '-' || sign == '+';
            int afterBegin = tag + 2 + (signed ? 1 : 0);
            String text = leftStrip(src.substring(pos, tag), signed ? sign : 0, kind != '{');
            emitText(text, pos);
            if (kind == '#') {
                comment(tag, afterBegin);
                continue;
            }
            if (kind == '%') {
                Matcher raw = RAW_BEGIN.matcher(src).region(afterBegin, n);
                if (raw.lookingAt()) {
                    raw(raw.end(), tag);
                    continue;
                }
            }
            tag(kind == '{', tag, afterBegin);
        }
        tokens.add(new Token(Kind.EOF, "", null, lineAt(n)));
    }

    private int nextTagStart(int from) {
        int i = src.indexOf('{', from);
        while (i >= 0 && i + 1 < src.length()) {
            char c = src.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') {
                return i;
            }
            i = src.indexOf('{', i + 1);
        }
        return -1;
    }

    /** The text before a tag loses its trailing whitespace for '-', or its indentation under lstrip_blocks. */
    private String leftStrip(String text, char sign, boolean lstripApplies) {
        if (sign == '-') {
            return PyStrings.rstrip(text, null);
        }
        if (sign != '+' && lstripApplies) {
            int lineStart = text.lastIndexOf('\n') + 1;
            if ((lineStart > 0 || lineStarting) && lineStart < text.length() && isAllSpace(text, lineStart)) {
                return text.substring(0, lineStart);
            }
        }
        return text;
    }

    private static boolean isAllSpace(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (!PyStrings.isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private void emitText(String text, int at) {
        if (!text.isEmpty()) {
            tokens.add(new Token(Kind.TEXT, text, text, lineAt(at)));
        }
    }

    private void comment(int tag, int from) {
        for (int i = from; i < src.length(); i++) {
            if (src.startsWith("+#}", i)) {
                finishTag(i + 3);
                return;
            }
            if (src.startsWith("-#}", i)) {
                finishTag(skipSpace(i + 3));
                return;
            }
            if (src.startsWith("#}", i)) {
                finishTag(i + 2 < src.length() && src.charAt(i + 2) == '\n' ? i + 3 : i + 2);
                return;
            }
        }
        throw new JinjaException("Missing end of comment tag", lineAt(tag));
    }

    private void raw(int contentStart, int tag) {
        lineStarting = src.charAt(contentStart - 1) == '\n';
        Matcher end = RAW_END.matcher(src);
        int i = src.indexOf("{%", contentStart);
        while (i >= 0) {
            end.region(i, src.length());
            if (end.lookingAt()) {
                String sign = end.group(1);
                String text = leftStrip(src.substring(contentStart, i), sign.isEmpty() ? 0 : sign.charAt(0), true);
                emitText(text, contentStart);
                finishTag(end.end());
                return;
            }
            i = src.indexOf("{%", i + 1);
        }
        throw new JinjaException("Missing end of raw directive", lineAt(tag));
    }

    private void finishTag(int end) {
        lineStarting = end > 0 && src.charAt(end - 1) == '\n';
        pos = end;
    }

    private int skipSpace(int i) {
        while (i < src.length() && PyStrings.isSpace(src.charAt(i))) {
            i++;
        }
        return i;
    }

    /** Expression tokens up to the closing delimiter, which counts only outside brackets as in jinja2. */
    private void tag(boolean variable, int tag, int from) {
        tokens.add(new Token(variable ? Kind.VAR_BEGIN : Kind.BLOCK_BEGIN, "", null, lineAt(tag)));
        int depth = 0;
        int i = from;
        int n = src.length();
        while (true) {
            if (i >= n) {
                throw new JinjaException(
                        "unexpected end of template, expected '" + (variable ? "}}" : "%}") + "'", lineAt(tag));
            }
            if (depth == 0) {
                int end = closing(variable, i);
                if (end >= 0) {
                    tokens.add(new Token(variable ? Kind.VAR_END : Kind.BLOCK_END, "", null, lineAt(i)));
                    finishTag(end);
                    return;
                }
            }
            char c = src.charAt(i);
            if (PyStrings.isSpace(c)) {
                i++;
                continue;
            }
            int line = lineAt(i);
            Matcher m;
            if (Character.isDigit(c) && (m = match(floatMatcher, i)) != null) {
                String t = m.group();
                tokens.add(new Token(Kind.FLOAT, t, Double.parseDouble(t.replace("_", "")), line));
            } else if (Character.isDigit(c) && (m = match(integerMatcher, i)) != null) {
                String t = m.group();
                tokens.add(new Token(Kind.INTEGER, t, parseInteger(t, line), line));
            } else if ((m = match(nameMatcher, i)) != null) {
                tokens.add(new Token(Kind.NAME, m.group(), null, line));
            } else if (c == '\'' || c == '"') {
                int end = stringEnd(i);
                tokens.add(new Token(
                        Kind.STRING,
                        src.substring(i, end),
                        StringLiterals.decode(src.substring(i + 1, end - 1), line),
                        line));
                i = end;
                continue;
            } else {
                String op = operatorAt(i);
                if (op == null) {
                    throw new JinjaException("unexpected char '" + c + "'", line);
                }
                depth = balance(op, depth, line);
                tokens.add(new Token(Kind.OPERATOR, op, null, line));
                i += op.length();
                continue;
            }
            i = m.end();
        }
    }

    /** Index after the closing quote; scanned by hand because a regex would recurse per escape. */
    private int stringEnd(int start) {
        char quote = src.charAt(start);
        for (int i = start + 1; i < src.length(); i++) {
            char c = src.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i + 1;
            }
        }
        throw new JinjaException("unexpected char '" + quote + "'", lineAt(start));
    }

    private int closing(boolean variable, int i) {
        if (variable) {
            if (src.startsWith("-}}", i)) {
                return skipSpace(i + 3);
            }
            return src.startsWith("}}", i) ? i + 2 : -1;
        }
        if (src.startsWith("+%}", i)) {
            return i + 3;
        }
        if (src.startsWith("-%}", i)) {
            return skipSpace(i + 3);
        }
        if (src.startsWith("%}", i)) {
            return i + 2 < src.length() && src.charAt(i + 2) == '\n' ? i + 3 : i + 2;
        }
        return -1;
    }

    private Matcher match(Matcher m, int at) {
        m.region(at, src.length());
        return m.lookingAt() ? m : null;
    }

    private String operatorAt(int i) {
        for (String op : OPERATORS) {
            if (src.startsWith(op, i)) {
                return op;
            }
        }
        return null;
    }

    private static int balance(String op, int depth, int line) {
        return switch (op) {
            case "(", "[", "{" -> depth + 1;
            case ")", "]", "}" -> {
                if (depth == 0) {
                    throw new JinjaException("unexpected '" + op + "'", line);
                }
                yield depth - 1;
            }
            default -> depth;
        };
    }

    private static Object parseInteger(String text, int line) {
        String digits = text.replace("_", "").toLowerCase();
        int radix = 10;
        if (digits.startsWith("0b") || digits.startsWith("0o") || digits.startsWith("0x")) {
            radix = digits.charAt(1) == 'b' ? 2 : digits.charAt(1) == 'o' ? 8 : 16;
            digits = digits.substring(2);
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            throw new JinjaException("integer literal too large: " + text, line);
        }
    }
}
