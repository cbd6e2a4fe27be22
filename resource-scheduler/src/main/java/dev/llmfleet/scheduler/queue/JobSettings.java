package dev.llmfleet.scheduler.queue;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's settings as the JSON text of its {@code settings} column, keys in the submitter's order.
 * The scheduler never reads them; it only keeps them with the job, so their size is bounded.
 */
final class JobSettings {

    /** Far above a training job's run settings (under 1 KiB), far below what would bloat the job list. */
    static final int MAX_BYTES = 16 * 1024;

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Object>> type = new TypeReference<>() {};

    private JobSettings() {}

    /** The column's text, or none for no settings; refuses settings over {@link #MAX_BYTES}. */
    static String toColumn(Map<String, Object> settings) {
        if (settings == null || settings.isEmpty()) {
            return null;
        }
        String text = json.writeValueAsString(settings);
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw InvalidJobSettingsException.tooLarge(bytes, MAX_BYTES);
        }
        return text;
    }

    static Map<String, Object> fromColumn(String column) {
        return column == null || column.isBlank()
                ? Map.of()
                : Collections.unmodifiableMap(json.readValue(column, type));
    }
}
