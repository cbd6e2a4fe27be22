package dev.llmfleet.trainer.lifecycle.versions;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Dataset lists and metric maps as JSON in text columns. */
final class JsonColumns {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonColumns() {}

    @Converter
    static final class StringList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> values) {
            return JSON.writeValueAsString(values == null ? List.of() : values);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return column == null || column.isBlank()
                    ? List.of()
                    : List.copyOf(JSON.readValue(column, new TypeReference<List<String>>() {}));
        }
    }

    @Converter
    static final class NumberMap implements AttributeConverter<Map<String, Double>, String> {
        @Override
        public String convertToDatabaseColumn(Map<String, Double> values) {
            return JSON.writeValueAsString(values == null ? Map.of() : values);
        }

        @Override
        public Map<String, Double> convertToEntityAttribute(String column) {
            return column == null || column.isBlank()
                    ? Map.of()
                    : Map.copyOf(JSON.readValue(column, new TypeReference<Map<String, Double>>() {}));
        }
    }
}
