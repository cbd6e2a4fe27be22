package dev.llmfleet.trainer.run;

import dev.llmfleet.api.trainer.RunSettings;
import java.util.stream.Collectors;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads run settings as every way in gives them (the inbox's sidecar file, the multipart field
 * {@code run}, the stream upload's {@code run} parameter): one JSON object, strictly. An unknown
 * field, a value of the wrong type or a fraction where a whole number belongs is refused with the
 * field named; an absent or empty text means the trainer's defaults.
 */
public final class RunSettingsReader {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RunSettingsReader() {}

    public static RunSettings read(String json) {
        if (json == null || json.isBlank()) {
            return RunSettings.defaults();
        }
        try {
            RunSettings settings = STRICT.readValue(json, RunSettings.class);
            return settings == null ? RunSettings.defaults() : settings;
        } catch (UnrecognizedPropertyException e) {
            String path = path(e);
            return refuse(
                    path,
                    "is not a run setting; the settings are base, method, lora (rank, alpha, dropout,"
                            + " targets), learningRate, schedule, warmupSteps, epochs, maxSteps, batchSize,"
                            + " gradientAccumulation, maxLength, precision, systemPrompt and seed");
        } catch (MismatchedInputException e) {
            String path = path(e);
            return refuse(path, path.isEmpty() ? "must be a JSON object" : "has a value of the wrong type");
        } catch (JacksonException e) {
            return refuse("", "is not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static RunSettings refuse(String field, String message) {
        throw InvalidRunSettingsException.of(field, message);
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName()
                        : Integer.toString(reference.getIndex()))
                .collect(Collectors.joining("."));
    }
}
