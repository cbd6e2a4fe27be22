package dev.llmfleet.trainer.run;

import dev.llmfleet.api.error.FleetException;

/**
 * Run settings that make no sense, refused with the field named ({@code run.lora.rank}, ...);
 * the dataset they came with is not stored and nothing is queued.
 */
public final class InvalidRunSettingsException extends FleetException {

    private final String field;

    private InvalidRunSettingsException(String field, String message) {
        super(Kind.UNPROCESSABLE, "invalid-run-settings", field + ": " + message);
        this.field = field;
    }

    /** {@code field} is the setting's path below {@code run}, e.g. {@code lora.rank}. */
    public static InvalidRunSettingsException of(String field, String message) {
        return new InvalidRunSettingsException(field.isEmpty() ? "run" : "run." + field, message);
    }

    /** The refused setting, e.g. {@code run.lora.rank}. */
    public String field() {
        return field;
    }
}
