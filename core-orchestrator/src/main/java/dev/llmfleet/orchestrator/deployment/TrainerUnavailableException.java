package dev.llmfleet.orchestrator.deployment;

import dev.llmfleet.api.error.FleetException;

/** The training host could not be asked whether a version exists. */
public class TrainerUnavailableException extends FleetException {

    private TrainerUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, "trainer-unavailable", message, cause);
    }

    static TrainerUnavailableException checking(String version, Throwable cause) {
        return new TrainerUnavailableException(
                "Cannot check version '" + version + "' on the training host now: " + cause.getMessage(), cause);
    }
}
