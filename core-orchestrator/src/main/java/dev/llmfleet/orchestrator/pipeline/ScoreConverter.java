package dev.llmfleet.orchestrator.pipeline;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Accuracies per {@code <skill>/<level>} as a JSON object in a text column, keys sorted. */
@Converter
class ScoreConverter implements AttributeConverter<Map<String, Double>, String> {

    private static final JsonMapper json = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Double>> type = new TypeReference<>() {};

    @Override
    public String convertToDatabaseColumn(Map<String, Double> scores) {
        return json.writeValueAsString(scores == null ? Map.of() : new TreeMap<>(scores));
    }

    @Override
    public Map<String, Double> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? Map.of() : Map.copyOf(json.readValue(column, type));
    }
}
