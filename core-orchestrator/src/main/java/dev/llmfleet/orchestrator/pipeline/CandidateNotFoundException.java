package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

/** No candidate with that id. */
public class CandidateNotFoundException extends FleetException {

    private CandidateNotFoundException(String message) {
        super(Kind.NOT_FOUND, "candidate-not-found", message);
    }

    static CandidateNotFoundException forId(UUID id) {
        return new CandidateNotFoundException("No candidate " + id);
    }
}
