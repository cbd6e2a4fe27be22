package dev.llmfleet.orchestrator.registry;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Instance metadata as a JSON object in a text column. */
@Converter
class MetadataConverter implements AttributeConverter<Map<String, String>, String> {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> type = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Map<String, String> metadata) {
        return json.writeValueAsString(metadata == null ? Map.of() : metadata);
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? Map.of() : Map.copyOf(json.readValue(column, type));
    }
}
