package dev.llmfleet.trainer.dataset;

import dev.llmfleet.api.trainer.RunSettings;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import tools.jackson.databind.json.JsonMapper;

/** A dataset's run settings as JSON in a text column; null stays null. */
@Converter
class RunSettingsColumn implements AttributeConverter<RunSettings, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public String convertToDatabaseColumn(RunSettings settings) {
        return settings == null ? null : JSON.writeValueAsString(settings);
    }

    @Override
    public RunSettings convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? null : JSON.readValue(column, RunSettings.class);
    }
}
