package dev.llmfleet.model.chat.jinja;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Python str semantics that Java's String does not share: whitespace, code-point indexing, split rules. */
final class PyStrings {

    private PyStrings() {}

    /** Python's str.isspace for one character (Java's isWhitespace misses no-break spaces and U+0085). */
    static boolean isSpace(int c) {
        return Character.isWhitespace(c) || c == 0x85 || c == 0xA0 || c == 0x2007 || c == 0x202F;
    }

    static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SURROGATE,
                    Character.PRIVATE_USE,
                    Character.UNASSIGNED,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    static int compare(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static boolean simple(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isSurrogate(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The string as Python sees it when iterating: one string per code point. */
    static List<String> chars(String s) {
        List<String> out = new ArrayList<>(s.length());
        s.codePoints().forEach(cp -> out.add(Character.toString(cp)));
        return out;
    }

    private static boolean inSet(int cp, String chars) {
        return chars == null ? isSpace(cp) : chars.indexOf(Character.toString(cp)) >= 0;
    }

    static String strip(String s, String chars) {
        return rstrip(lstrip(s, chars), chars);
    }

    static String lstrip(String s, String chars) {
        int i = 0;
        while (i < s.length() && inSet(s.codePointAt(i), chars)) {
            i += Character.charCount(s.codePointAt(i));
        }
        return s.substring(i);
    }

    static String rstrip(String s, String chars) {
        int end = s.length();
        while (end > 0 && inSet(s.codePointBefore(end), chars)) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(0, end);
    }

    static List<String> split(String s, String sep, long maxsplit) {
        List<String> out = new ArrayList<>();
        if (sep == null) {
            int i = 0;
            int n = s.length();
            while (true) {
                while (i < n && isSpace(s.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    return out;
                }
                if (maxsplit >= 0 && out.size() >= maxsplit) {
                    out.add(s.substring(i));
                    return out;
                }
                int start = i;
                while (i < n && !isSpace(s.charAt(i))) {
                    i++;
                }
                out.add(s.substring(start, i));
            }
        }
        requireSeparator(sep);
        int start = 0;
        int at;
        while ((maxsplit < 0 || out.size() < maxsplit) && (at = s.indexOf(sep, start)) >= 0) {
            out.add(s.substring(start, at));
            start = at + sep.length();
        }
        out.add(s.substring(start));
        return out;
    }

    static List<String> rsplit(String s, String sep, long maxsplit) {
        List<String> out = new ArrayList<>();
        if (sep == null) {
            int i = s.length();
            while (true) {
                while (i > 0 && isSpace(s.charAt(i - 1))) {
                    i--;
                }
                if (i <= 0) {
                    break;
                }
                if (maxsplit >= 0 && out.size() >= maxsplit) {
                    out.add(s.substring(0, i));
                    break;
                }
                int end = i;
                while (i > 0 && !isSpace(s.charAt(i - 1))) {
                    i--;
                }
                out.add(s.substring(i, end));
            }
            Collections.reverse(out);
            return out;
        }
        requireSeparator(sep);
        int end = s.length();
        int at;
        while ((maxsplit < 0 || out.size() < maxsplit)
                && end >= sep.length()
                && (at = s.lastIndexOf(sep, end - sep.length())) >= 0) {
            out.add(s.substring(at + sep.length(), end));
            end = at;
        }
        out.add(s.substring(0, end));
        Collections.reverse(out);
        return out;
    }

    private static void requireSeparator(String sep) {
        if (sep.isEmpty()) {
            throw new JinjaException("empty separator");
        }
    }

    static boolean isLineBreak(char c) {
        return c == '\n'
                || c == '\r'
                || c == 0x0b
                || c == 0x0c
                || c == 0x1c
                || c == 0x1d
                || c == 0x1e
                || c == 0x85
                || c == 0x2028
                || c == 0x2029;
    }

    static List<String> splitlines(String s, boolean keepends) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (!isLineBreak(c)) {
                i++;
                continue;
            }
            int breakEnd = c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
            out.add(s.substring(start, keepends ? breakEnd : i));
            start = i = breakEnd;
        }
        if (start < s.length()) {
            out.add(s.substring(start));
        }
        return out;
    }

    static boolean isCased(int cp) {
        return Character.isUpperCase(cp) || Character.isLowerCase(cp) || Character.isTitleCase(cp);
    }

    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            String mapped = previousCased ? Character.toString(cp).toLowerCase(Locale.ROOT) : titleCase(cp);
            sb.append(mapped);
            previousCased = isCased(cp);
        }
        return sb.toString();
    }

    static String titleCase(int cp) {
        int t = Character.toTitleCase(cp);
        if (t != cp || !Character.isLowerCase(cp)) {
            return Character.toString(t);
        }
        return Character.toString(cp).toUpperCase(Locale.ROOT);
    }

    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int first = s.codePointAt(0);
        return titleCase(first) + s.substring(Character.charCount(first)).toLowerCase(Locale.ROOT);
    }

    static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            String c = Character.toString(cp);
            sb.append(
                    Character.isUpperCase(cp)
                            ? c.toLowerCase(Locale.ROOT)
                            : Character.isLowerCase(cp) ? c.toUpperCase(Locale.ROOT) : c);
        });
        return sb.toString();
    }

    static String replace(String s, String old, String replacement, long count) {
        if (count < 0) {
            if (old.isEmpty()) {
                return replace(s, old, replacement, Long.MAX_VALUE);
            }
            return s.replace(old, replacement);
        }
        StringBuilder sb = new StringBuilder();
        if (old.isEmpty()) {
            List<String> cps = chars(s);
            long done = 0;
            for (String c : cps) {
                if (done++ < count) {
                    sb.append(replacement);
                }
                sb.append(c);
            }
            if (done < count) {
                sb.append(replacement);
            }
            return sb.toString();
        }
        int start = 0;
        int at;
        long done = 0;
        while (done < count && (at = s.indexOf(old, start)) >= 0) {
            sb.append(s, start, at).append(replacement);
            start = at + old.length();
            done++;
        }
        return sb.append(s.substring(start)).toString();
    }

    static String pad(String s, long width, String fill, char align) {
        long len = s.codePointCount(0, s.length());
        if (width <= len) {
            return s;
        }
        Limits.checkSize(width);
        long marg = width - len;
        long left = switch (align) {
            case '<' -> 0;
            case '>' -> marg;
            default -> marg / 2 + (marg & width & 1);
        };
        return fill.repeat((int) left) + s + fill.repeat((int) (marg - left));
    }

    /** Converts a Python code-point index into a Java char index for strings with surrogate pairs. */
    static int charIndex(String s, long cpIndex) {
        return s.offsetByCodePoints(0, (int) cpIndex);
    }
}
