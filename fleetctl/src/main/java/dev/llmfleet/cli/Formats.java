package dev.llmfleet.cli;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How values read in tables: a dash for what is unknown, short digests, durations people read. */
final class Formats {

    static final String NONE = "-";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private Formats() {}

    static String text(Object value) {
        return value == null ? NONE : value.toString();
    }

    static String decimal(Double value, int places) {
        return value == null || value.isNaN() ? NONE : String.format(Locale.ROOT, "%." + places + "f", value);
    }

    static String percent(Double share) {
        return share == null ? NONE : String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static String grouped(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    static String time(Instant instant) {
        return instant == null ? NONE : TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The first 12 hex digits: enough to tell datasets apart on a screen. */
    static String shortSha(String sha) {
        return sha == null ? NONE : sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    /** One line, at most {@code max} characters, for a table cell. */
    static String cell(String text, int max) {
        if (text == null) {
            return NONE;
        }
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() > max ? line.substring(0, Math.max(0, max - 3)) + "..." : line;
    }

    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    /** A remaining time as people read it: {@code 45s}, {@code 3m 05s}, {@code 2h 03m}, {@code 1d 04h}. */
    static String duration(Long seconds) {
        if (seconds == null || seconds < 0) {
            return "--";
        }
        long s = seconds;
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", s / 86_400, s % 86_400 / 3600);
    }
}
