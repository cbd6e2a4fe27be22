package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

/** An evaluation that already has its report, or failed, and takes nothing more. */
public class EvaluationClosedException extends FleetException {

    private EvaluationClosedException(String code, String message) {
        super(Kind.CONFLICT, code, message);
    }

    static EvaluationClosedException alreadyReported(UUID id) {
        return new EvaluationClosedException(
                "evaluation-already-reported", "Evaluation " + id + " already has its report");
    }

    static EvaluationClosedException failed(UUID id, String why) {
        return new EvaluationClosedException("evaluation-closed", "Evaluation " + id + " failed: " + why);
    }

    static EvaluationClosedException cannot(UUID id, EvaluationState state, String what) {
        return new EvaluationClosedException(
                "evaluation-closed", "Evaluation " + id + " is " + state + " and cannot " + what);
    }
}
