package dev.llmfleet.scheduler.queue;

import dev.llmfleet.api.error.FleetException;

/** Settings the scheduler will not keep with a job. */
public class InvalidJobSettingsException extends FleetException {

    private InvalidJobSettingsException(String message) {
        super(Kind.INVALID, "invalid-job-settings", message);
    }

    public static InvalidJobSettingsException tooLarge(int bytes, int maxBytes) {
        return new InvalidJobSettingsException(
                "settings take %d bytes as JSON; a job keeps at most %d".formatted(bytes, maxBytes));
    }
}
