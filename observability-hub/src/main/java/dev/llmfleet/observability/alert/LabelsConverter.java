package dev.llmfleet.observability.alert;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Alert labels as a JSON object in a text column, keys sorted. */
@Converter
class LabelsConverter implements AttributeConverter<Map<String, String>, String> {

    static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> type = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Map<String, String> labels) {
        return write(labels);
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String column) {
        return read(column);
    }

    static String write(Map<String, String> labels) {
        return json.writeValueAsString(labels == null ? Map.of() : new TreeMap<>(labels));
    }

    static Map<String, String> read(String column) {
        return column == null || column.isBlank() ? Map.of() : Map.copyOf(json.readValue(column, type));
    }
}
