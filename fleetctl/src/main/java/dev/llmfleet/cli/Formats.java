package dev.llmfleet.cli;

import dev.llmfleet.api.trainer.RunSettings;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** How values read in tables: a dash for what is unknown, short digests, durations people read. */
final class Formats {

    static final String NONE = "-";

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private static final JsonMapper json = JsonMapper.builder().build();

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

    /**
     * The settings a job runs with on one line, a training job's run settings in their usual order:
     * {@code base=deployed method=lora rank=8 alpha=16 lr=0.001 schedule=cosine steps=200 batch=8x1
     * maxLength=256 precision=fp32 seed=1}. Other keys follow as {@code key=value}; the LoRA targets
     * and the system prompt are left to the JSON output, which carries the settings whole.
     */
    static String settings(Map<String, ?> settings) {
        if (settings == null || settings.isEmpty()) {
            return NONE;
        }
        Map<String, Object> rest = new LinkedHashMap<>(settings);
        List<String> parts = new ArrayList<>();
        setting(parts, "base", rest.remove("base"));
        setting(parts, "method", rest.remove("method"));
        if (rest.remove("lora") instanceof Map<?, ?> lora && !"full".equals(settings.get("method"))) {
            adapter(parts, lora);
        }
        setting(parts, "lr", rest.remove("learningRate"));
        setting(parts, "schedule", rest.remove("schedule"));
        setting(parts, "warmup", rest.remove("warmupSteps"));
        setting(parts, "epochs", rest.remove("epochs"));
        setting(parts, "steps", rest.remove("maxSteps"));
        Object batch = rest.remove("batchSize");
        Object accumulation = rest.remove("gradientAccumulation");
        if (batch != null || accumulation != null) {
            parts.add("batch=" + value(batch) + (accumulation == null ? "" : "x" + value(accumulation)));
        }
        setting(parts, "maxLength", rest.remove("maxLength"));
        setting(parts, "precision", rest.remove("precision"));
        rest.remove("systemPrompt");
        setting(parts, "seed", rest.remove("seed"));
        rest.forEach((key, value) -> setting(parts, key, value));
        return parts.isEmpty() ? NONE : String.join(" ", parts);
    }

    /** A dataset's run settings, as {@link #settings(Map)} writes a training job's. */
    static String settings(RunSettings run) {
        return settings(json.convertValue(run, new TypeReference<Map<String, Object>>() {}));
    }

    /** The adapter's shape; a dropout of zero (the usual one) goes without saying. */
    private static void adapter(List<String> parts, Map<?, ?> lora) {
        setting(parts, "rank", lora.get("rank"));
        setting(parts, "alpha", lora.get("alpha"));
        if (lora.get("dropout") instanceof Number dropout && dropout.doubleValue() != 0) {
            setting(parts, "dropout", dropout);
        }
    }

    private static void setting(List<String> parts, String key, Object value) {
        if (value != null) {
            parts.add(key + "=" + value(value));
        }
    }

    /** Numbers as people write them ({@code 16}, {@code 0.0001}, not {@code 16.0}, {@code 1.0E-4}), lists comma separated. */
    private static String value(Object value) {
        return switch (value) {
            case null -> NONE;
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case Number n
            when Double.isFinite(n.doubleValue()) ->
                new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
            case List<?> list ->
                String.join(",", list.stream().map(Formats::value).toList());
            default -> value.toString();
        };
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
