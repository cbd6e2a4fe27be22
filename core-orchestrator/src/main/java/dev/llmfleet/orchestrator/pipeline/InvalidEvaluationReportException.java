package dev.llmfleet.orchestrator.pipeline;

import dev.llmfleet.api.error.FleetException;
import java.util.UUID;

/** A report that does not answer its evaluation's questions one for one. */
public class InvalidEvaluationReportException extends FleetException {

    private InvalidEvaluationReportException(String message) {
        super(Kind.INVALID, "evaluation-report-invalid", message);
    }

    static InvalidEvaluationReportException because(UUID id, String why) {
        return new InvalidEvaluationReportException("The report for evaluation " + id + " is not valid: " + why);
    }
}
