package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

/** No evaluation with that id. */
public class EvaluationNotFoundException extends FleetException {

    private EvaluationNotFoundException(String message) {
        super(Kind.NOT_FOUND, "evaluation-not-found", message);
    }

    static EvaluationNotFoundException forId(UUID id) {
        return new EvaluationNotFoundException("No evaluation " + id);
    }
}
