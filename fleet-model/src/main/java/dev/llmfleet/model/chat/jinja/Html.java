package dev.llmfleet.model.chat.jinja;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text filters whose rules come from markupsafe and jinja2 rather than from Python's str. */
final class Html {

    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern WORD_BEGINNING = Pattern.compile("([-\\s({\\[<]+)", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos|nbsp);");

    private Html() {}

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&#34;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /** jinja2's title filter: capitalises after spaces, dashes and opening brackets only, unlike str.title. */
    static String titleWords(String s) {
        StringBuilder out = new StringBuilder();
        Matcher m = WORD_BEGINNING.matcher(s);
        int last = 0;
        while (m.find()) {
            appendTitled(out, s.substring(last, m.start()));
            out.append(m.group());
            last = m.end();
        }
        appendTitled(out, s.substring(last));
        return out.toString();
    }

    private static void appendTitled(StringBuilder out, String item) {
        if (!item.isEmpty()) {
            int first = item.codePointAt(0);
            out.append(Character.toString(first).toUpperCase(Locale.ROOT))
                    .append(item.substring(Character.charCount(first)).toLowerCase(Locale.ROOT));
        }
    }

    static long wordCount(String s) {
        return WORD.matcher(s).results().count();
    }

    /** markupsafe's striptags: drop comments, then tags, collapse whitespace, unescape entities. */
    static String stripTags(String s) {
        String value = s;
        int start;
        while ((start = value.indexOf("<!--")) >= 0) {
            int end = value.indexOf("-->", start);
            if (end < 0) {
                break;
            }
            value = value.substring(0, start) + value.substring(end + 3);
        }
        while ((start = value.indexOf('<')) >= 0) {
            int end = value.indexOf('>', start);
            if (end < 0) {
                break;
            }
            value = value.substring(0, start) + value.substring(end + 1);
        }
        List<String> words = PyStrings.split(value, null, -1);
        return unescape(String.join(" ", words));
    }

    private static String unescape(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String e = m.group(1);
            String replacement = switch (e) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00a0";
                default -> {
                    int cp = e.charAt(1) == 'x' || e.charAt(1) == 'X'
                            ? Integer.parseInt(e.substring(2), 16)
                            : Integer.parseInt(e.substring(1));
                    yield Character.isValidCodePoint(cp) ? Character.toString(cp) : "\ufffd";
                }
            };
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
